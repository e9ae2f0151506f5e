/**
 * Private-key samples: random bytes in the shape of each format (right DER header, container
 * magic, armour checksum). None is a real key: only the shape is checked.
 */
import type { DetectorSamples, NegativeSample, PositiveSample, Rng } from "../../src/detector-kit/index.js";
import { buildOpenSsh } from "./openssh.js";
import { buildPgp } from "./pgp.js";

const randomBytes = (rng: Rng) => (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => rng.int(256)));

/** A DER SEQUENCE of `contentLength` bytes that starts with `first` and continues with random bytes. */
export function derBytes(rng: Rng, first: readonly number[], contentLength: number): Buffer {
  const header = contentLength < 0x80 ? [0x30, contentLength] : [0x30, 0x82, contentLength >> 8, contentLength & 0xff];
  const rest = randomBytes(rng)(contentLength - first.length);
  return Buffer.concat([Buffer.from(header), Buffer.from(first), rest]);
}

export function pem(label: string, bytes: Buffer, newline = "\n", headers = ""): string {
  const lines = bytes.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----${newline}${headers}${lines.join(newline)}${newline}-----END ${label}-----`;
}

const RSA_ALGORITHM = [0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
const ED25519_ALGORITHM = [0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

export const sampleKeys = (rng: Rng) => ({
  rsa: () => pem("RSA PRIVATE KEY", derBytes(rng, [0x02, 0x01, 0x00], 1187)),
  ec: () => pem("EC PRIVATE KEY", derBytes(rng, [0x02, 0x01, 0x01], 119)),
  dsa: () => pem("DSA PRIVATE KEY", derBytes(rng, [0x02, 0x01, 0x00], 443)),
  pkcs8Rsa: () => pem("PRIVATE KEY", derBytes(rng, RSA_ALGORITHM, 1214)),
  pkcs8Ed25519: () => pem("PRIVATE KEY", derBytes(rng, ED25519_ALGORITHM, 46)),
  pkcs8Encrypted: () => pem("ENCRYPTED PRIVATE KEY", derBytes(rng, [0x30, 0x4e, 0x06, 0x09], 1292)),
  pemEncrypted: (label = "RSA PRIVATE KEY") =>
    pem(label, randomBytes(rng)(1192), "\n", `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${rng.hex(32).toUpperCase()}\n\n`),
  openssh: (comment = "deploy@build-01", mismatchedCheck = false) => buildOpenSsh(randomBytes(rng), "none", comment, mismatchedCheck),
  opensshEncrypted: () => buildOpenSsh(randomBytes(rng), "aes256-ctr", ""),
  pgp: () => buildPgp(randomBytes(rng), false),
  pgpEncrypted: () => buildPgp(randomBytes(rng), true),
});

/** The block as it appears inside a JSON or dotenv string: newlines escaped. */
const escaped = (block: string): string => block.replace(/\n/g, "\\n");

export const samples: DetectorSamples = {
  positive: (rng): PositiveSample[] => {
    const keys = sampleKeys(rng);
    const file = (rule: string, secret: string, path: string, content = `${secret}\n`): PositiveSample => ({ rule, secret, path, content });
    const rsa = keys.rsa();
    const rsaCrlf = keys.rsa().replace(/\n/g, "\r\n");
    const inJson = escaped(keys.pkcs8Rsa());
    const inEnv = escaped(keys.ec());
    const inYaml = keys.openssh();
    return [
      file("rsa", rsa, "deploy/id_rsa"),
      file("rsa", rsaCrlf, "certs/server.key", `${rsaCrlf}\r\n`),
      file("ec", keys.ec(), "tls/ec.pem"),
      file("ec", inEnv, ".env", `TLS_KEY="${inEnv}"\n`),
      file("dsa", keys.dsa(), "legacy/dsa.pem"),
      file("pkcs8", keys.pkcs8Rsa(), "keys/service.pem"),
      file("pkcs8", keys.pkcs8Ed25519(), "keys/signing.pem"),
      file("pkcs8", inJson, "config/app.json", `{\n  "signingKey": "${inJson}",\n  "issuer": "acme"\n}\n`),
      file("pkcs8-encrypted", keys.pkcs8Encrypted(), "keys/encrypted.pem"),
      file("pem-encrypted", keys.pemEncrypted(), "keys/legacy-encrypted.pem"),
      file("pem-encrypted", keys.pemEncrypted("EC PRIVATE KEY"), "keys/legacy-ec.pem"),
      file("openssh", keys.openssh(), "home/.ssh/id_ed25519"),
      file("openssh", inYaml, "deploy/values.yaml", `ssh:\n  key: |\n${inYaml.split("\n").map((l) => `    ${l}`).join("\n")}\n`),
      file("openssh-encrypted", keys.opensshEncrypted(), "home/.ssh/id_ed25519_work"),
      file("pgp", keys.pgp(), "release/signing.asc"),
      file("pgp-encrypted", keys.pgpEncrypted(), "release/backup.asc"),
    ].map((sample) =>
      // The YAML block scalar indents every line: the secret is the indented block as it stands.
      sample.path === "deploy/values.yaml" ? { ...sample, secret: inYaml.split("\n").map((l, i) => (i === 0 ? l : `    ${l}`)).join("\n") } : sample,
    );
  },
  negative: (rng): NegativeSample[] => {
    const keys = sampleKeys(rng);
    const rsa = keys.rsa();
    const lines = rsa.split("\n");
    const truncated = [...lines.slice(0, 8), lines[lines.length - 1]!].join("\n");
    const badCheck = keys.openssh("deploy@build-01", true);
    const pgp = keys.pgp();
    return [
      { content: pem("PUBLIC KEY", Buffer.from(rng.hex(300), "hex")), why: "public key", path: "keys/public.pem" },
      { content: pem("CERTIFICATE", Buffer.from(rng.hex(600), "hex")), why: "certificate", path: "tls/server.crt" },
      { content: pem("PGP PUBLIC KEY BLOCK", Buffer.from(rng.hex(300), "hex")), why: "PGP public key", path: "KEYS.asc" },
      { content: `ssh-ed25519 ${Buffer.from(rng.hex(51), "hex").toString("base64")} deploy@build-01\n`, why: "SSH public key", path: "id_ed25519.pub" },
      { content: "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----\n", why: "documentation with an elided body", path: "README.md" },
      { content: "-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE\n-----END PRIVATE KEY-----\n", why: "placeholder", path: "README.md" },
      { content: `-----BEGIN PRIVATE KEY-----\n${"A".repeat(64)}\n${"A".repeat(64)}\n-----END PRIVATE KEY-----\n`, why: "body that is not DER", path: "test.pem" },
      { content: truncated, why: "truncated key: DER length does not match", path: "short.pem" },
      { content: badCheck, why: "OpenSSH check integers differ", path: "id_ed25519" },
      { content: pgp.replace(/\n=(.{4})\n/, (_, sum: string) => `\n=${sum === "AAAA" ? "AAAB" : "AAAA"}\n`), why: "PGP armour checksum does not match", path: "key.asc" },
      { content: "PRIVATE_KEY=${PRIVATE_KEY}\nSSH_KEY: ${{ secrets.DEPLOY_KEY }}\n", why: "references" },
    ];
  },
};
