/**
 * Private keys in PEM/armoured form: PKCS#1 RSA, SEC1 EC, OpenSSL DSA, PKCS#8 (plain and
 * encrypted), legacy OpenSSL-encrypted PEM (Proc-Type: 4,ENCRYPTED), OpenSSH and OpenPGP.
 * The whole block is the secret. Encrypted keys are reported at medium confidence with fewer
 * capabilities: they are usable only with their passphrase. Public keys and certificates have
 * other labels and are never matched.
 * Formats: RFC 7468 (PEM labels), RFC 8017, RFC 5915, RFC 5958, openssh PROTOCOL.key, RFC 4880.
 */
import { verdict } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, TokenRule, Verdict } from "../../src/detector-kit/index.js";
import { blockBody, FIRST_FIELD, isCipherBody, isDerKey, pkcs8Algorithm } from "./pem.js";
import { parseOpenSsh } from "./openssh.js";
import { dearmour, readSecretKey } from "./pgp.js";

const USABLE: readonly Capability[] = ["CODE_WRITE", "DELETE_DATA", "DELETE_INFRA"];
const ENCRYPTED: readonly Capability[] = ["CODE_WRITE"];
const PGP_USABLE: readonly Capability[] = ["CODE_WRITE", "READ_PII"];

/** Longest block looked at: an 8192-bit RSA key in PEM is about 6.4 KB. */
const MAX_BLOCK = 10_000;
/** Base64 with real or escaped (`\n` in JSON/env strings) line breaks. */
const BODY = String.raw`[A-Za-z0-9+/=\s\\]`;
const LINE_BREAK = String.raw`(?:\s|\\[rn]){1,4}`;

/** Armour header lines (Version:, Comment:) that may precede the base64 of a PGP block. */
const PGP_HEADERS = String.raw`(?:${LINE_BREAK}[A-Za-z-]{1,20}:[^\r\n\\]{0,100}){0,4}`;
const PGP_HEADERS_MAX = 4 * (8 + 20 + 1 + 100);

const USABLE_NOTE = "not encrypted: usable as it is by anyone who reads the file";
const ENCRYPTED_NOTE = "encrypted with a passphrase: usable only with it (check that the passphrase is not stored nearby)";

interface BlockRule {
  id: string;
  title: string;
  /** PEM label, or an alternation of labels. */
  label: string;
  keywords: string[];
  encrypted: boolean;
  /** Regex source between the BEGIN line and the base64 body (encryption headers). */
  header?: string;
  /** Longest text `header` can match. */
  headerMax?: number;
  check(secret: string): Verdict;
  tokenClass(secret: string): string;
  extraNotes?(secret: string): string[];
  capabilities?: readonly Capability[];
}

function blockRule(spec: BlockRule): TokenRule {
  const begin = `-----BEGIN ${spec.label}-----`;
  const end = `-----END ${spec.label}-----`;
  // Regex source lengths: at least as long as the text they match.
  const fixed = begin.length + end.length + (spec.headerMax ?? 0);
  const capabilities = spec.capabilities ?? (spec.encrypted ? ENCRYPTED : USABLE);
  return {
    id: spec.id,
    title: spec.title,
    keywords: spec.keywords,
    pattern: new RegExp(`${begin}${spec.header ?? ""}${BODY}{64,${MAX_BLOCK - fixed}}${end}`),
    maxLength: MAX_BLOCK,
    confidence: spec.encrypted ? "medium" : "high",
    capabilities,
    lifetime: "long",
    // A key body is thousands of base64 characters: the generic variety check would drop every one.
    skipPlaceholderCheck: true,
    validate: spec.check,
    infer: (secret): Inference => ({
      tokenClass: spec.tokenClass(secret),
      capabilities: [...capabilities],
      lifetime: "long",
      notes: [spec.encrypted ? ENCRYPTED_NOTE : USABLE_NOTE, ...(spec.extraNotes?.(secret) ?? [])],
    }),
  };
}

const derRule = (id: string, label: string, title: string, firstField: readonly (readonly number[])[], tokenClass: (secret: string) => string, encrypted = false): TokenRule =>
  blockRule({
    id,
    title,
    label,
    keywords: [`begin ${label.toLowerCase()}`],
    encrypted,
    check: (secret) => verdict(isDerKey(blockBody(secret), firstField), "body is not a DER key of this format (placeholder or truncated)"),
    tokenClass,
  });

const openSshNotes = (secret: string): string[] => {
  const key = parseOpenSsh(blockBody(secret));
  const notes: string[] = [];
  if (key?.keyType) notes.push(`key type ${key.keyType}`);
  if (key?.comment) notes.push(`comment ${key.comment}`);
  if (key && key.cipher !== "none") notes.push(`cipher ${key.cipher}, KDF ${key.kdf}`);
  return notes;
};

const pgpKey = (secret: string) => {
  const armour = dearmour(blockBody(secret));
  return armour?.checksumOk ? readSecretKey(armour.data) : undefined;
};

