/**
 * Docker Hub credentials (../shared/providers.md §3.5).
 * `dckr_pat_` personal access tokens and `dckr_oat_` organization access tokens:
 * https://docs.docker.com/security/for-developers/access-tokens/ ; older PATs are UUIDs (reported only
 * under a Docker name). `~/.docker/config.json` keeps `auths.<registry>.auth` = base64(`user:secret`),
 * where the secret is a PAT or the account password.
 */
import { assignmentMaxLength, assignmentSource, NOT_AFTER_WORD, UUID, validWhen } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, TokenRule } from "../../src/detector-kit/index.js";

/** A Read/Write/Delete PAT: push over any image of the user's namespaces, delete repositories and tags. */
export const PAT_CAPABILITIES: readonly Capability[] = ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA"];
/** The account password also manages tokens, members and settings (when 2FA does not stop it). */
const PASSWORD_CAPABILITIES: readonly Capability[] = ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "IAM_WRITE"];

const patInference = (tokenClass: string, note: string): Inference => ({
  tokenClass,
  capabilities: [...PAT_CAPABILITIES],
  lifetime: "long",
  notes: [
    note,
    "Assumed Read/Write/Delete access (the worst PAT level): it can push images over tags people pull (supply chain) and delete repositories.",
  ],
});

/** The decoded `user:secret` of a config.json `auth` value, or undefined. */
export function decodeConfigAuth(value: string): { user: string; secret: string } | undefined {
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  // Base64 of arbitrary bytes rarely decodes to printable ASCII on both sides of a colon.
  if (!/^[\x21-\x7e]{1,256}$/.test(decoded)) return undefined;
  return { user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

const validConfigAuth = validWhen(decodeConfigAuth, "not base64 of user:secret");

const configAuthInference = (value: string): Inference => {
  const decoded = decodeConfigAuth(value);
  if (decoded?.secret.startsWith("dckr_oat_")) {
    return { ...patInference("organization access token", "Organization access token inside docker config.json auth."), account: decoded.user };
  }
  if (decoded?.secret.startsWith("dckr_pat_")) {
    return { ...patInference("personal access token", "Personal access token inside docker config.json auth."), account: decoded.user };
  }
  return {
    tokenClass: "account password",
    capabilities: [...PASSWORD_CAPABILITIES],
    lifetime: "long",
    ...(decoded ? { account: decoded.user } : {}),
    notes: [
      "docker login stored the account password (not a token) in config.json: it is the whole Docker account, token and member management included.",
    ],
  };
};

const LEGACY_NAME = String.raw`docker[A-Za-z0-9_.-]{0,16}(?:token|password|passwd|secret|pat)(?![a-z])`;
const HUB_REGISTRY = String.raw`"(?:https?://)?(?:index\.|registry-1\.)?docker\.io(?:/v1/?)?"`;

export const rules: readonly TokenRule[] = [
  {
    id: "personal-access-token",
    title: "Docker Hub personal access token",
    keywords: ["dckr_pat_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}dckr_pat_[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])`),
    maxLength: 36,
    confidence: "high",
    capabilities: PAT_CAPABILITIES,
    lifetime: "long",
    infer: () => patInference("personal access token", "Docker Hub personal access token (dckr_pat_): acts as its user."),
  },
  {
    id: "organization-access-token",
    title: "Docker Hub organization access token",
    keywords: ["dckr_oat_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}dckr_oat_[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])`),
    maxLength: 41,
    confidence: "high",
    capabilities: PAT_CAPABILITIES,
    lifetime: "long",
    infer: () =>
      patInference("organization access token", "Docker Hub organization access token (dckr_oat_): reaches the repositories the organization granted it, possibly all of them."),
  },
  {
    id: "legacy-access-token",
    title: "Docker Hub access token (UUID)",
    keywords: ["docker"],
    pattern: new RegExp(assignmentSource(LEGACY_NAME, UUID), "i"),
    maxLength: assignmentMaxLength("docker".length + 16 + "password".length, 36),
    confidence: "medium",
    capabilities: PAT_CAPABILITIES,
    lifetime: "long",
    infer: () => patInference("personal access token", "UUID-shaped Docker Hub access token (the format before dckr_pat_), under a Docker name."),
  },
  {
    id: "config-auth",
    title: "Docker Hub login in docker config.json",
    keywords: ["docker.io"],
    pattern: new RegExp(
      String.raw`(?<evidence>${HUB_REGISTRY})\s{0,8}:\s{0,8}\{\s{0,16}"auth"\s{0,8}:\s{0,8}"(?<secret>[A-Za-z0-9+/]{8,400}={0,2})"`,
    ),
    maxLength: 40 + 8 + 1 + 8 + 1 + 16 + 6 + 8 + 1 + 8 + 402 + 1,
    confidence: "high",
    capabilities: PASSWORD_CAPABILITIES,
    lifetime: "long",
    validate: validConfigAuth,
    infer: configAuthInference,
  },
];

export const detector: Detector = {
  id: "docker-hub",
  name: "Docker Hub",
  docsUrl: "https://docs.docker.com/security/for-developers/access-tokens/",
  remediation: {
    revoke: "https://app.docker.com/settings/personal-access-tokens (organization tokens: the organization's Access tokens page)",
    narrower:
      "Replace it with a Read-only (or Read/Write, never Read/Write/Delete) personal access token or an organization access token limited to the repositories the job pushes; never store the account password, use a credential helper.",
  },
  related: {
    paths: ["**/.docker/config.json", "**/Dockerfile", "**/docker-compose*.{yml,yaml}", "**/compose*.{yml,yaml}", "**/.dockerconfigjson"],
    content: /\bdocker (?:login|push|build|pull)\b|docker\/login-action|hub\.docker\.com|index\.docker\.io|registry-1\.docker\.io|\bdocker\.io\//,
  },
  rules,
};
