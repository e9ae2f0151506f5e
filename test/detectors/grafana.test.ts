/** Grafana: glsa_ checksum against Grafana's own test vector, glc_/API key payload decoding. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector, serviceAccountChecksum } from "../../detectors/grafana/index.js";

const compiled = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", compiled);
const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");

describe("grafana detector", () => {
  const rng = createRng(22);

  it("computes the service account checksum as Grafana's tokengen test expects", () => {
    // grafana/grafana pkg/components/satokengen/tokengen_test.go: secret iNValIdinValiDinvalidinvalidinva -> 5b582697.
    expect(serviceAccountChecksum(["glsa", "iNValIdinValiDinvalidinvalidinva"].join("_"))).toBe("5b582697");
  });

  it("reports a service account token with a good checksum and drops a bad one", () => {
    const head = `glsa_${rng.chars(ALPHABET.base62, 32)}`;
    const good = `${head}_${serviceAccountChecksum(head)}`;
    expect(scan(`GRAFANA_TOKEN=${good}`).matches.map((m) => m.secret)).toEqual([good]);
    const bad = `${head}_${serviceAccountChecksum(`${head}x`)}`;
    expect(scan(`GRAFANA_TOKEN=${bad}`).dropped.map((d) => d.reason)).toEqual(["checksum"]);
  });

  it("decodes a Cloud access policy token's organization, name and region", () => {
    const token = `glc_${b64({ o: "1234567", n: "stack-99-metrics-write", k: rng.chars(ALPHABET.base62, 24), m: { r: "prod-eu-west-2" } })}`;
    expect(scan(`password: ${token}\n`).matches.map((m) => m.ruleId)).toEqual(["grafana/cloud-access-policy-token"]);
    const inference = rule("cloud-access-policy-token").infer!(token);
    expect(inference.account).toBe("org 1234567");
    expect(inference.notes.join(" ")).toContain("prod-eu-west-2");
  });

  it("tells a legacy API key from other {\"k\": payloads", () => {
    const key = b64({ k: rng.chars(ALPHABET.base62, 32), n: "deploy", id: 3 });
    const powerBi = b64({ k: rng.uuid(), t: rng.uuid(), c: 5 });
    expect(key.startsWith("eyJrIjoi") && powerBi.startsWith("eyJrIjoi")).toBe(true);
    expect(scan(`GRAFANA_API_KEY=${key}\nreport=${powerBi}\n`).matches.map((m) => m.secret)).toEqual([key]);
    expect(rule("api-key").infer!(key).notes.join(" ")).toContain('"deploy"');
  });

  it("never repeats the key material of a decoded token in its notes", () => {
    const k = rng.chars(ALPHABET.base62, 24);
    const token = `glc_${b64({ o: "1", n: "n", k, m: { r: "us" } })}`;
    expect(JSON.stringify(rule("cloud-access-policy-token").infer!(token))).not.toContain(k);
  });
});
