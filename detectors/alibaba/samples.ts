import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const keyId = (rng: Rng, length = 20): string => `LTAI${rng.chars(ALPHABET.base62, length)}`;
const keySecret = (rng: Rng): string => rng.chars(ALPHABET.base62, 30);

export const samples: DetectorSamples = {
  positive: (rng) => [
    ...(() => {
      const id = keyId(rng);
      const secret = keySecret(rng);
      const content = JSON.stringify({ current: "default", profiles: [{ name: "default", mode: "AK", access_key_id: id, access_key_secret: secret, region_id: "cn-hangzhou" }] }, null, 2);
      return [
        { rule: "cli-config-secret", secret, content, path: ".aliyun/config.json" },
        { rule: "access-key-id", secret: id, content, path: ".aliyun/config.json" },
      ];
    })(),
    { rule: "access-key-id", secret: keyId(rng), name: "ALIBABA_CLOUD_ACCESS_KEY_ID" },
    { rule: "access-key-id", secret: keyId(rng, 12) },
    { rule: "access-key-secret", secret: keySecret(rng), name: "ALIBABA_CLOUD_ACCESS_KEY_SECRET" },
    { rule: "access-key-secret", secret: keySecret(rng), name: "ALICLOUD_SECRET_KEY" },
    { rule: "access-key-secret", secret: keySecret(rng), name: "aliyun_access_key_secret" },
  ],
  negative: (rng) => [
    { content: `ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${"x".repeat(20)}`, why: "placeholder" },
    { content: `access_key_id: ${keyId(rng).slice(0, 14)}`, why: "truncated (neither 16 nor 24 characters)" },
    { content: `const cls = "ULTAI${rng.chars(ALPHABET.base62, 20)}";`, why: "part of a longer word" },
    { content: `id = "${keyId(rng)}_backup"`, why: "continues into a longer identifier" },
    { content: `ACCESS_KEY_SECRET=${keySecret(rng)}`, why: "30 characters with no Alibaba evidence" },
    { content: `{"access_key_secret": "${keySecret(rng)}"}`, path: "config/other.json", why: "CLI key name outside the aliyun CLI config" },
    { content: "ALIBABA_CLOUD_ACCESS_KEY_SECRET=${ALIBABA_CLOUD_ACCESS_KEY_SECRET}", why: "reference" },
    { content: "aliyun_secret = os.environ['ALIYUN_SECRET']", why: "reference" },
    { content: "alibaba_cloud_access_key_secret: \"{{ secrets.ALIBABA_SECRET }}\"", why: "reference to a secret store" },
  ],
};
