/** Atlassian: CRC-32 checksums of ATATT3/ATCTT3/ATBB tokens, legacy tokens under Jira key names only. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng, crc32Of } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector, hasAtlassianCrc } from "../../detectors/atlassian/index.js";

const compiled = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), "config/settings.env", compiled);
const crcHex = (text: string) => crc32Of(text).toString(16).toUpperCase().padStart(8, "0");

describe("atlassian detector", () => {
  const rng = createRng(14);
  const apiToken = () => {
    const head = `ATATT3xFfGF0${rng.chars(ALPHABET.base64url, 171)}=`;
    return head + crcHex(head);
  };

  it("checks the CRC-32 (IEEE) of everything before the last 8 characters", () => {
    // CRC-32/IEEE check value: crc32("123456789") = CBF43926.
    expect(hasAtlassianCrc("123456789CBF43926")).toBe(true);
    expect(hasAtlassianCrc("123456789cbf43926")).toBe(false);
    expect(hasAtlassianCrc("123456780CBF43926")).toBe(false);
  });

  it("reports a valid API token and drops it with any character changed", () => {
    const token = apiToken();
    expect(scan(`JIRA_API_TOKEN=${token}\n`).matches.map((m) => [m.ruleId, m.secret])).toEqual([["atlassian/api-token", token]]);
    const changed = token.slice(0, 40) + (token[40] === "a" ? "b" : "a") + token.slice(41);
    const result = scan(`JIRA_API_TOKEN=${changed}\n`);
    expect(result.matches).toEqual([]);
    expect(result.dropped.map((d) => d.reason)).toContain("checksum");
  });

  it("finds an API token in Basic-auth and Bearer forms, and access tokens in git URLs", () => {
    const token = apiToken();
    const accessHead = `ATCTT3xFfGN0${rng.chars(ALPHABET.base64url, 171)}=`;
    const access = accessHead + crcHex(accessHead);
    const content = `curl -u ops@acme.example:${token} https://acme.atlassian.net/rest/api/3/myself\n` +
      `git clone https://x-token-auth:${access}@bitbucket.org/acme/app.git\n`;
    expect(scan(content).matches.map((m) => m.ruleId)).toEqual(["atlassian/api-token", "atlassian/access-token"]);
  });

  it("checks app passwords over their first 28 characters", () => {
    const head = `ATBB${rng.chars(ALPHABET.base62, 24)}`;
    const good = head + crcHex(head);
    expect(scan(`BITBUCKET_APP_PASSWORD=${good}`).matches.map((m) => m.ruleId)).toEqual(["atlassian/bitbucket-app-password"]);
    expect(scan(`BITBUCKET_APP_PASSWORD=${head}${crcHex(head.toLowerCase())}`).matches).toEqual([]);
  });

  it("reports legacy 24-character tokens only under Jira/Confluence/Atlassian names, never hex account ids", () => {
    const legacy = `Qz7${rng.chars(ALPHABET.base62, 21)}`;
    expect(scan(`JIRA_API_TOKEN=${legacy}`).matches.map((m) => [m.ruleId, m.evidence])).toEqual([
      ["atlassian/legacy-api-token", "JIRA_API_TOKEN"],
    ]);
    expect(scan(`GITHUB_TOKEN=${legacy}`).matches).toEqual([]);
    expect(scan(`JIRA_ACCOUNT_ID=${rng.hex(24)}`).matches).toEqual([]);
  });
});
