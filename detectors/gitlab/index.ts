/**
 * GitLab tokens (GitLab.com and self-managed).
 * Prefixes: https://docs.gitlab.com/security/tokens/#token-prefixes ; routable format and checksum:
 * GitLab's routable-token design document (see ./routable.ts). ../shared/providers.md §2.4.
 */
import { escapeRegex, fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, TokenRule, Verdict } from "../../src/detector-kit/index.js";
import { api } from "./api.js";
import { checkRoutable, decodeRouting } from "./routable.js";

/** GitLab token bodies use URL-safe base64 characters; a token must not continue into more of them. */
const NOT_BEFORE_TOKEN = "(?![0-9A-Za-z_-])";
/** `<base64 payload>.[<version>.]<length><crc>` after the type prefix. */
const ROUTABLE_TAIL = String.raw`[0-9A-Za-z_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}`;
const ROUTABLE_MAX = 300 + 1 + 3 + 9;
/** Self-managed instances may prepend an instance prefix such as `acme-` (GitLab 18.x). */
const INSTANCE_PREFIX = "(?:[0-9A-Za-z]{1,16}-)?";

const PAT_CAPABILITIES: Capability[] = ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "SECRETS_READ", "IAM_WRITE"];

/** Routing identifiers as words: "user 13868, organization 1". */
function routingFacts(secret: string, prefix: string): { account?: string; notes: string[] } {
  const routing = decodeRouting(secret, prefix);
  if (routing.size === 0) return { notes: [] };
  const words = [...routing].map(([key, id]) => `${key} ${id}`).join(", ");
  const organization = routing.get("organization");
  return {
    account: organization ? `organization ${organization}` : undefined,
    notes: [`Routing data decoded offline: ${words}.`],
  };
}

/**
 * A GitLab token type with a fixed-length legacy body that may also be issued in the routable
 * format; routable candidates must carry a valid checksum. The routable form is tried first so that
 * its payload is never taken for a legacy body.
 */
function glRule(
  id: string,
  prefix: string,
  title: string,
  legacyBody: { source: string; max: number },
  capabilities: readonly Capability[],
  tokenClass: string,
  notes: string[],
  extra: Partial<TokenRule> = {},
): TokenRule {
  const validate = (secret: string): Verdict =>
    secret.includes(".") ? checkRoutable(secret, prefix, prefix !== "glrt-") : { ok: true };
  return {
    id,
    title,
    keywords: [prefix.toLowerCase()],
    pattern: new RegExp(
      `${NOT_AFTER_WORD}${escapeRegex(prefix)}(?:${ROUTABLE_TAIL}${NOT_BEFORE_WORD}|${legacyBody.source}${NOT_BEFORE_TOKEN})`,
    ),
    maxLength: prefix.length + Math.max(legacyBody.max, ROUTABLE_MAX),
    confidence: "high",
    capabilities,
    lifetime: "long",
    validate,
    infer: (secret): Inference => {
      const decoded = routingFacts(secret, prefix);
      return { tokenClass, capabilities: [...capabilities], account: decoded.account, notes: [...notes, ...decoded.notes] };
    },
    ...extra,
  };
}

const body = (length: number) => ({ source: `[0-9A-Za-z_-]{${length}}`, max: length });

