import { ALPHABET, crc32Of } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64");

const cloudToken = (rng: Rng, padded = true): string => {
  const encoded = b64({
    o: rng.chars(ALPHABET.digits, 7),
    n: `stack-${rng.chars(ALPHABET.digits, 7)}-integration-${rng.pick(["alloy", "otel", "metrics"])}`,
    k: rng.chars(ALPHABET.base62, 24),
    m: { r: rng.pick(["prod-us-east-0", "prod-eu-west-2", "us"]) },
  });
  return `glc_${padded ? encoded : encoded.replace(/=+$/, "")}`;
};

const serviceAccountToken = (rng: Rng): string => {
  const head = `glsa_${rng.chars(ALPHABET.base62, 32)}`;
  const crc = crc32Of(head);
  return `${head}_${Buffer.from([crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, (crc >>> 24) & 0xff]).toString("hex")}`;
};

const apiKey = (rng: Rng): string =>
  b64({ k: rng.chars(ALPHABET.base62, 32), n: rng.pick(["deploy", "ci-reader", "terraform"]), id: 1 + rng.int(40) });

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "cloud-access-policy-token", secret: cloudToken(rng), name: "GRAFANA_CLOUD_TOKEN" },
    { rule: "cloud-access-policy-token", secret: cloudToken(rng, false) },
    { rule: "service-account-token", secret: serviceAccountToken(rng), name: "GRAFANA_SERVICE_ACCOUNT_TOKEN" },
    { rule: "service-account-token", secret: serviceAccountToken(rng) },
    { rule: "api-key", secret: apiKey(rng), name: "GRAFANA_API_KEY" },
  ],
  negative: (rng) => {
    const good = serviceAccountToken(rng);
    const flipped = good.slice(0, -1) + (good.endsWith("a") ? "b" : "a");
    return [
      { content: `GRAFANA_TOKEN=${flipped}`, why: "checksum does not match" },
      { content: `GRAFANA_TOKEN=glc_${b64({ hello: "world", list: [1, 2, 3, 4, 5, 6, 7, 8] })}`, why: "JSON without the token fields" },
      {
        content: `https://app.powerbi.com/view?r=${b64({ k: rng.uuid(), t: rng.uuid(), c: 3 })}`,
        why: "Power BI embed link: same {\"k\": opening, not a Grafana key",
      },
      { content: `GRAFANA_TOKEN=glsa_${"x".repeat(32)}_${rng.hex(8)}`, why: "placeholder" },
      { content: `GRAFANA_TOKEN=${good.slice(0, 30)}`, why: "truncated" },
      { content: `id = "a${good}"`, why: "part of a longer word" },
      { content: "GRAFANA_TOKEN=${GRAFANA_TOKEN}", why: "reference" },
      { content: "grafana_auth = os.environ['GRAFANA_API_KEY']", why: "reference" },
      { content: "GRAFANA_CLOUD_TOKEN: ${{ secrets.GRAFANA_CLOUD_TOKEN }}", why: "reference to a secret store" },
    ];
  },
};
