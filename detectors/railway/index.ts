/**
 * Railway tokens (the motivating incident of ../shared/providers.md §2.2).
 * Token kinds and headers: https://docs.railway.com/reference/public-api (railwayapp/docs
 * `content/docs/integrations/api.md`); CLI conventions: railwayapp/cli `src/config.rs`.
 *
 * Every Railway token (account, workspace, project, OAuth) is an opaque lowercase UUID with no
 * prefix and no checksum, so a UUID is reported only with Railway evidence: the name it is assigned
 * to, the header it is sent in, the Railway API host it is sent to, or a Railway config file.
 * The class cannot be read from the string: the name only hints at it, and names are not scopes
 * (the incident token was "for custom domains" and could delete production volumes). Offline, each
 * rule assumes the worst class its evidence allows; introspection (api.ts) tells the real class.
 */
import { assignmentMaxLength, assignmentSource, UUID } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, TokenRule } from "../../src/detector-kit/index.js";
import { railwayApi } from "./api.js";

/** What an account token (or a workspace token, "equivalent to workspace admin") can do. */
export const ACCOUNT_CAPABILITIES: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_BACKUPS",
  "DELETE_INFRA",
  "SECRETS_READ",
  "IAM_WRITE",
  "CODE_WRITE",
];

/**
 * A project token reaches one environment of one project: deploys, reads its variables, and (not
 * disproved; providers.md §4.3) may delete that environment's volumes, whose backups go with them.
 */
export const PROJECT_CAPABILITIES: readonly Capability[] = ["DELETE_DATA", "DELETE_BACKUPS", "SECRETS_READ", "CODE_WRITE"];

const VOLUME_WARNING =
  "Railway tokens carry no per-operation scopes: an account or workspace token can delete every volume it reaches, and wiping a volume deletes all of its backups.";

const assumedAccount = (tokenClass: string, why: string): Inference => ({
  tokenClass,
  capabilities: [...ACCOUNT_CAPABILITIES],
  lifetime: "long",
  notes: [why, "Assumed an account token (the worst case) until Railway says otherwise.", VOLUME_WARNING],
});

const projectToken = (why: string): Inference => ({
  tokenClass: "project token",
  capabilities: [...PROJECT_CAPABILITIES],
  lifetime: "long",
  notes: [
    why,
    "A project token reaches one environment of one project: it can deploy, read that environment's variables and, as far as Railway documents, delete its volumes and their backups.",
  ],
});

/** RAILWAY_TOKEN / RAILWAY_PROJECT_TOKEN (and their snake/camel forms): the CLI's project-token names. */
const PROJECT_TOKEN_NAME = String.raw`(?<![A-Za-z0-9_])railway[_.-]?(?:project[_.-]?)?token(?![A-Za-z0-9_.-])`;
/** RAILWAY_API_TOKEN and the account/workspace/team token names people give Bearer tokens. */
const API_TOKEN_NAME = String.raw`(?<![A-Za-z0-9_])railway[_.-]?(?:api|team|workspace|account)[_.-]?(?:token|key)(?![A-Za-z0-9_.-])`;
/** Any other key naming Railway and a secret (RAILWAY_DOMAIN_TOKEN, railway_key...); never *_ID. */
const OTHER_TOKEN_NAME = String.raw`railway[A-Za-z0-9_.-]{0,20}(?:token|key|secret|auth|credential|password)|(?:token|key|secret|auth|credential)[A-Za-z0-9_.-]{0,20}railway`;
/** Key names in Railway config files (`.railway/config.json` stores the CLI session as `user.token`). */
const CONFIG_KEY_NAME = String.raw`token|key|secret|auth|credential|password`;

const UUID_LENGTH = 36;
const LONGEST_NAME = "railway_workspace_token".length;
/** How far apart a Bearer UUID and the Railway API host may be (one curl command or fetch call). */
const HOST_DISTANCE = 300;
const RAILWAY_HOST = String.raw`backboard\.railway\.(?:com|app)`;

const nameRule = (
  id: string,
  title: string,
  name: string,
  nameLength: number,
  infer: () => Inference,
  capabilities: readonly Capability[],
): TokenRule => ({
  id,
  title,
  keywords: ["railway"],
  pattern: new RegExp(assignmentSource(name, UUID), "i"),
  maxLength: assignmentMaxLength(nameLength, UUID_LENGTH),
  confidence: "medium",
  capabilities,
  lifetime: "long",
  infer,
});

