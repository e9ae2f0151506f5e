/**
 * Tokens hidden in base64 (Kubernetes Secret data, .dockerconfigjson, docker "auth", any blob),
 * URL-encoding and JSON escapes: each is found once, at the encoded text's line, with its encoding.
 */
import { describe, expect, it } from "vitest";
import { detectors } from "../src/registry.js";
import { ALPHABET, createRng, withBase62Crc } from "../src/detector-kit/index.js";
import { compileRules } from "../src/engine/compile.js";
import { scanContent } from "../src/engine/scan-content.js";
import { findEncodedRuns } from "../src/engine/decode-layers.js";
import { stableBase64 } from "../src/engine/encoded-keywords.js";

const ruleSet = compileRules(detectors);
const scan = (content: string, path = "file.txt") => scanContent(Buffer.from(content, "utf8"), path, ruleSet);
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

function githubToken(seed: number): string {
  return `ghp_${withBase62Crc(createRng(seed).chars(ALPHABET.base62, 30))}`;
}

/** 1-based line of the first occurrence of `needle`. */
const lineOf = (content: string, needle: string) => content.slice(0, content.indexOf(needle)).split("\n").length;

describe("base64 layer", () => {
  it("finds a token in a Kubernetes Secret data value, once, at its line", () => {
    const token = githubToken(11);
    const value = b64(token);
    const manifest = [
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: ci-credentials",
      "type: Opaque",
      "data:",
      `  GITHUB_TOKEN: ${value}`,
      "  LOG_LEVEL: ZGVidWc=",
      "",
    ].join("\n");
    const { matches } = scan(manifest, "k8s/secret.yaml");
    expect(matches.map((m) => [m.ruleId, m.secret === token, m.encoding, m.line])).toEqual([
      ["github/classic-pat", true, "base64", 7],
    ]);
    const [match] = matches;
    expect(manifest.slice(match!.start, match!.end)).toBe(value.replace(/=+$/, ""));
    expect(match!.column).toBe(manifest.split("\n")[6]!.indexOf(value) + 1);
  });

  it("finds a token in the same Secret written as JSON", () => {
    const token = githubToken(12);
    const manifest = JSON.stringify({ apiVersion: "v1", kind: "Secret", data: { token: b64(token) } }, null, 2);
    const { matches } = scan(manifest, "secret.json");
    expect(matches.map((m) => [m.ruleId, m.secret === token, m.encoding, m.line])).toEqual([
      ["github/classic-pat", true, "base64", lineOf(manifest, b64(token))],
    ]);
  });

  it("finds a registry password inside .dockerconfigjson (base64 JSON holding a base64 auth)", () => {
    const token = githubToken(13);
    const config = JSON.stringify({ auths: { "ghcr.io": { auth: b64(`octocat:${token}`) } } });
    const manifest = [
      "apiVersion: v1",
      "kind: Secret",
      "type: kubernetes.io/dockerconfigjson",
      "metadata:",
      "  name: regcred",
      "data:",
      `  .dockerconfigjson: ${b64(config)}`,
      "",
    ].join("\n");
    const { matches } = scan(manifest, "deploy/regcred.yaml");
    expect(matches.map((m) => [m.ruleId, m.secret === token, m.encoding, m.line])).toEqual([
      ["github/classic-pat", true, "base64", 7],
    ]);
  });

  it("finds a docker config.json auth value", () => {
    const token = githubToken(14);
    const config = JSON.stringify({ auths: { "ghcr.io": { auth: b64(`octocat:${token}`) } } }, null, 2);
    const { matches } = scan(config, ".docker/config.json");
    expect(matches.map((m) => [m.ruleId, m.secret === token, m.encoding, m.line])).toEqual([
      ["github/classic-pat", true, "base64", lineOf(config, '"auth":')],
    ]);
  });

  it("finds a token anywhere in a long base64 blob at every alignment, with exact encoded spans", () => {
    const rng = createRng(15);
    for (let pad = 0; pad < 3; pad++) {
      const token = githubToken(100 + pad);
      const json = `{"mappings":"${rng.chars(ALPHABET.base62, 3000 + pad)}","env":"${token}","x":"${rng.chars(ALPHABET.base62, 3000)}"}`;
      const blob = b64(json);
      const content = `// header\n//# sourceMappingURL=data:application/json;base64,${blob}\n`;
      const { matches } = scan(content, "dist/app.js.map");
      expect(matches.map((m) => [m.ruleId, m.secret === token, m.encoding, m.line]), `pad ${pad}`).toEqual([
        ["github/classic-pat", true, "base64", 2],
      ]);
      const tokenAt = Buffer.from(json).indexOf(token);
      const blobAt = content.indexOf(blob);
      expect(matches[0]!.start).toBe(blobAt + Math.floor((tokenAt * 8) / 6));
      expect(Buffer.from(content.slice(matches[0]!.start - ((matches[0]!.start - blobAt) % 4), matches[0]!.end + 4), "base64").toString()).toContain(token);
    }
  });

  it("finds base64url-encoded tokens", () => {
    const token = githubToken(16);
    const content = `payload=${Buffer.from(`>>>${token}???`).toString("base64url")}\n`;
    const { matches } = scan(content);
    expect(matches.map((m) => [m.secret === token, m.encoding])).toEqual([[true, "base64"]]);
  });

  it("decodes only small windows of a large blob", () => {
    const token = githubToken(17);
    const rng = createRng(17);
    const blob = b64(`${rng.chars(ALPHABET.base62, 2_000_000)} ${token} ${rng.chars(ALPHABET.base62, 2_000_000)}`);
    const content = Buffer.from(`data:application/octet-stream;base64,${blob}`);
    const matches = scanContent(content, "blob.txt", ruleSet).matches;
    expect(matches.map((m) => m.secret === token)).toEqual([true]);
    const keywordCount = ruleSet.keywordCount;
    const hits: Parameters<typeof findEncodedRuns>[1][number][] = [];
    ruleSet.automaton.scan(content, (id, end) => {
      if (id >= keywordCount && id < ruleSet.cueBase) hits.push({ form: ruleSet.encodedForms[id - keywordCount]!, end, reach: 64 });
    });
    const decodedBytes = findEncodedRuns(content, hits).reduce((sum, run) => sum + run.decoded.length, 0);
    expect(decodedBytes).toBeGreaterThan(0);
    expect(decodedBytes).toBeLessThan(blob.length / 50);
  });

  it("computes the stable characters of a keyword at each alignment", () => {
    const keyword = Buffer.from("ghp_");
    for (let alignment = 0; alignment < 3; alignment++) {
      const { text, groupOffset } = stableBase64(keyword, alignment);
      for (const prefix of ["", "a", "ab"].filter((p) => p.length === alignment)) {
        for (const suffix of ["", "x", "xyz0"]) {
          const encoded = Buffer.from(`${prefix}ghp_${suffix}`).toString("base64");
          expect(encoded.slice(groupOffset, groupOffset + text.length)).toBe(text);
        }
      }
      expect(text.length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("URL and JSON-escape layers", () => {
  it("finds a URL-encoded token in a URL", () => {
    const token = githubToken(21);
    const encoded = [...token].map((c, i) => (i < 4 ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c)).join("");
    const content = `# callback\nredirect: https://ci.example.test/hook?next=%2Fdone&token=${encoded}&x=1\n`;
    const { matches } = scan(content, "notes.md");
    expect(matches.map((m) => [m.ruleId, m.secret === token, m.encoding, m.line])).toEqual([
      ["github/classic-pat", true, "url", 2],
    ]);
    expect(content.slice(matches[0]!.start, matches[0]!.end)).toBe(encoded);
  });

  it("finds a JSON-escaped token", () => {
    const token = githubToken(22);
    const escaped = token.replace("_", "\\u005f");
    const content = `{\n  "name": "ci",\n  "token": "${escaped}"\n}\n`;
    const { matches } = scan(content, "settings.json");
    expect(matches.map((m) => [m.ruleId, m.secret === token, m.encoding, m.line])).toEqual([
      ["github/classic-pat", true, "json-escape", 3],
    ]);
    expect(content.slice(matches[0]!.start, matches[0]!.end)).toBe(escaped);
  });

  it("reports a plain token once even inside a run with escapes", () => {
    const token = githubToken(23);
    const content = `{"url":"https:\\/\\/example.test\\/x?t=${token}"}\n`;
    const { matches } = scan(content, "a.json");
    expect(matches.map((m) => [m.secret === token, m.encoding])).toEqual([[true, undefined]]);
  });
});

describe("negatives", () => {
  it("random base64 that decodes to nothing yields no match", () => {
    const rng = createRng(31);
    const content = [
      "apiVersion: v1",
      "kind: Secret",
      "data:",
      ...Array.from({ length: 20 }, (_, i) => `  key${i}: ${rng.chars(ALPHABET.base64, 44)}`),
      `blob: ${rng.chars(ALPHABET.base64, 200_000)}`,
    ].join("\n");
    expect(scan(content, "secret.yaml").matches).toEqual([]);
  });

  it("a data: URI image yields no match", () => {
    const rng = createRng(32);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(rng.chars(ALPHABET.base62, 30_000), "latin1").map((b) => (b * 7) & 0xff)]);
    const content = `.logo { background: url("data:image/png;base64,${png.toString("base64")}"); }\n`;
    expect(scan(content, "style.css").matches).toEqual([]);
  });

  it("a base64-hidden token with a wrong checksum is dropped, not reported", () => {
    const token = githubToken(33);
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    const result = scan(`kind: Secret\ndata:\n  GITHUB_TOKEN: ${b64(flipped)}\n`, "secret.yaml");
    // (A generic rule may still flag the high-entropy base64 value itself: not this test's concern.)
    expect(result.matches.filter((m) => m.detectorId === "github")).toEqual([]);
    expect(result.dropped.filter((d) => d.ruleId.startsWith("github/")).map((d) => [d.ruleId, d.line, d.reason])).toEqual([
      ["github/classic-pat", 3, "checksum"],
    ]);
  });

  it("percent-escapes of characters that need escaping open no run", () => {
    const content = `background: url("data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27%3E%3C/svg%3E");`;
    expect(findEncodedRuns(Buffer.from(content))).toEqual([]);
  });
});