export const detector: Detector = {
  id: "gitlab",
  name: "GitLab",
  docsUrl: "https://docs.gitlab.com/security/tokens/",
  remediation: {
    revoke: "https://gitlab.com/-/user_settings/personal_access_tokens",
    narrower:
      "Revoke it (User settings > Access tokens, or the project/group Access tokens page), then use a project or group access token with the lowest role and only read_api/read_repository scopes, with an expiry date; inside CI use CI_JOB_TOKEN instead of a stored token.",
  },
  related: {
    paths: ["**/.gitlab-ci.yml", "**/.gitlab/**", "**/.config/glab-cli/**", "**/.python-gitlab.cfg", "**/gitlab-runner/**"],
    content: /gitlab\.com|\/api\/v4\/|@gitbeaker\/|python-gitlab|import gitlab|go-gitlab|CI_JOB_TOKEN|GITLAB_TOKEN|PRIVATE-TOKEN/,
  },
  api,
  rules: [
    {
      id: "personal-access-token",
      title: "GitLab personal, project or group access token (routable)",
      keywords: ["glpat-"],
      pattern: new RegExp(`${NOT_AFTER_WORD}${INSTANCE_PREFIX}glpat-${ROUTABLE_TAIL}${NOT_BEFORE_WORD}`),
      maxLength: 17 + 6 + ROUTABLE_MAX,
      confidence: "high",
      capabilities: PAT_CAPABILITIES,
      lifetime: "long",
      validate: (secret) => checkRoutable(secret, "glpat-"),
      infer: (secret): Inference => {
        const decoded = routingFacts(secret, "glpat-");
        return {
          tokenClass: "routable access token",
          capabilities: [...PAT_CAPABILITIES],
          account: decoded.account,
          notes: [
            "glpat- is shared by personal, impersonation, project and group access tokens; scopes are not in the string.",
            ...decoded.notes,
          ],
        };
      },
    },
    {
      id: "personal-access-token-legacy",
      title: "GitLab personal, project or group access token",
      keywords: ["glpat-"],
      pattern: new RegExp(`${NOT_AFTER_WORD}glpat-[0-9A-Za-z_-]{20}${NOT_BEFORE_TOKEN}`),
      maxLength: 26,
      confidence: "high",
      capabilities: PAT_CAPABILITIES,
      lifetime: "long",
      infer: fixedInference("access token (pre-routable format)", PAT_CAPABILITIES, "long", [
        "glpat- is shared by personal, impersonation, project and group access tokens; scopes are not in the string.",
      ]),
    },
    glRule("oauth-application-secret", "gloas-", "GitLab OAuth application secret", body(64), ["IAM_WRITE"], "OAuth application secret", [
      "Lets someone act as the OAuth application and turn authorization codes into user tokens.",
    ]),
    glRule("deploy-token", "gldt-", "GitLab deploy token", body(20), ["CODE_WRITE", "SECRETS_READ"], "deploy token", [
      "Deploy tokens may read or write a repository and its registries (read_repository, write_registry, write_package_registry).",
    ]),
    glRule(
      "runner-authentication-token",
      "glrt-",
      "GitLab runner authentication token",
      { source: "(?:[0-9A-Za-z_-]{20}|t[0-9]_[0-9A-Za-z_-]{20,40})", max: 43 },
      ["SECRETS_READ", "CODE_WRITE"],
      "runner authentication token",
      ["A runner token can pick up CI jobs, and with them the jobs' variables and deploy credentials."],
    ),
    glRule(
      "runner-registration-token",
      "glrtr-",
      "GitLab runner registration token",
      body(20),
      ["SECRETS_READ", "CODE_WRITE"],
      "runner registration token",
      ["Registers new runners that receive CI jobs and their secrets."],
    ),
    {
      id: "runner-registration-token-legacy",
      title: "GitLab legacy runner registration token",
      keywords: ["gr1348941"],
      pattern: new RegExp(`${NOT_AFTER_WORD}GR1348941[0-9A-Za-z_-]{20}${NOT_BEFORE_TOKEN}`),
      maxLength: 29,
      confidence: "high",
      capabilities: ["SECRETS_READ", "CODE_WRITE"],
      lifetime: "long",
      infer: fixedInference("legacy runner registration token", [
        "SECRETS_READ",
        "CODE_WRITE"], "long", ["Registers new runners that receive CI jobs and their secrets (deprecated registration workflow).",
      ]),
    },
    glRule(
      "ci-job-token",
      "glcbt-",
      "GitLab CI/CD job token",
      { source: "[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20}", max: 26 },
      ["CODE_WRITE", "SECRETS_READ"],
      "CI/CD job token",
      ["Valid only while its job runs; usually dead when found."],
      { lifetime: "short" },
    ),
    glRule(
      "pipeline-trigger-token",
      "glptt-",
      "GitLab pipeline trigger token",
      { source: "[0-9a-f]{40}", max: 40 },
      ["PROD_REACH"],
      "pipeline trigger token",
      ["Runs pipelines (including deploy jobs) as the trigger's owner and can pass variables into them."],
    ),
    glRule("feed-token", "glft-", "GitLab feed token", body(20), ["READ_PII"], "feed token", [
      "Read-only RSS/calendar feeds of the user's activity and issues.",
    ]),
    glRule("incoming-mail-token", "glimt-", "GitLab incoming email token", body(25), ["SEND_AS_ORG"], "incoming email token", [
      "Creates issues and merge requests by email as the user.",
    ]),
    glRule(
      "agent-token",
      "glagent-",
      "GitLab agent for Kubernetes token",
      body(50),
      ["PROD_REACH", "SECRETS_READ"],
      "agent for Kubernetes token",
      ["Authenticates a cluster agent; whoever holds it can pose as the agent and receive what GitLab sends to the cluster."],
    ),
    glRule("scim-token", "glsoat-", "GitLab SCIM token", body(20), ["ACCOUNT_WIDE", "IAM_WRITE"], "SCIM provisioning token", [
      "Provisions and removes group members through SCIM.",
    ]),
    glRule(
      "feature-flags-client-token",
      "glffct-",
      "GitLab feature flags client token",
      body(20),
      [],
      "feature flags client token",
      ["Reads a project's feature flag definitions only."],
    ),
  ],
};
