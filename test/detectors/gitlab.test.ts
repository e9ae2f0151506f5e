/** GitLab routable tokens: checksum, declared length, routing data decoded offline, class inference. */
import { describe, expect, it } from "vitest";
import { createRng, crc32Of, toBase36 } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/gitlab/index.js";
import { buildRoutable, checkRoutable, decodeRouting } from "../../detectors/gitlab/routable.js";

// GitLab's published examples, split so that no literal in this repository looks like a token.
const PUBLISHED_UNVERSIONED = ["glpat", "bzox79Of-KE9FD2LjoXXF4CvyxA.0r03gxo7s"].join("-");
const PUBLISHED_VERSIONED_FAKE_CRC = ["glpat", "TESTtokenGq5K56y8RBbu286MQp1OmFwOAk.01.0z11111is"].join("-");

const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const scan = (content: string) => scanContent(Buffer.from(content), ".env", compileRules([detector]));

describe("gitlab routable tokens", () => {
  it("accepts GitLab's published routable example and rejects it with one character changed", () => {
    expect(checkRoutable(PUBLISHED_UNVERSIONED, "glpat-")).toEqual({ ok: true });
    const changed = PUBLISHED_UNVERSIONED.replace("bzox", "bzoy");
    expect(checkRoutable(changed, "glpat-")).toEqual({ ok: false, reason: "checksum" });
  });

  it("rejects a token whose declared payload length is wrong even when its CRC is right", () => {
    const payload = Buffer.alloc(24, 7).toString("base64url");
    const head = `glpat-${payload}.01.${toBase36(payload.length + 1, 2)}`;
    const token = head + toBase36(crc32Of(head), 7);
    expect(checkRoutable(token, "glpat-")).toEqual({ ok: false, reason: "payload length does not match" });
  });

  it("decodes organization and user ids the way GitLab's published versioned token lays them out", () => {
    const routing = decodeRouting(PUBLISHED_VERSIONED_FAKE_CRC, "glpat-");
    expect(Object.fromEntries(routing)).toEqual({ organization: "1", user: String(parseInt("ap8", 36)) });
    expect(checkRoutable(PUBLISHED_VERSIONED_FAKE_CRC, "glpat-").ok).toBe(false);
  });

  it("builds tokens that validate and decode, with or without an instance prefix", () => {
    const random = Buffer.from(createRng(7).hex(32), "hex");
    for (const prefix of ["glpat-", "acme-glpat-"]) {
      const token = buildRoutable(prefix, random, `o:2s\nu:${(123456789).toString(36)}`);
      expect(checkRoutable(token, "glpat-")).toEqual({ ok: true });
      expect(Object.fromEntries(decodeRouting(token, "glpat-"))).toEqual({ organization: "100", user: "123456789" });
    }
  });

  it("infers the class and the decoded owner ids offline", () => {
    const token = buildRoutable("glpat-", Buffer.from(createRng(3).hex(32), "hex"), "o:1\nu:ap8");
    const inference = rule("personal-access-token").infer!(token);
    expect(inference.tokenClass).toBe("routable access token");
    expect(inference.account).toBe("organization 1");
    expect(inference.notes.join(" ")).toContain("user 13868");
    expect(inference.capabilities).toContain("ACCOUNT_WIDE");
    expect(rule("ci-job-token").infer!(`glcbt-64_${"a1B2c3D4e5F6g7H8i9J0"}`).tokenClass).toBe("CI/CD job token");
  });

  it("reports a valid routable token once, under the routable rule, and drops it when the CRC is wrong", () => {
    const token = buildRoutable("glpat-", Buffer.from(createRng(5).hex(32), "hex"), "o:1\nu:ap8");
    expect(scan(`GITLAB_TOKEN=${token}\n`).matches.map((m) => [m.ruleId, m.secret])).toEqual([
      ["gitlab/personal-access-token", token],
    ]);
    const broken = token.slice(0, -1) + (token.endsWith("0") ? "1" : "0");
    const result = scan(`GITLAB_TOKEN=${broken}\n`);
    expect(result.matches).toEqual([]);
    expect(result.dropped.map((d) => d.reason)).toEqual(["checksum"]);
  });
});
