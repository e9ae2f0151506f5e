/** PyPI: macaroon decoding and caveats (user-wide, project-scoped, expiry, trusted publishing, legacy). */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector, NO_READ_ONLY_CHECK } from "../../detectors/pypi/index.js";
import { decodeMacaroon, encodeToken, tokenScope } from "../../detectors/pypi/macaroon.js";
import { projectScoped, sampleToken, userWide } from "../../detectors/pypi/samples.js";

const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const scan = (content: string) => scanContent(Buffer.from(content), ".pypirc", compileRules([detector])).matches.map((m) => m.ruleId);

describe("pypi macaroon decoding", () => {
  it("starts with the documented prefixes for pypi.org and test.pypi.org", () => {
    const rng = createRng(1);
    expect(userWide(rng).startsWith("pypi-AgEIcHlwaS5vcmcC")).toBe(true);
    expect(sampleToken(rng, [], "test.pypi.org").startsWith("pypi-AgENdGVzdC5weXBpLm9yZw")).toBe(true);
  });

  it("round-trips location, identifier, caveats and signature", () => {
    const macaroon = { location: "pypi.org", identifier: createRng(2).uuid(), caveats: ['[3,"u"]', '[0,2,1]'], signature: Buffer.alloc(32, 7) };
    expect(decodeMacaroon(encodeToken(macaroon))).toEqual(macaroon);
  });

  it("rejects tokens that do not decode: truncated, trailing bytes, bad lengths, wrong signature size", () => {
    const token = userWide(createRng(3));
    expect(decodeMacaroon(token)).toBeDefined();
    expect(decodeMacaroon(token.slice(0, -4))).toBeUndefined();
    expect(decodeMacaroon(`${token}AAAA`)).toBeUndefined();
    expect(decodeMacaroon(token.replace("vcmcCJ", "vcmcCK"))).toBeUndefined();
    const short = encodeToken({ location: "pypi.org", identifier: "x", caveats: [], signature: Buffer.alloc(16) });
    expect(decodeMacaroon(short)).toBeUndefined();
    expect(rule("api-token").validate!(sampleToken(createRng(4), [], "test.pypi.org"))).toMatchObject({ ok: false });
  });
});

describe("pypi caveats", () => {
  it("reads a user-wide token as account-wide upload rights", () => {
    const inference = rule("api-token").infer!(userWide(createRng(5)));
    expect(inference.tokenClass).toBe("user-wide upload token");
    expect(inference.capabilities).toEqual(["ACCOUNT_WIDE", "CODE_WRITE"]);
    expect(inference.account).toMatch(/^user [0-9a-f-]{36}$/);
    expect(inference.notes).toContain(NO_READ_ONLY_CHECK);
  });

  it("reads a project-scoped token with its projects and no account-wide reach", () => {
    const inference = rule("api-token").infer!(projectScoped(createRng(6), ["acme-tools", "acme-cli"]));
    expect(inference.tokenClass).toBe("project-scoped upload token");
    expect(inference.capabilities).toEqual(["CODE_WRITE"]);
    expect(inference.notes.join(" ")).toContain("acme-tools, acme-cli");
  });

  it("reads expiry, trusted publishing and legacy v1 caveats", () => {
    const rng = createRng(7);
    const expiring = rule("api-token").infer!(sampleToken(rng, [[0, 1_900_000_000, 1_700_000_000], [3, rng.uuid()]]));
    expect(expiring.expiresAt).toBe(new Date(1_900_000_000_000).toISOString());
    const oidc = rule("api-token").infer!(sampleToken(rng, [[4, rng.uuid()], [0, 1_800_000_900, 1_800_000_000]]));
    expect(oidc).toMatchObject({ tokenClass: "Trusted Publishing (OIDC) token", lifetime: "short" });
    expect(tokenScope(['{"version": 1, "permissions": {"projects": ["legacy-proj"]}}'])).toMatchObject({ kind: "projects", projects: ["legacy-proj"] });
    expect(tokenScope(['{"version": 1, "permissions": "user"}']).kind).toBe("user");
    expect(tokenScope(["not json", "[9]"]).unknown).toBe(2);
  });

  it("marks TestPyPI tokens as test mode and finds them in a .pypirc", () => {
    const token = sampleToken(createRng(8), [[3, "u"]], "test.pypi.org");
    expect(rule("test-api-token").testMode).toBe(true);
    expect(rule("test-api-token").infer!(token).capabilities).toContain("TEST_MODE");
    expect(scan(`[testpypi]\nusername = __token__\npassword = ${token}\n`)).toEqual(["pypi/test-api-token"]);
  });
});
