/**
 * The words of a blast-radius verdict: short phrases about the token, what it can do, where it
 * sits and who can read it. Shared by the score (its reasons) and the one-line summary.
 */
import type { Capability, Encoding, Exposure, Introspection, Liveness, Placement } from "../types.js";

/** The token's name for the report: "Railway account token", "GitHub classic personal access token". */
export function tokenName(provider: string, title: string, tokenClass?: string): string {
  if (!tokenClass) return title;
  const lowerClass = tokenClass.toLowerCase();
  // "RSA private key" for provider "Private key": the class already names the provider.
  if (lowerClass.includes(provider.toLowerCase())) return tokenClass;
  // Prefer the title when the class adds nothing ("secret key" vs "Stripe live secret key").
  if (title.toLowerCase().includes(lowerClass)) return title;
  return `${provider} ${tokenClass}`;
}

/** "live Railway account token", "unchecked GitHub classic personal access token". */
export function identityPhrase(liveness: Liveness, name: string): string {
  return `${liveness} ${name}`;
}

/** The identity with what liveness means for the score. */
export function identityReason(liveness: Liveness, name: string, provider: string, introspection?: Introspection): string {
  switch (liveness) {
    case "live":
      return `live ${name}`;
    case "inactive":
      return `inactive ${name}: ${provider} rejected it, but it stays where it was found and may be reactivated`;
    case "unknown": {
      const why = introspection?.reason ? ` (${introspection.reason})` : "";
      return `${name} whose liveness is unknown${why}: scored on the worst case for its type`;
    }
    case "unchecked":
      return `unchecked ${name}: scored on the worst case for its type`;
  }
}

/** Who the token acts as, when the provider said and gave no fact that already says it. */
export function ownerPhrase(introspection?: Introspection): string | undefined {
  if (!introspection) return undefined;
  const { owner, account } = introspection;
  if (owner && account && owner !== account) return `acts as ${owner} in ${account}`;
  if (owner) return `acts as ${owner}`;
  if (account) return `belongs to ${account}`;
  return undefined;
}

const DATA_WORDS = "data (databases, volumes, buckets, repositories or packages)";

/** Capability phrases in order of harm; `can` when the provider confirmed them, else `could`. */
const CAPABILITY_PHRASES: readonly [Capability, string][] = [
  ["DELETE_INFRA", "delete services, projects, clusters or DNS zones"],
  ["IAM_WRITE", "create credentials or change who has access, and so keep access after this token is revoked"],
  ["CODE_WRITE", "push code, packages or CI changes (a supply-chain risk)"],
  ["SECRETS_READ", "read other secrets (environment variables, CI variables, secret stores)"],
  ["SEND_AS_ORG", "send email or messages in the organisation's name"],
  ["SPEND", "spend money on the owner's account"],
  ["READ_PII", "read customer data"],
];

const PRODUCTION = /\b(?:prod|production|live|main)\b/i;

/**
 * What the token can do, most harmful first: "can delete volume pg-data in environment production,
 * and its backups with it". `confirmed` when the capabilities come from the provider's answer.
 */
export function capabilityReasons(
  capabilities: readonly Capability[],
  confirmed: boolean,
  resources: readonly string[] = [],
): string[] {
  const has = new Set(capabilities);
  const modal = confirmed ? "can" : "could";
  const out: string[] = [];
  const named = resources.length > 0 ? resources.join(", ") : undefined;
  if (has.has("DELETE_DATA")) {
    const what = named ?? DATA_WORDS;
    out.push(`${modal} delete ${what}${has.has("DELETE_BACKUPS") ? ", and its backups with it" : ""}`);
  } else if (has.has("DELETE_BACKUPS")) {
    out.push(`${modal} delete backups and snapshots${named ? ` of ${named}` : ""}`);
  } else if (named) {
    out.push(`reaches ${named}`);
  }
  for (const [capability, phrase] of CAPABILITY_PHRASES) {
    if (has.has(capability)) out.push(`${modal} ${phrase}`);
  }
  if (has.has("PROD_REACH") && !resources.some((r) => PRODUCTION.test(r))) {
    out.push(confirmed ? "reaches production" : "could reach production");
  }
  if (has.has("ACCOUNT_WIDE")) out.push(`${confirmed ? "acts" : "could act"} for the whole account, not one project`);
  return out;
}

export const TEST_MODE_REASON = "test-mode credential: no real money or customer data";

/** "in scripts/custom-domains.sh, which has nothing to do with Railway". */
export function placementReason(path: string, placement: Placement): string {
  const prefix = `${path} `;
  if (placement.reason.startsWith(prefix)) return `in ${path}, which ${placement.reason.slice(prefix.length)}`;
  return placement.related ? `in ${path}: ${placement.reason}` : `in ${path}, an unrelated file: ${placement.reason}`;
}

/** Who can read the file, by how it is exposed. */
export const EXPOSURE_REASONS: Record<Exposure, string> = {
  tracked: "committed to git: anyone with the repository can read it",
  history: "in git history: anyone with a clone can read it, even after it left the working tree",
  untracked: "in an untracked file: not pushed, but any agent or program on this machine can read it",
  ignored: "in a git-ignored file: not pushed, but any agent or program on this machine can read it",
  "not-a-repo": "in a local file outside git: any agent or program on this machine can read it",
};

/** The short form for one-line summaries. */
export const EXPOSURE_SHORT: Record<Exposure, string> = {
  tracked: "committed to git",
  history: "in git history",
  untracked: "in an untracked local file",
  ignored: "in a git-ignored local file",
  "not-a-repo": "in a local file",
};

/** How a hidden secret was found, for the reasons: the user looking at the line sees no token. */
export const ENCODING_REASONS: Record<Encoding, string> = {
  base64: "hidden base64-encoded: tokscan decoded it, the line shows no token in plain text",
  url: "hidden URL-encoded: tokscan decoded it, the line shows no token in plain text",
  "json-escape": "hidden in JSON escapes: tokscan decoded it, the line shows no token in plain text",
};

/** The short form for one-line summaries. */
export const ENCODING_SHORT: Record<Encoding, string> = {
  base64: "base64-encoded",
  url: "URL-encoded",
  "json-escape": "JSON-escaped",
};

export function capitalize(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}
