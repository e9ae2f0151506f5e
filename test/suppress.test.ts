import { describe, expect, it } from "vitest";
import { suppressionFor } from "../src/suppress.js";
import type { RawMatch } from "../src/types.js";

const match = (lineText: string, previousLineText = ""): RawMatch => ({
  detectorId: "github",
  ruleId: "github/classic-pat",
  secret: "value",
  start: 0,
  end: 5,
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 6,
  lineText,
  previousLineText,
});

describe("suppression", () => {
  it("honours tokscan:allow on the line, with an optional reason", () => {
    expect(suppressionFor(match("TOKEN=value # tokscan:allow"), "f", [])).toEqual({ by: "comment" });
    expect(suppressionFor(match("TOKEN=value // tokscan:allow revoked in 2024"), "f", [])).toEqual({ by: "comment", reason: "revoked in 2024" });
  });

  it("honours tokscan:allow on the line above", () => {
    expect(suppressionFor(match("TOKEN=value", "# tokscan:allow: test fixture"), "f", [])).toEqual({ by: "comment", reason: "test fixture" });
  });

  it("ignores the marker two lines up or a similar word", () => {
    expect(suppressionFor(match("TOKEN=value", "x = 1"), "f", [])).toBeUndefined();
    expect(suppressionFor(match("TOKEN=value # tokscan:allowed"), "f", [])).toBeUndefined();
  });

  it("honours config fingerprints, and only matching ones", () => {
    const allow = [{ fingerprint: "abc", reason: "known" }];
    expect(suppressionFor(match("TOKEN=value"), "abc", allow)).toEqual({ by: "config", reason: "known" });
    expect(suppressionFor(match("TOKEN=value"), "abd", allow)).toBeUndefined();
  });
});

describe("suppression comments in other syntaxes", () => {
  it("reads the reason inside an HTML or block comment", () => {
    expect(suppressionFor(match("<!-- tokscan:allow -->", ""), "f", [])).toEqual({ by: "comment" });
    expect(suppressionFor(match("<!-- tokscan:allow docs sample -->", ""), "f", [])).toEqual({ by: "comment", reason: "docs sample" });
    expect(suppressionFor(match("x /* tokscan:allow fixture */", ""), "f", [])).toEqual({ by: "comment", reason: "fixture" });
  });

  it("takes the line above only when it is a comment of its own", () => {
    expect(suppressionFor(match("TOKEN=value", 'b = "x"; // tokscan:allow'), "f", [])).toBeUndefined();
    expect(suppressionFor(match("TOKEN=value", "  // tokscan:allow"), "f", [])).toEqual({ by: "comment" });
  });
});
