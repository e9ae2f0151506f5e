import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, NegativeSample, PositiveSample, Rng } from "../../src/detector-kit/index.js";

/** A PEM block around random bytes shaped like DER (SEQUENCE header, right length): not a real key. */
export function samplePem(rng: Rng, label = "PRIVATE KEY", contentLength = 1190): string {
  const der = Buffer.alloc(4 + contentLength);
  der[0] = 0x30;
  der[1] = 0x82;
  der.writeUInt16BE(contentLength, 2);
  for (let i = 4; i < der.length; i++) der[i] = rng.int(256);
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export interface SampleKeyFile {
  json: Record<string, string>;
  projectId: string;
  clientEmail: string;
}

export function sampleKeyFile(rng: Rng, privateKey = samplePem(rng)): SampleKeyFile {
  const projectId = `acme-${rng.chars(ALPHABET.alnumLower, 6)}`;
  const clientEmail = `deployer@${projectId}.iam.gserviceaccount.com`;
  const clientId = `1${rng.chars(ALPHABET.digits, 20)}`;
  return {
    projectId,
    clientEmail,
    json: {
      type: "service_account",
      project_id: projectId,
      private_key_id: rng.hex(40),
      private_key: privateKey,
      client_email: clientEmail,
      client_id: clientId,
      auth_uri: "https://accounts.google.com/o/oauth2/auth",
      token_uri: "https://oauth2.googleapis.com/token",
      auth_provider_x509_cert_url: "https://www.googleapis.com/oauth2/v1/certs",
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
      universe_domain: "googleapis.com",
    },
  };
}

export const sampleApiKey = (rng: Rng): string => `AIza${rng.chars(`${ALPHABET.base62}_-`, 35)}`;

export const samples: DetectorSamples = {
  positive: (rng): PositiveSample[] => {
    const pretty = JSON.stringify(sampleKeyFile(rng).json, null, 2);
    const compact = JSON.stringify(sampleKeyFile(rng).json);
    const inner = JSON.stringify(sampleKeyFile(rng).json);
    const escaped = JSON.stringify(inner).slice(1, -1);
    return [
      { rule: "service-account-key", secret: pretty, path: "keys/deployer.json", content: `${pretty}\n` },
      { rule: "service-account-key", secret: compact, path: ".env", content: `GOOGLE_CREDENTIALS=${compact}\n` },
      {
        rule: "service-account-key",
        secret: escaped,
        path: "terraform.tfvars.json",
        content: `{\n  "credentials": "${escaped}",\n  "region": "europe-west1"\n}\n`,
      },
      { rule: "api-key", secret: sampleApiKey(rng), name: "GOOGLE_API_KEY" },
      { rule: "api-key", secret: sampleApiKey(rng) },
      { rule: "oauth-client-secret", secret: `GOCSPX-${rng.chars(`${ALPHABET.base62}_-`, 28)}`, name: "GOOGLE_CLIENT_SECRET" },
    ];
  },
  negative: (rng): NegativeSample[] => {
    const withKey = (privateKey: string): string => JSON.stringify(sampleKeyFile(rng, privateKey).json, null, 2);
    const publicTest = sampleKeyFile(rng).json;
    publicTest["client_email"] = "image-pulling@authenticated-image-pulling.iam.gserviceaccount.com";
    return [
      { content: withKey("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"), why: "documentation key file with an elided key", path: "docs/key.json" },
      { content: withKey("YOUR_PRIVATE_KEY"), why: "placeholder private key", path: "key.json" },
      { content: withKey(`-----BEGIN PRIVATE KEY-----\n${"A".repeat(64)}\n${"B".repeat(64)}\n-----END PRIVATE KEY-----\n`), why: "private key body that is not DER", path: "key.json" },
      { content: JSON.stringify(publicTest, null, 2), why: "Kubernetes' public test service account", path: "test/key.json" },
      { content: '{ "type": "service_account", "project_id": "demo", "client_email": "a@demo.iam.gserviceaccount.com" }', why: "no private key", path: "schema.json" },
      { content: `GOOGLE_API_KEY=AIza${"X".repeat(35)}\n`, why: "placeholder API key" },
      { content: "GOOGLE_API_KEY=${GOOGLE_API_KEY}\n", why: "shell reference" },
      { content: "credentials_json: ${{ secrets.GCP_SA_KEY }}\n", why: "GitHub Actions secret reference" },
      { content: `GOOGLE_CLIENT_SECRET=GOCSPX-${rng.chars(ALPHABET.base62, 20)}\n`, why: "client secret of the wrong length" },
      { content: `const key = "${sampleApiKey(rng)}x";\n`, why: "API key shape continuing into a longer word" },
    ];
  },
};
