import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inHeader = rng.uuid();
    return [
      { rule: "server-token", secret: rng.uuid(), name: "POSTMARK_SERVER_TOKEN" },
      { rule: "server-token", secret: rng.uuid(), name: "POSTMARK_API_TOKEN" },
      { rule: "server-token", secret: rng.uuid().toUpperCase(), name: "postmark_token" },
      {
        rule: "server-token",
        secret: inHeader,
        content: `curl https://api.postmarkapp.com/server -H "Accept: application/json" -H "X-Postmark-Server-Token: ${inHeader}"\n`,
        path: "scripts/check.sh",
      },
      { rule: "account-token", secret: rng.uuid(), name: "POSTMARK_ACCOUNT_TOKEN" },
      { rule: "account-token", secret: rng.uuid(), name: "POSTMARK_ACCOUNT_API_TOKEN" },
    ];
  },
  negative: (rng) => [
    { content: "POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST", why: "Postmark's test token: sends nothing" },
    { content: `REQUEST_ID=${rng.uuid()}`, why: "a UUID with no Postmark evidence" },
    { content: `POSTMARK_SERVER_TOKEN=${rng.uuid().slice(0, 30)}`, why: "truncated" },
    { content: "POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000", why: "placeholder" },
    { content: `POSTMARK_MESSAGE_STREAM=outbound`, why: "not a token" },
    { content: "POSTMARK_SERVER_TOKEN=${POSTMARK_SERVER_TOKEN}", why: "reference" },
    { content: "client = new postmark.ServerClient(process.env.POSTMARK_SERVER_TOKEN)", why: "reference" },
    { content: "POSTMARK_SERVER_TOKEN: ${{ secrets.POSTMARK_SERVER_TOKEN }}", why: "reference to a secret store" },
  ],
};
