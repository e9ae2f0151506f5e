/** Private keys: format checks, encrypted keys under their own lower-confidence rules, offline notes. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/private-key/index.js";
import { parseOpenSsh } from "../../detectors/private-key/openssh.js";
import { blockBody } from "../../detectors/private-key/pem.js";
import { crc24, dearmour, readSecretKey } from "../../detectors/private-key/pgp.js";
import { derBytes, pem, sampleKeys } from "../../detectors/private-key/samples.js";

const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const ruleSet = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), "key.pem", ruleSet).matches.map((m) => [m.ruleId, m.secret]);

describe("private-key rules", () => {
  it("reports each format under its own rule, the whole block as the secret", () => {
    const keys = sampleKeys(createRng(1));
    const cases: [string, string][] = [
      ["rsa", keys.rsa()],
      ["ec", keys.ec()],
      ["dsa", keys.dsa()],
      ["pkcs8", keys.pkcs8Rsa()],
      ["pkcs8-encrypted", keys.pkcs8Encrypted()],
      ["pem-encrypted", keys.pemEncrypted()],
      ["openssh", keys.openssh()],
      ["openssh-encrypted", keys.opensshEncrypted()],
      ["pgp", keys.pgp()],
      ["pgp-encrypted", keys.pgpEncrypted()],
    ];
    for (const [id, block] of cases) expect(scan(`before\n${block}\nafter\n`), id).toEqual([[`private-key/${id}`, block]]);
  });

  it("reports encrypted keys at medium confidence with fewer capabilities", () => {
    for (const id of ["pkcs8-encrypted", "pem-encrypted", "openssh-encrypted", "pgp-encrypted"]) {
      expect(rule(id).confidence, id).toBe("medium");
      expect(rule(id).capabilities.length).toBeLessThan(rule("rsa").capabilities.length);
    }
    for (const id of ["rsa", "ec", "dsa", "pkcs8", "openssh", "pgp"]) expect(rule(id).confidence, id).toBe("high");
  });

  it("finds keys with escaped newlines (JSON, dotenv) and CRLF line ends", () => {
    const keys = sampleKeys(createRng(2));
    const escaped = keys.rsa().replace(/\n/g, "\\n");
    expect(scan(`{"key": "${escaped}"}`)).toEqual([["private-key/rsa", escaped]]);
    const crlf = keys.openssh().replace(/\n/g, "\r\n");
    expect(scan(crlf)).toEqual([["private-key/openssh", crlf]]);
  });

  it("drops bodies that are not DER of the format: elided, truncated, wrong version field", () => {
    const rng = createRng(3);
    const rsa = sampleKeys(rng).rsa();
    const lines = rsa.split("\n");
    expect(rule("rsa").validate!(rsa)).toEqual({ ok: true });
    expect(rule("rsa").validate!([...lines.slice(0, 5), lines.at(-1)!].join("\n")).ok).toBe(false);
    expect(rule("ec").validate!(pem("EC PRIVATE KEY", derBytes(rng, [0x02, 0x01, 0x00], 119))).ok).toBe(false);
    expect(scan("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----")).toEqual([]);
  });

  it("names the PKCS#8 algorithm and the OpenSSH key type and comment", () => {
    const keys = sampleKeys(createRng(4));
    expect(rule("pkcs8").infer!(keys.pkcs8Ed25519()).tokenClass).toBe("Ed25519 private key (PKCS#8)");
    expect(rule("pkcs8").infer!(keys.pkcs8Rsa()).tokenClass).toBe("RSA private key (PKCS#8)");
    const openssh = keys.openssh("ops@bastion-1");
    expect(parseOpenSsh(blockBody(openssh))).toMatchObject({ cipher: "none", keyType: "ssh-ed25519", comment: "ops@bastion-1", checkOk: true });
    expect(rule("openssh").infer!(openssh).notes).toEqual(expect.arrayContaining(["key type ssh-ed25519", "comment ops@bastion-1"]));
    const encrypted = keys.opensshEncrypted();
    expect(parseOpenSsh(blockBody(encrypted))).toMatchObject({ cipher: "aes256-ctr", kdf: "bcrypt" });
    expect(rule("openssh").validate!(encrypted).ok).toBe(false);
  });

  it("checks the PGP armour CRC-24 and reads the S2K usage octet", () => {
    expect(crc24(Buffer.alloc(0))).toBe(0xb704ce);
    const keys = sampleKeys(createRng(5));
    const plain = dearmour(blockBody(keys.pgp()))!;
    expect(plain.checksumOk).toBe(true);
    expect(readSecretKey(plain.data)).toEqual({ algorithm: "EdDSA", protected: false });
    expect(readSecretKey(dearmour(blockBody(keys.pgpEncrypted()))!.data)).toEqual({ algorithm: "EdDSA", protected: true });
    const tampered = keys.pgp().replace(/\n=(.{4})\n/, (_, sum: string) => `\n=${sum === "AAAA" ? "BBBB" : "AAAA"}\n`);
    expect(rule("pgp").validate!(tampered).ok).toBe(false);
  });

  it("never reports public keys or certificates", () => {
    const rng = createRng(6);
    const der = derBytes(rng, [0x30, 0x0d], 290);
    expect(scan(`${pem("PUBLIC KEY", der)}\n${pem("RSA PUBLIC KEY", der)}\n${pem("CERTIFICATE", der)}\n${pem("PGP PUBLIC KEY BLOCK", der)}`)).toEqual([]);
  });

  it("stays fast on a huge body with no END line", () => {
    const content = `-----BEGIN RSA PRIVATE KEY-----\n${"QUJD".repeat(2_000_000)}`;
    const started = Date.now();
    expect(scan(content)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
