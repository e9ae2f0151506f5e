import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const marketingKey = (rng: Rng, dc = `us${1 + rng.int(21)}`): string => `${rng.hex(32)}-${dc}`;
const transactionalKey = (rng: Rng): string => `md-${rng.chars(ALPHABET.base64url, 22)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "marketing-api-key", secret: marketingKey(rng), name: "MAILCHIMP_API_KEY" },
    { rule: "marketing-api-key", secret: marketingKey(rng, "us6") },
    { rule: "marketing-api-key", secret: marketingKey(rng, "us21") },
    { rule: "transactional-api-key", secret: transactionalKey(rng), name: "MANDRILL_API_KEY" },
    { rule: "transactional-api-key", secret: transactionalKey(rng), name: "MAILCHIMP_TRANSACTIONAL_KEY" },
    { rule: "transactional-api-key-legacy", secret: `aZ9${rng.chars(ALPHABET.base62, 19)}`, name: "MANDRILL_KEY" },
  ],
  negative: (rng) => [
    { content: `MAILCHIMP_API_KEY=${"x".repeat(32)}-us6`, why: "placeholder" },
    { content: `MAILCHIMP_API_KEY=${rng.hex(20)}-us6`, why: "truncated" },
    { content: `ref = "${rng.hex(40)}-us1"`, why: "hex run longer than a key" },
    { content: `locale = "${rng.hex(32)}-us10x"`, why: "continues into a longer word" },
    { content: `EMAIL_KEY=md-${rng.chars(ALPHABET.base64url, 22)}`, why: "md- value with no Mandrill/Mailchimp evidence" },
    { content: `MAILCHIMP_LIST_ID=${rng.hex(10)}`, why: "audience id, not a key" },
    { content: "MANDRILL_TEMPLATE=welcome-email-template", why: "a slug, not a key" },
    { content: "MAILCHIMP_API_KEY=${MAILCHIMP_API_KEY}", why: "reference" },
    { content: "mandrill_key = os.environ['MANDRILL_API_KEY']", why: "reference" },
    { content: "MANDRILL_API_KEY: ${{ secrets.MANDRILL_API_KEY }}", why: "reference to a secret store" },
  ],
};
