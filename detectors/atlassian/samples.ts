import { ALPHABET, crc32Of } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const crcHex = (text: string): string => crc32Of(text).toString(16).toUpperCase().padStart(8, "0");

/** ATATT3xFfGF0… / ATCTT3xFfGN0…: 12-character head, 171 base64url characters, `=`, CRC-32. */
const crcToken = (rng: Rng, head: string): string => {
  const body = `${head}${rng.chars(ALPHABET.base64url, 171)}=`;
  return body + crcHex(body);
};
const appPassword = (rng: Rng): string => {
  const body = `ATBB${rng.chars(ALPHABET.base62, 24)}`;
  return body + crcHex(body);
};
/** Legacy tokens are 24 base62 characters; make sure the sample mixes cases and digits. */
const legacy = (rng: Rng): string => `Ab1${rng.chars(ALPHABET.base62, 21)}`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inCurl = crcToken(rng, "ATATT3xFfGF0");
    return [
      { rule: "api-token", secret: crcToken(rng, "ATATT3xFfGF0"), name: "JIRA_API_TOKEN" },
      { rule: "api-token", secret: crcToken(rng, "ATATT3xFfGF0") },
      {
        rule: "api-token",
        secret: inCurl,
        content: `curl -u me@acme.example:${inCurl} https://acme.atlassian.net/rest/api/3/myself\n`,
        path: "scripts/jira.sh",
      },
      { rule: "access-token", secret: crcToken(rng, "ATCTT3xFfGN0"), name: "BITBUCKET_ACCESS_TOKEN" },
      { rule: "bitbucket-app-password", secret: appPassword(rng), name: "BITBUCKET_APP_PASSWORD" },
      { rule: "bitbucket-app-password", secret: appPassword(rng) },
      { rule: "legacy-api-token", secret: legacy(rng), name: "JIRA_API_TOKEN" },
      { rule: "legacy-api-token", secret: legacy(rng), name: "CONFLUENCE_TOKEN" },
    ];
  },
  negative: (rng) => {
    const good = crcToken(rng, "ATATT3xFfGF0");
    const flipped = good.slice(0, -1) + (good.endsWith("A") ? "B" : "A");
    const app = appPassword(rng);
    return [
      { content: `JIRA_API_TOKEN=${flipped}`, why: "checksum does not match" },
      { content: `BITBUCKET_APP_PASSWORD=${app.slice(0, -1)}${app.endsWith("0") ? "1" : "0"}`, why: "app password checksum does not match" },
      { content: "JIRA_API_TOKEN=ATATT3xFfGF0...", why: "placeholder" },
      { content: `token: ${good.slice(0, 120)}`, why: "truncated" },
      { content: `id = "X${app}"`, why: "part of a longer word" },
      { content: `JIRA_ACCOUNT_ID=${rng.hex(24)}`, why: "a 24-hex Jira account id, not a token" },
      { content: "JIRA_API_TOKEN=${JIRA_API_TOKEN}", why: "reference" },
      { content: "jira_token = process.env.JIRA_API_TOKEN", why: "reference" },
      { content: "ATLASSIAN_TOKEN: ${{ secrets.ATLASSIAN_TOKEN }}", why: "reference to a secret store" },
      { content: `TOKEN=${rng.chars(ALPHABET.base62, 24)}`, why: "24 characters with no Atlassian evidence" },
    ];
  },
};
