/** Credential exchange (tier T3) leaves the process only with --allow-exchange, whatever a module asks. */
import { describe, expect, it } from "vitest";
import { checkAllowed } from "../src/net/allowlist.js";
import { detectorById } from "../src/registry.js";

describe("exchange entries", () => {
  const api = detectorById("google-cloud")!.api!;
  const body = `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${"a".repeat(20)}.${"b".repeat(20)}.${"c".repeat(20)}`;
  const request = { method: "POST", path: "/token", body, origin: "https://oauth2.googleapis.com" };

  it("marks the GCP JWT exchange as an exchange", () => {
    expect(api.allow.filter((entry) => entry.exchange).map((entry) => entry.path)).toEqual(["/token"]);
  });

  it("refuses it without --allow-exchange and allows it with", () => {
    expect(checkAllowed(api.allow, request, api.baseUrl).allowed).toBe(false);
    expect(checkAllowed(api.allow, request, api.baseUrl, { allowExchange: true }).allowed).toBe(true);
  });
});
