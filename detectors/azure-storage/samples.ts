import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";
import { EMULATOR_KEY } from "./index.js";

const bytes = (rng: Rng, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => rng.int(256)));

/** An account key: 64 random bytes in base64 (86 characters and `==`). */
export const sampleAccountKey = (rng: Rng): string => bytes(rng, 64).toString("base64");
export const sampleAccountName = (rng: Rng): string => `acme${rng.chars(ALPHABET.alnumLower, 8)}`;

export const sampleConnectionString = (rng: Rng, name = sampleAccountName(rng)): string =>
  `DefaultEndpointsProtocol=https;AccountName=${name};AccountKey=${sampleAccountKey(rng)};EndpointSuffix=core.windows.net`;

export const sampleSig = (rng: Rng): string => encodeURIComponent(bytes(rng, 32).toString("base64"));

/** An account SAS as the portal generates it. */
export const sampleAccountSas = (rng: Rng, permissions = "rwdlacupiytfx"): string =>
  `sv=2022-11-02&ss=bfqt&srt=sco&sp=${permissions}&se=2026-09-30T18:00:00Z&st=2025-09-30T10:00:00Z&spr=https&sig=${sampleSig(rng)}`;

/** A service SAS for one blob, in the order the Python SDK writes it. */
export const sampleBlobSas = (rng: Rng): string =>
  `se=2025-10-01T12%3A00%3A00Z&sp=r&sv=2023-11-03&sr=b&sig=${sampleSig(rng)}`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inUrl = sampleBlobSas(rng);
    return [
      { rule: "connection-string", secret: sampleConnectionString(rng), name: "AZURE_STORAGE_CONNECTION_STRING" },
      { rule: "connection-string", secret: sampleConnectionString(rng) },
      { rule: "account-key", secret: sampleAccountKey(rng), name: "AZURE_STORAGE_ACCOUNT_KEY" },
      { rule: "account-key", secret: sampleAccountKey(rng), name: "STORAGE_KEY" },
      { rule: "sas-token", secret: sampleAccountSas(rng), name: "AZURE_STORAGE_SAS_TOKEN" },
      { rule: "sas-token", secret: sampleBlobSas(rng) },
      {
        rule: "sas-token",
        secret: inUrl,
        path: "scripts/download.sh",
        content: `curl -o data.csv "https://acmedata.blob.core.windows.net/exports/data.csv?${inUrl}"\n`,
      },
    ];
  },
  negative: (rng) => [
    {
      content: `AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${EMULATOR_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;\n`,
      why: "storage emulator's published key",
    },
    { content: "AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true\n", why: "emulator shortcut" },
    { content: "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;EndpointSuffix=core.windows.net\n", why: "placeholders" },
    { content: `AZURE_STORAGE_KEY=${"x".repeat(86)}==\n`, why: "placeholder key" },
    { content: "AZURE_STORAGE_KEY=${AZURE_STORAGE_KEY}\nAZURE_STORAGE_SAS: ${{ secrets.SAS_TOKEN }}\n", why: "references" },
    { content: `SAS=sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-01-01T00:00:00Z&sig=${rng.chars(ALPHABET.base62, 20)}\n`, why: "signature too short to be an HMAC" },
    { content: `url = "https://example.org/feed?page=2&sig=${encodeURIComponent(bytes(rng, 32).toString("base64"))}"\n`, why: "a sig parameter without a SAS version" },
    { content: `value = "${sampleAccountKey(rng)}"\n`, why: "88 base64 characters with no storage evidence" },
  ],
};