export const detector: Detector = {
  id: "private-key",
  name: "Private key",
  docsUrl: "https://www.rfc-editor.org/rfc/rfc7468",
  remediation: {
    revoke:
      "Remove the matching public key everywhere it is trusted (~/.ssh/authorized_keys on servers, deploy keys and SSH keys at https://github.com/settings/keys, TLS certificates via your CA's revocation, PGP keys via a revocation certificate), then generate a new key pair.",
    narrower:
      "Keep private keys out of repositories: use a passphrase-protected key held in an agent or hardware token; for CI, a read-only deploy key limited to one repository, or short-lived SSH certificates; for TLS, a secrets manager or the platform's certificate store.",
  },
  related: {
    paths: ["**/.ssh/**", "**/*.pem", "**/*.key", "**/id_rsa*", "**/id_ecdsa*", "**/id_ed25519*", "**/*.asc", "**/*.gpg", "**/*.p8"],
    content: /ssh-keygen|openssl |ssh-add|IdentityFile|gpg --|tls\.key|ssl_certificate_key|private_key_path/i,
  },
  rules: [
    derRule("rsa", "RSA PRIVATE KEY", "RSA private key (PKCS#1)", FIRST_FIELD.version0, () => "RSA private key (PKCS#1)"),
    derRule("ec", "EC PRIVATE KEY", "EC private key (SEC1)", FIRST_FIELD.version1, () => "EC private key (SEC1)"),
    derRule("dsa", "DSA PRIVATE KEY", "DSA private key", FIRST_FIELD.version0, () => "DSA private key"),
    derRule("pkcs8", "PRIVATE KEY", "Private key (PKCS#8)", FIRST_FIELD.pkcs8, (secret) => {
      const algorithm = pkcs8Algorithm(blockBody(secret));
      return algorithm ? `${algorithm} private key (PKCS#8)` : "private key (PKCS#8)";
    }),
    derRule("pkcs8-encrypted", "ENCRYPTED PRIVATE KEY", "Encrypted private key (PKCS#8)", FIRST_FIELD.encryptedPkcs8, () => "encrypted private key (PKCS#8)", true),
    blockRule({
      id: "pem-encrypted",
      title: "Encrypted private key (OpenSSL PEM encryption)",
      label: "(?:RSA|EC|DSA) PRIVATE KEY",
      keywords: ["4,encrypted"],
      encrypted: true,
      header: String.raw`${LINE_BREAK}Proc-Type:[ \t]?4,ENCRYPTED${LINE_BREAK}DEK-Info:[ \t]?[A-Za-z0-9-]{1,32},[0-9A-Fa-f]{1,64}`,
      headerMax: 8 + 23 + 8 + 10 + 32 + 1 + 64,
      check: (secret) => verdict(isCipherBody(blockBody(secret)), "body is not whole cipher blocks (placeholder or truncated)"),
      tokenClass: (secret) => `encrypted ${/BEGIN (\w+) PRIVATE/.exec(secret)?.[1] ?? ""} private key (Proc-Type: 4,ENCRYPTED)`.replace("  ", " "),
    }),
    blockRule({
      id: "openssh",
      title: "OpenSSH private key",
      label: "OPENSSH PRIVATE KEY",
      keywords: ["begin openssh private key"],
      encrypted: false,
      check: (secret) => {
        const key = parseOpenSsh(blockBody(secret));
        if (!key) return { ok: false, reason: "not an openssh-key-v1 container (placeholder or truncated)" };
        if (key.cipher !== "none") return { ok: false, reason: "encrypted (reported by private-key/openssh-encrypted)" };
        return verdict(key.checkOk === true, "check integers differ: not a usable key");
      },
      tokenClass: () => "OpenSSH private key",
      extraNotes: openSshNotes,
    }),
    blockRule({
      id: "openssh-encrypted",
      title: "Encrypted OpenSSH private key",
      label: "OPENSSH PRIVATE KEY",
      keywords: ["begin openssh private key"],
      encrypted: true,
      check: (secret) => {
        const key = parseOpenSsh(blockBody(secret));
        if (!key) return { ok: false, reason: "not an openssh-key-v1 container (placeholder or truncated)" };
        return verdict(key.cipher !== "none", "not encrypted (reported by private-key/openssh)");
      },
      tokenClass: () => "encrypted OpenSSH private key",
      extraNotes: openSshNotes,
    }),
    blockRule({
      id: "pgp",
      title: "OpenPGP secret key",
      label: "PGP PRIVATE KEY BLOCK",
      keywords: ["begin pgp private key block"],
      encrypted: false,
      capabilities: PGP_USABLE,
      // Armour header lines (Version:, Comment:) may precede the base64.
      header: PGP_HEADERS,
      headerMax: PGP_HEADERS_MAX,
      check: (secret) => {
        const key = pgpKey(secret);
        if (!key) return { ok: false, reason: "not an armoured secret key (bad checksum or first packet)" };
        return verdict(key.protected !== true, "passphrase-protected (reported by private-key/pgp-encrypted)");
      },
      tokenClass: (secret) => `${pgpKey(secret)?.algorithm ?? "OpenPGP"} secret key`,
    }),
    blockRule({
      id: "pgp-encrypted",
      title: "Passphrase-protected OpenPGP secret key",
      label: "PGP PRIVATE KEY BLOCK",
      keywords: ["begin pgp private key block"],
      encrypted: true,
      header: PGP_HEADERS,
      headerMax: PGP_HEADERS_MAX,
      check: (secret) => verdict(pgpKey(secret)?.protected === true, "not a passphrase-protected secret key"),
      tokenClass: (secret) => `passphrase-protected ${pgpKey(secret)?.algorithm ?? "OpenPGP"} secret key`,
    }),
  ],
};