export const rules: readonly TokenRule[] = [
  // Order matters: for the same UUID the more specific name wins (same confidence, same span).
  nameRule(
    "project-token",
    "Railway project token (RAILWAY_TOKEN)",
    PROJECT_TOKEN_NAME,
    "railway_project_token".length,
    () =>
      projectToken(
        "Named like the Railway CLI's project token (RAILWAY_TOKEN is sent as Project-Access-Token). That is a convention, not a scope: if Railway accepts it as Bearer it is an account or workspace token.",
      ),
    PROJECT_CAPABILITIES,
  ),
  nameRule(
    "api-token",
    "Railway account or workspace token (RAILWAY_API_TOKEN)",
    API_TOKEN_NAME,
    LONGEST_NAME,
    () =>
      assumedAccount(
        "account or workspace token",
        "Named like the Railway CLI's account/workspace token (RAILWAY_API_TOKEN, sent as Bearer): an account token acts for the user in every workspace; a workspace token is equivalent to workspace admin.",
      ),
    ACCOUNT_CAPABILITIES,
  ),
  {
    id: "token",
    title: "Railway token",
    keywords: ["railway"],
    pattern: new RegExp(assignmentSource(OTHER_TOKEN_NAME, UUID), "i"),
    // The name alternation spans at most railway + 20 + "credential".
    maxLength: assignmentMaxLength(7 + 20 + 10, UUID_LENGTH),
    confidence: "medium",
    capabilities: ACCOUNT_CAPABILITIES,
    lifetime: "long",
    infer: () =>
      assumedAccount(
        "token of unknown class",
        "The name says Railway but not which kind of token; a token named for one job (domains, deploys) has the full power of its class.",
      ),
  },
  {
    id: "project-token-header",
    title: "Railway project token (Project-Access-Token header)",
    keywords: ["project-access-token"],
    pattern: new RegExp(assignmentSource("project-access-token", UUID), "i"),
    maxLength: assignmentMaxLength("project-access-token".length, UUID_LENGTH),
    confidence: "high",
    capabilities: PROJECT_CAPABILITIES,
    lifetime: "long",
    infer: () => projectToken("Sent in Railway's Project-Access-Token header, which only project tokens use."),
  },
  {
    id: "api-bearer",
    title: "Railway API Bearer token",
    keywords: ["backboard.railway"],
    // The match is `Bearer <uuid>`; the Railway API host must appear within HOST_DISTANCE before or
    // after it (checked by look-around, so the span is the token alone).
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_])Bearer\s{1,4}(?<secret>${UUID})(?![A-Za-z0-9_-])` +
        String.raw`(?:(?<=${RAILWAY_HOST}[\s\S]{0,${HOST_DISTANCE}})|(?=[\s\S]{0,${HOST_DISTANCE}}${RAILWAY_HOST}))`,
      "i",
    ),
    // Sizes the window around the host keyword: the token may sit HOST_DISTANCE away on either side.
    maxLength: HOST_DISTANCE + "backboard.railway.com".length + "Bearer".length + 4 + UUID_LENGTH,
    confidence: "high",
    capabilities: ACCOUNT_CAPABILITIES,
    lifetime: "long",
    infer: () =>
      assumedAccount(
        "account or workspace token",
        "Sent as a Bearer token to Railway's API (backboard.railway.com): an account, workspace or OAuth token, never a project token.",
      ),
  },
  {
    id: "config-file",
    title: "Railway token in a Railway config file",
    keywords: [],
    paths: ["**/.railway/config*.json", "**/railway.toml", "**/railway.json"],
    pattern: new RegExp(assignmentSource(CONFIG_KEY_NAME, UUID), "i"),
    maxLength: assignmentMaxLength("credential".length, UUID_LENGTH),
    confidence: "medium",
    capabilities: ACCOUNT_CAPABILITIES,
    lifetime: "long",
    infer: () =>
      assumedAccount(
        "CLI session or account token",
        "Found in a Railway config file: ~/.railway/config.json holds the CLI login session (`user.token`), which acts as the account.",
      ),
  },
];

export const detector: Detector = {
  id: "railway",
  name: "Railway",
  docsUrl: "https://docs.railway.com/reference/public-api",
  remediation: {
    revoke:
      "https://railway.com/account/tokens (account and workspace tokens); project tokens: Project → Settings → Tokens",
    narrower:
      "Replace it with a project token (Project → Settings → Tokens) for the one non-production environment the job needs, passed as RAILWAY_TOKEN from a secret store. Railway account and workspace tokens have no scopes: never keep one in a repository or a script.",
  },
  related: {
    paths: ["**/railway.toml", "**/railway.json", "**/.railway/**", "**/nixpacks.toml", "**/railpack.json"],
    content:
      /backboard\.railway\.(?:com|app)|\brailway (?:up|link|run|deploy|login|logs|service|environment|variables|status|init|redeploy)\b|railwayapp\/|@railway\/|RAILWAY_(?:PROJECT|ENVIRONMENT|SERVICE)_ID/,
  },
  rules,
  api: railwayApi,
};
