import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

/** Current Stripe keys carry 99 characters after the prefix, older ones 24. */
const key = (rng: Rng, prefix: string, length = 99): string => `${prefix}${rng.chars(ALPHABET.base62, length)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "secret-key-live", secret: key(rng, "sk_live_"), name: "STRIPE_SECRET_KEY" },
    { rule: "secret-key-live", secret: key(rng, "sk_live_", 24) },
    { rule: "restricted-key-live", secret: key(rng, "rk_live_") },
    { rule: "secret-key-test", secret: key(rng, "sk_test_"), name: "STRIPE_TEST_KEY" },
    { rule: "restricted-key-test", secret: key(rng, "rk_test_", 24) },
    { rule: "organization-key", secret: key(rng, "sk_org_", 64) },
    { rule: "webhook-secret", secret: key(rng, "whsec_", 32), name: "STRIPE_WEBHOOK_SECRET" },
    { rule: "webhook-secret", secret: `whsec_${rng.hex(64)}` },
  ],
  negative: (rng) => [
    { content: `STRIPE_PUBLISHABLE_KEY=${key(rng, "pk_live_")}`, why: "publishable key: public by design" },
    { content: `NEXT_PUBLIC_STRIPE_KEY="${key(rng, "pk_test_")}"`, why: "publishable test key" },
    { content: `STRIPE_SECRET_KEY=sk_live_${"x".repeat(24)}`, why: "placeholder" },
    { content: "STRIPE_SECRET_KEY=sk_live_your_key_here", why: "placeholder words" },
    { content: `stripe_key: ${key(rng, "sk_live_", 12)}`, why: "truncated" },
    { content: `const id = "task_live_${rng.chars(ALPHABET.base62, 30)}";`, why: "part of a longer word" },
    { content: `const id = "${key(rng, "sk_live_", 30)}_suffix";`, why: "continues into a longer identifier" },
    { content: "STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}", why: "reference" },
    { content: "stripe.api_key = os.environ['STRIPE_SECRET_KEY']", why: "reference" },
    { content: `Stripe.apiKey = "${["sk", "test", "4eC39HqLyjWDarjtT1zdp7dc"].join("_")}";`, why: "Stripe's documented test key" },
    { content: `WEBHOOK_SECRET=whsec_${rng.chars(ALPHABET.base62, 20)}+${rng.chars(ALPHABET.base62, 20)}`, why: "Svix base64 secret, not Stripe's alphabet" },
  ],
};
