/**
 * Azure Storage: connection strings with an account key, bare account keys (with a variable name
 * as evidence) and shared access signatures (decoded offline: permissions, services, expiry).
 * https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string
 * ../shared/providers.md §3.4.
 */
import { assignmentMaxLength, assignmentSource, fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Verdict } from "../../src/detector-kit/index.js";
import { checkSas, inferSas } from "./sas.js";

const ACCOUNT_KEY: readonly Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "READ_PII", "IAM_WRITE"];
const SAS: readonly Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "READ_PII"];

/** The Azurite/Storage Emulator key, published in Microsoft's docs for `devstoreaccount1`. */
export const EMULATOR_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const KEY = "[A-Za-z0-9+/]{86}==";
const KEY_NAMES = ["accountkey", "account_key", "account-key", "storagekey", "storage_key", "storage-key"];

function checkConnectionString(secret: string): Verdict {
  if (secret.includes(EMULATOR_KEY) || /AccountName=devstoreaccount1;/i.test(secret)) return { ok: false, reason: "storage emulator's published key" };
  return { ok: true };
}

const field = (secret: string, name: string): string | undefined => new RegExp(`(?:^|;)${name}=([^;]*)`, "i").exec(secret)?.[1];

// SAS query: `name=value` pairs around a `sig=`, joined by `&` (or `&amp;` in HTML/XML). Only SAS
// parameter names (and the few REST parameters that share a URL with them) are accepted, and values
// hold no raw `=` (only the signature's base64 padding): that keeps backtracking small on `x=y&…` runs.
const SAS_NAMES = [
  "sv", "ss", "srt", "sp", "se", "st", "spr", "sip", "sr", "si", "sdd", "ses", "skoid", "sktid", "skt", "ske",
  "sks", "skv", "saoid", "suoid", "scid", "rscc", "rscd", "rsce", "rscl", "rsct", "api-version", "restype", "comp", "timeout",
];
const PARAM_VALUE_MAX = 80;
// Lazy value: a failed attempt does not shrink every value one character at a time.
const PARAM = `(?:${SAS_NAMES.join("|")})=[A-Za-z0-9%:+/._~-]{1,${PARAM_VALUE_MAX}}?`;
const PARAM_MAX = 11 + 1 + PARAM_VALUE_MAX + 5;
const SEP = "&(?:amp;)?";
const PARAMS_BEFORE = 10;
const PARAMS_AFTER = 6;
const SIG_MAX = 128 + 2;
const SAS_PATTERN = String.raw`(?<![A-Za-z0-9_%.~-])(?:${PARAM}${SEP}){0,${PARAMS_BEFORE}}sig=[A-Za-z0-9%+/]{40,128}={0,2}(?:${SEP}${PARAM}){0,${PARAMS_AFTER}}(?![A-Za-z0-9%:+/=._~-])`;

export const detector: Detector = {
  id: "azure-storage",
  name: "Azure Storage",
  docsUrl: "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage",
  remediation: {
    revoke: "https://portal.azure.com/#browse/Microsoft.Storage%2FStorageAccounts",
    narrower:
      "Rotate both account keys (Storage account > Security + networking > Access keys); a leaked SAS dies only with the key that signed it or its stored access policy. Then use Microsoft Entra ID instead of keys (managed identity with a data role such as Storage Blob Data Reader on one container), or a user delegation SAS limited to one container, the needed permissions, HTTPS and a short expiry; disable Shared Key authorization on the account.",
  },
  related: {
    paths: ["**/local.settings.json", "**/appsettings*.json", "**/*.bicep", "**/*.tf", "**/azure-pipelines*.y*ml", "**/.azure/**"],
    content: /@azure\/storage|azure-storage|Azure\.Storage|core\.windows\.net|AZURE_STORAGE|BlobServiceClient|azure\.storage/,
  },
  rules: [
    {
      id: "connection-string",
      title: "Azure Storage connection string with account key",
      keywords: ["accountkey="],
      pattern: new RegExp(
        `${NOT_AFTER_WORD}(?:DefaultEndpointsProtocol=https?;)?AccountName=[A-Za-z0-9]{3,24};AccountKey=${KEY}(?:;EndpointSuffix=[A-Za-z0-9.-]{1,64})?(?![A-Za-z0-9.-])`,
        "i",
      ),
      maxLength: 31 + 12 + 24 + 12 + 88 + 16 + 64,
      confidence: "high",
      capabilities: ACCOUNT_KEY,
      lifetime: "long",
      examples: [EMULATOR_KEY],
      validate: checkConnectionString,
      infer: (secret) => {
        const account = field(secret, "AccountName");
        const suffix = field(secret, "EndpointSuffix") ?? "core.windows.net";
        return {
          tokenClass: "storage account key (connection string)",
          capabilities: [...ACCOUNT_KEY],
          lifetime: "long",
          account,
          notes: [
            `full data access to every container, blob, table, queue and file share of https://${account ?? "<account>"}.blob.${suffix}`,
            "can sign new SAS tokens for the account",
          ],
        };
      },
    },
    {
      id: "account-key",
      title: "Azure Storage account key",
      keywords: KEY_NAMES,
      pattern: new RegExp(assignmentSource(KEY_NAMES.join("|"), KEY), "i"),
      maxLength: assignmentMaxLength(11, 88),
      confidence: "high",
      capabilities: ACCOUNT_KEY,
      lifetime: "long",
      examples: [EMULATOR_KEY],
      infer: fixedInference("storage account key", ACCOUNT_KEY, "long", [
        "full data access to the whole storage account; the account name is needed with it (look nearby)",
      ]),
    },
    {
      id: "sas-token",
      title: "Azure Storage shared access signature",
      keywords: ["sig="],
      pattern: new RegExp(SAS_PATTERN),
      maxLength: (PARAMS_BEFORE + PARAMS_AFTER) * PARAM_MAX + 4 + SIG_MAX,
      confidence: "high",
      capabilities: SAS,
      lifetime: "unknown",
      validate: checkSas,
      infer: inferSas,
    },
  ],
};
