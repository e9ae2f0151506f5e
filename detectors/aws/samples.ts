import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";
import { keyIdBodyForAccount } from "./account.js";

const bytes = (rng: Rng, n: number): Uint8Array => Uint8Array.from({ length: n }, () => rng.int(256));

/** A 12-digit account id (first digit not 0, to keep it obviously synthetic-but-valid). */
export const sampleAccount = (rng: Rng): string => `${1 + rng.int(9)}${rng.chars(ALPHABET.digits, 11)}`;

/** A key id of the modern layout whose decoded account is `account`. */
export const sampleKeyId = (rng: Rng, prefix: string, account = sampleAccount(rng)): string =>
  prefix + keyIdBodyForAccount(account, bytes(rng, 5));

export const sampleSecretKey = (rng: Rng): string => rng.chars(ALPHABET.base62, 20) + rng.chars(ALPHABET.base64, 20);

export const sampleSessionToken = (rng: Rng): string =>
  `IQoJb3JpZ2luX2Vj${rng.chars(ALPHABET.base64, 380)}`;

export const sampleLongTermBedrock = (rng: Rng, account = sampleAccount(rng)): string =>
  `ABSK${Buffer.from(`BedrockAPIKey-${rng.chars(ALPHABET.alnumLower, 4)}-at-${account}:${rng.chars(ALPHABET.base64, 60)}`).toString("base64")}`;

export function sampleShortTermBedrock(rng: Rng, keyId = sampleKeyId(rng, "ASIA")): string {
  const url =
    "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256" +
    `&X-Amz-Credential=${keyId}%2F20250708%2Fus-east-1%2Fbedrock%2Faws4_request` +
    "&X-Amz-Date=20250708T120000Z&X-Amz-Expires=43200" +
    `&X-Amz-Security-Token=${encodeURIComponent(sampleSessionToken(rng))}` +
    `&X-Amz-Signature=${rng.hex(64)}&Version=1`;
  return `bedrock-api-key-${Buffer.from(url).toString("base64")}`;
}

export const samples: DetectorSamples = {
  positive: (rng) => {
    const pairedId = sampleKeyId(rng, "AKIA");
    const pairedSecret = sampleSecretKey(rng);
    const arrayId = sampleKeyId(rng, "ASIA");
    const arraySecret = sampleSecretKey(rng);
    return [
      { rule: "access-key-id", secret: sampleKeyId(rng, "AKIA"), name: "AWS_ACCESS_KEY_ID" },
      { rule: "access-key-id", secret: sampleKeyId(rng, "AKIA") },
      { rule: "access-key-id", secret: `A3T${rng.chars(ALPHABET.alnumUpper, 1)}${keyIdBodyForAccount(sampleAccount(rng), bytes(rng, 5))}` },
      { rule: "temporary-access-key-id", secret: sampleKeyId(rng, "ASIA"), name: "AWS_ACCESS_KEY_ID" },
      { rule: "bearer-key-id", secret: sampleKeyId(rng, "ABIA") },
      { rule: "context-key-id", secret: sampleKeyId(rng, "ACCA") },
      { rule: "secret-access-key", secret: sampleSecretKey(rng), name: "AWS_SECRET_ACCESS_KEY" },
      { rule: "secret-access-key", secret: sampleSecretKey(rng), name: "SECRET_ACCESS_KEY" },
      {
        rule: "secret-access-key",
        secret: pairedSecret,
        path: ".aws/credentials",
        content: `[default]\naws_access_key_id = ${pairedId}\naws_secret_access_key = ${pairedSecret}\n`,
      },
      {
        rule: "secret-access-key-beside-id",
        secret: pairedSecret,
        path: "deploy_accessKeys.csv",
        content: `Access key ID,Secret access key\n${pairedId},${pairedSecret}\n`,
      },
      {
        rule: "secret-access-key-beside-id",
        secret: arraySecret,
        path: "src/aws.ts",
        content: `const pair = ["${arrayId}", "${arraySecret}"];\n`,
      },
      { rule: "session-token", secret: sampleSessionToken(rng), name: "AWS_SESSION_TOKEN" },
      { rule: "bedrock-api-key", secret: sampleLongTermBedrock(rng), name: "AWS_BEARER_TOKEN_BEDROCK" },
      { rule: "bedrock-short-term-api-key", secret: sampleShortTermBedrock(rng), name: "AWS_BEARER_TOKEN_BEDROCK" },
    ];
  },
  negative: (rng) => {
    const keyId = sampleKeyId(rng, "AKIA");
    return [
      { content: "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n", why: "AWS documented example keys" },
      { content: "aws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n", why: "AWS documented example keys (second pair)" },
      { content: `AWS_ACCESS_KEY_ID=AKIA${"X".repeat(16)}\n`, why: "placeholder key id" },
      { content: "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}\n", why: "shell reference" },
      { content: "aws_secret_access_key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n", why: "GitHub Actions secret reference" },
      { content: "const awsSecretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;\n", why: "environment reference" },
      { content: `AWS_SECRET_ACCESS_KEY=${rng.hex(40)}\n`, why: "40 hex characters is a SHA-1, not a secret key" },
      { content: `checksum = "${sampleSecretKey(rng)}"\n`, why: "40 base64 characters with no AWS evidence" },
      { content: `id = "x${keyId}"\n`, why: "key id inside a longer word" },
      { content: `AWS_ACCESS_KEY_ID=${keyId.slice(0, 18)}\n`, why: "truncated key id" },
      { content: `AWS_BEARER_TOKEN_BEDROCK=ABSK${Buffer.from(rng.chars(ALPHABET.base64, 100)).toString("base64")}\n`, why: "ABSK value that does not decode to a Bedrock key" },
      { content: `AWS_SESSION_TOKEN=${"A".repeat(200)}\n`, why: "placeholder session token" },
    ];
  },
};
