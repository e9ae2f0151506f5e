/**
 * Supabase: legacy service_role JWT keys, `sb_secret_` keys, `sbp_` Management API tokens and the
 * project JWT secret. Publishable keys (`sb_publishable_`, the `anon` JWT) are public by design and
 * never reported.
 * https://supabase.com/docs/guides/api/api-keys ; ../shared/providers.md §2.17.
 */
import { assignmentMaxLength, assignmentSource, epochToIso, fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, Verdict } from "../../src/detector-kit/index.js";
import { api } from "./api.js";
import { supabaseClaims } from "./claims.js";

export { supabaseClaims } from "./claims.js";
export type { SupabaseClaims } from "./claims.js";

const PROJECT_KEY: readonly Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "READ_PII"];
const MANAGEMENT: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_BACKUPS",
  "DELETE_INFRA",
  "SECRETS_READ",
  "READ_PII",
];

/**
 * `service_role` as it appears in a base64url JWT payload, for each of the three byte alignments
 * (only the characters that do not depend on the neighbouring bytes).
 */
export const SERVICE_ROLE_BASE64 = ["c2VydmljZV9yb2xl", "cnZpY2Vfcm9s", "ZXJ2aWNlX3Jv"] as const;

const NOT_BEFORE_TOKEN = "(?![A-Za-z0-9_-])";
const JWT = String.raw`(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,300}\.eyJ[A-Za-z0-9_-]{20,1200}\.[A-Za-z0-9_-]{20,400}${NOT_BEFORE_TOKEN}`;

function checkServiceRole(token: string): Verdict {
  const claims = supabaseClaims(token);
  if (!claims) return { ok: false, reason: "payload is not JSON" };
  if (claims.role === "anon") return { ok: false, reason: "anon key: publishable by design" };
  if (claims.role !== "service_role") return { ok: false, reason: "not a service_role key" };
  return { ok: true };
}

function inferServiceRole(token: string): Inference {
  const claims = supabaseClaims(token) ?? {};
  const notes = ["bypasses Row Level Security: reads, changes and deletes every row, Storage object and Auth user of the project"];
  if (claims.ref) notes.push(`project https://${claims.ref}.supabase.co`);
  const demo = claims.iss === "supabase-demo";
  if (demo) notes.push("the public demo key of the self-hosting setup: any deployment still using it is open to anyone");
  return {
    tokenClass: demo ? "self-hosted demo service_role key (public default credential)" : "service_role JWT",
    capabilities: [...PROJECT_KEY],
    lifetime: "long",
    expiresAt: epochToIso(claims.exp),
    account: claims.ref,
    notes,
  };
}

/** Env names of the project JWT secret (hosted and self-hosted), in snake, kebab and camel case. */
const JWT_SECRET_NAMES = ["supabase", "gotrue", "pgrst"]
  .flatMap((owner) => ["_", "-", ""].map((sep) => `${owner}${sep}jwt${sep}secret`))
  .join("|");

export const detector: Detector = {
  id: "supabase",
  name: "Supabase",
  docsUrl: "https://supabase.com/docs/guides/api/api-keys",
  remediation: {
    revoke: "https://supabase.com/dashboard/project/_/settings/api-keys",
    narrower:
      "Revoke the secret key (Project Settings > API Keys) or, for legacy JWT keys, rotate the JWT secret; Management API tokens are revoked at https://supabase.com/dashboard/account/tokens. Clients get only the publishable key with Row Level Security on every table; keep one `sb_secret_` key per server-side service so each can be revoked alone, and prefer database roles or Edge Functions with limited grants over the service role.",
  },
  related: {
    paths: ["**/supabase/**", "**/supabase/config.toml", "**/.env*"],
    content: /@supabase\/|supabase\.co\b|createClient\(|SUPABASE_URL|supabase-py|supabase_flutter/,
  },
  rules: [
    {
      id: "service-role-key",
      title: "Supabase service_role key (legacy JWT)",
      keywords: SERVICE_ROLE_BASE64.map((k) => k.toLowerCase()),
      pattern: new RegExp(JWT),
      maxLength: 3 + 300 + 1 + 3 + 1200 + 1 + 400,
      confidence: "high",
      capabilities: PROJECT_KEY,
      lifetime: "long",
      // The claims are checked by decoding; base64 of JSON is not random enough for the variety check.
      skipPlaceholderCheck: true,
      validate: checkServiceRole,
      infer: inferServiceRole,
    },
    {
      id: "secret-key",
      title: "Supabase secret API key",
      keywords: ["sb_secret_"],
      pattern: new RegExp(`${NOT_AFTER_WORD}sb_secret_[A-Za-z0-9_-]{20,80}${NOT_BEFORE_TOKEN}`),
      maxLength: 10 + 80,
      confidence: "high",
      capabilities: PROJECT_KEY,
      lifetime: "long",
      infer: fixedInference("secret API key", PROJECT_KEY, "long", [
        "acts as the service role: bypasses Row Level Security for the whole project",
      ]),
    },
    {
      id: "management-token",
      title: "Supabase Management API access token",
      keywords: ["sbp_"],
      pattern: new RegExp(`${NOT_AFTER_WORD}sbp_[a-z0-9]{40}${NOT_BEFORE_TOKEN}`),
      maxLength: 44,
      confidence: "high",
      capabilities: MANAGEMENT,
      lifetime: "long",
      infer: fixedInference("Management API personal access token", MANAGEMENT, "long", [
        "acts for the user in every organization: can delete projects (and their backups), run SQL and read project API keys",
      ]),
    },
    {
      id: "jwt-secret",
      title: "Supabase project JWT secret",
      keywords: JWT_SECRET_NAMES.split("|"),
      pattern: new RegExp(assignmentSource(JWT_SECRET_NAMES, "[A-Za-z0-9+/=_-]{32,128}"), "i"),
      maxLength: assignmentMaxLength(19, 128),
      confidence: "medium",
      capabilities: PROJECT_KEY,
      lifetime: "long",
      infer: fixedInference("JWT signing secret", PROJECT_KEY, "long", [
        "signs any JWT, including service_role keys: the same power as the service role",
      ]),
    },
  ],
  api,
};
