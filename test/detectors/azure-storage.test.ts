/** Azure Storage: connection strings, account keys, SAS tokens decoded offline (sp, ss, srt, se). */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector, EMULATOR_KEY } from "../../detectors/azure-storage/index.js";
import { checkSas, inferSas } from "../../detectors/azure-storage/sas.js";
import { sampleAccountKey, sampleAccountSas, sampleBlobSas, sampleConnectionString, sampleSig } from "../../detectors/azure-storage/samples.js";

const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const ruleSet = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", ruleSet).matches.map((m) => [m.ruleId, m.secret]);

describe("azure-storage account keys", () => {
  it("reports a connection string once, with its account name inferred", () => {
    const text = sampleConnectionString(createRng(1), "acmeprodfiles");
    expect(scan(`AZURE_STORAGE_CONNECTION_STRING="${text}"\n`)).toEqual([["azure-storage/connection-string", text]]);
    const inference = rule("connection-string").infer!(text);
    expect(inference.account).toBe("acmeprodfiles");
    expect(inference.notes[0]).toContain("https://acmeprodfiles.blob.core.windows.net");
  });

  it("reports a bare key only with a storage key name", () => {
    const key = sampleAccountKey(createRng(2));
    expect(scan(`AZURE_STORAGE_ACCOUNT_KEY=${key}\n`)).toEqual([["azure-storage/account-key", key]]);
    expect(scan(`value=${key}\n`)).toEqual([]);
  });

  it("never reports the emulator's published key", () => {
    expect(scan(`AccountName=devstoreaccount1;AccountKey=${EMULATOR_KEY}\nSTORAGE_KEY=${EMULATOR_KEY}\n`)).toEqual([]);
  });
});

describe("azure-storage SAS tokens", () => {
  it("decodes an account SAS: services, resource types, permissions, expiry", () => {
    const sas = sampleAccountSas(createRng(3), "rwdlacyx");
    expect(checkSas(sas)).toEqual({ ok: true });
    const inference = inferSas(sas);
    expect(inference.tokenClass).toBe("account SAS");
    expect(inference.capabilities).toEqual(expect.arrayContaining(["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "READ_PII"]));
    expect(inference.expiresAt).toBe("2026-09-30T18:00:00.000Z");
    expect(inference.notes.join(" ")).toContain("blob, file, queue, table");
    expect(inference.notes.join(" ")).toContain("permanent delete");
  });

  it("decodes a read-only blob SAS with URL-encoded values as narrow", () => {
    const inference = inferSas(sampleBlobSas(createRng(4)));
    expect(inference.tokenClass).toBe("service SAS");
    expect(inference.capabilities).toEqual(["READ_PII"]);
    expect(inference.expiresAt).toBe("2025-10-01T12:00:00.000Z");
    expect(inference.notes).toContain("scoped to one blob");
  });

  it("finds a SAS in a URL, in HTML-escaped form and after SharedAccessSignature=", () => {
    const rng = createRng(5);
    const sas = sampleAccountSas(rng, "rl");
    expect(scan(`u = "https://x.blob.core.windows.net/c?${sas}"\n`)).toEqual([["azure-storage/sas-token", sas]]);
    const html = sas.replace(/&/g, "&amp;");
    expect(scan(`<a href="https://x.blob.core.windows.net/c?${html}">x</a>`)).toEqual([["azure-storage/sas-token", html]]);
    expect(scan(`BlobEndpoint=https://x.blob.core.windows.net/;SharedAccessSignature=${sas}\n`)).toEqual([["azure-storage/sas-token", sas]]);
  });

  it("requires sv, a 32-byte signature and permissions", () => {
    const rng = createRng(6);
    expect(checkSas(`sp=r&sig=${sampleSig(rng)}`)).toMatchObject({ ok: false });
    expect(checkSas("sv=2022-11-02&sp=r&sig=c2hvcnQ%3D")).toMatchObject({ ok: false });
    expect(checkSas(`sv=2022-11-02&sig=${sampleSig(rng)}`)).toMatchObject({ ok: false });
    expect(checkSas(`sv=2022-11-02&si=policy1&sr=c&sig=${sampleSig(rng)}`)).toEqual({ ok: true });
  });

  it("stays fast on long query strings", () => {
    const dense = `${"sv=2020-01-01T00%3A00%3A00Z&".repeat(100)}sig=`;
    for (const unit of ["sig=", "ab=cd&sig=", "sv=2020-01-01&sig=A", `sig=${"A".repeat(150)}&`, dense]) {
      const content = unit.repeat(Math.ceil(2_000_000 / unit.length));
      const started = Date.now();
      scan(content);
      expect(Date.now() - started, unit.slice(0, 30)).toBeLessThan(1500);
    }
  });
});
