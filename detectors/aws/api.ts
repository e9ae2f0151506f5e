/**
 * Read-only introspection of AWS access keys (../shared/providers.md §2.3 (c)-(f)). SigV4-signed
 * Query-API POSTs, each body fixed in shape and matched by the allowlist:
 *   STS GetCallerIdentity           liveness and identity (needs no permission, cannot be denied)
 *   IAM ListAttachedUserPolicies, ListUserPolicies, ListGroupsForUser, ListAttachedGroupPolicies,
 *       GetRole, ListAttachedRolePolicies, ListRolePolicies    what is attached to the principal
 *   IAM SimulatePrincipalPolicy     which destructive actions the principal's policies allow
 * Docs: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html ,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 *
 * A key id needs its secret: it is paired with at most 3 secrets found in the same file (and an ASIA
 * key with its session token). Keys of known canary-token accounts are never sent anywhere.
 * Never: any mutating call, sts:AssumeRole/GetSessionToken, the sns:Publish canary trick.
 */
import { answeredUnknown, notReadable, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";
import { accountFromKeyId, CANARY_ACCOUNTS } from "./account.js";
import { awsEncode, signV4 } from "./sigv4.js";
import { errorCode, fieldValues, listMembers } from "./query-api.js";

export const STS_HOST = "sts.amazonaws.com";
export const IAM_HOST = "iam.amazonaws.com";
const IAM_ORIGIN = `https://${IAM_HOST}`;
const REGION = "us-east-1";
const CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
export const IDENTITY_BODY = "Action=GetCallerIdentity&Version=2011-06-15";
const IAM_VERSION = "Version=2010-05-08";
/** Most secrets tried per key id (and key ids per secret): cross-pairing many looks like an attack. */
export const MAX_PAIRS = 3;

const KEY_ID_RULES = new Set(["access-key-id", "temporary-access-key-id"]);
const SECRET_RULES = new Set(["secret-access-key", "secret-access-key-beside-id"]);
const SESSION_RULE = "session-token";

/** The destructive and prod-reaching actions asked of SimulatePrincipalPolicy, with what each allows. */
export const SIMULATED_ACTIONS: Readonly<Record<string, readonly Capability[]>> = {
  "iam:CreateAccessKey": ["IAM_WRITE"],
  "iam:CreateUser": ["IAM_WRITE"],
  "iam:AttachUserPolicy": ["IAM_WRITE"],
  "iam:PutUserPolicy": ["IAM_WRITE"],
  "iam:AttachRolePolicy": ["IAM_WRITE"],
  "iam:UpdateAssumeRolePolicy": ["IAM_WRITE"],
  "iam:PassRole": ["IAM_WRITE"],
  "iam:CreateLoginProfile": ["IAM_WRITE"],
  "sts:AssumeRole": ["IAM_WRITE"],
  "s3:DeleteBucket": ["DELETE_DATA"],
  "s3:DeleteObject": ["DELETE_DATA"],
  "s3:DeleteObjectVersion": ["DELETE_DATA", "DELETE_BACKUPS"],
  "s3:PutBucketPolicy": ["DELETE_DATA"],
  "s3:PutLifecycleConfiguration": ["DELETE_DATA"],
  "s3:PutBucketVersioning": ["DELETE_BACKUPS"],
  "s3:GetObject": ["READ_PII"],
  "rds:DeleteDBInstance": ["DELETE_DATA"],
  "rds:DeleteDBCluster": ["DELETE_DATA"],
  "dynamodb:DeleteTable": ["DELETE_DATA"],
  "dynamodb:Scan": ["READ_PII"],
  "ec2:TerminateInstances": ["DELETE_INFRA"],
  "ec2:DeleteVolume": ["DELETE_DATA"],
  "lambda:DeleteFunction": ["DELETE_INFRA"],
  "eks:DeleteCluster": ["DELETE_INFRA"],
  "cloudformation:DeleteStack": ["DELETE_INFRA"],
  "route53:DeleteHostedZone": ["DELETE_INFRA"],
  "route53:ChangeResourceRecordSets": ["DELETE_INFRA"],
  "rds:DeleteDBSnapshot": ["DELETE_BACKUPS"],
  "rds:DeleteDBClusterSnapshot": ["DELETE_BACKUPS"],
  "ec2:DeleteSnapshot": ["DELETE_BACKUPS"],
  "dynamodb:DeleteBackup": ["DELETE_BACKUPS"],
  "backup:DeleteRecoveryPoint": ["DELETE_BACKUPS"],
  "backup:DeleteBackupVault": ["DELETE_BACKUPS"],
  "backup:DeleteBackupPlan": ["DELETE_BACKUPS"],
  "kms:ScheduleKeyDeletion": ["DELETE_DATA", "DELETE_BACKUPS"],
  "kms:DisableKey": ["DELETE_DATA"],
  "secretsmanager:GetSecretValue": ["SECRETS_READ"],
  "ssm:GetParameter": ["SECRETS_READ"],
  "ssm:GetParametersByPath": ["SECRETS_READ"],
  "cloudtrail:StopLogging": ["DELETE_INFRA"],
  "cloudtrail:DeleteTrail": ["DELETE_INFRA"],
  "guardduty:DeleteDetector": ["DELETE_INFRA"],
  "ec2:RunInstances": ["SPEND"],
  "sagemaker:CreateTrainingJob": ["SPEND"],
  "bedrock:InvokeModel": ["SPEND"],
  "organizations:LeaveOrganization": ["DELETE_INFRA"],
  "account:CloseAccount": ["DELETE_INFRA"],
};

const EVERYTHING: readonly Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "IAM_WRITE", "SECRETS_READ", "SPEND", "READ_PII"];
/** AWS managed policies whose name settles the question. */
const MANAGED_POLICIES: Readonly<Record<string, readonly Capability[]>> = {
  AdministratorAccess: EVERYTHING,
  IAMFullAccess: ["ACCOUNT_WIDE", "IAM_WRITE"],
  PowerUserAccess: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "SECRETS_READ", "SPEND", "READ_PII"],
};
const QUARANTINE = /^AWSCompromisedKeyQuarantine/;

// ------------------------------------------------------------------ request bodies (and their allowlist shapes)

const IAM_NAME = "[A-Za-z0-9_.%-]{1,300}";
const USER_ACTIONS = ["ListAttachedUserPolicies", "ListUserPolicies", "ListGroupsForUser"] as const;
const ROLE_ACTIONS = ["GetRole", "ListAttachedRolePolicies", "ListRolePolicies"] as const;

const form = (pairs: readonly (readonly [string, string])[]): string => pairs.map(([k, v]) => `${k}=${awsEncode(v)}`).join("&");
export const iamBody = (action: string, nameField: string, name: string): string => `${form([["Action", action], [nameField, name]])}&${IAM_VERSION}`;
export function simulateBody(policySourceArn: string): string {
  const actions = Object.keys(SIMULATED_ACTIONS).map((a, i) => [`ActionNames.member.${i + 1}`, a] as const);
  return `${form([["Action", "SimulatePrincipalPolicy"], ...actions, ["PolicySourceArn", policySourceArn]])}&${IAM_VERSION}`;
}

const IAM_BODY = new RegExp(
  [
    `Action=(?:${USER_ACTIONS.join("|")})&UserName=${IAM_NAME}&${IAM_VERSION}`,
    `Action=ListAttachedGroupPolicies&GroupName=${IAM_NAME}&${IAM_VERSION}`,
    `Action=(?:${ROLE_ACTIONS.join("|")})&RoleName=${IAM_NAME}&${IAM_VERSION}`,
  ].join("|"),
);
const SIMULATE_BODY = new RegExp(
  String.raw`Action=SimulatePrincipalPolicy(?:&ActionNames\.member\.\d{1,2}=[a-z0-9-]{2,32}%3A[A-Za-z0-9]{2,64}){1,64}` +
    String.raw`&PolicySourceArn=arn%3Aaws%3Aiam%3A%3A\d{12}%3A(?:user|role)%2F[A-Za-z0-9_.%-]{1,600}&${IAM_VERSION}`,
);

// ------------------------------------------------------------------ calls

interface Credentials {
  keyId: string;
  secret: string;
  sessionToken?: string;
}

function signed(host: string, service: string, body: string, credentials: Credentials, now: Date): Record<string, string> {
  return signV4({
    method: "POST",
    host,
    path: "/",
    headers: { "Content-Type": CONTENT_TYPE, Accept: "application/json" },
    body,
    service,
    region: REGION,
    accessKeyId: credentials.keyId,
    secretAccessKey: credentials.secret,
    sessionToken: credentials.sessionToken,
    date: now,
  }).headers;
}

const callSts = (http: ProviderHttp, credentials: Credentials, now: Date): Promise<HttpResponse> =>
  http.request("POST", "/", { headers: signed(STS_HOST, "sts", IDENTITY_BODY, credentials, now), body: IDENTITY_BODY });

const callIam = (http: ProviderHttp, body: string, credentials: Credentials, now: Date): Promise<HttpResponse> =>
  http.request("POST", "/", { headers: signed(IAM_HOST, "iam", body, credentials, now), body, origin: IAM_ORIGIN });

// ------------------------------------------------------------------ pairing

const local = (ruleId: string): string => ruleId.replace(/^aws\//, "");

interface Pairing {
  pairs: Credentials[];
  /** Why nothing can be asked, when pairs is empty. */
  reason?: string;
}

function canaryOf(keyId: string): string | undefined {
  const account = accountFromKeyId(keyId);
  return account !== undefined && CANARY_ACCOUNTS.has(account) ? account : undefined;
}

/** The (key id, secret) pairs to try for this token, canaries left out. */
export function pairsFor(token: TokenInstance): Pairing {
  const companions = token.companions.map((c) => ({ rule: local(c.ruleId), secret: c.secret }));
  const sessionToken = companions.find((c) => c.rule === SESSION_RULE)?.secret;
  let pairs: Credentials[];
  if (KEY_ID_RULES.has(token.ruleId)) {
    const canary = canaryOf(token.secret);
    if (canary) return { pairs: [], reason: `known canary account ${canary}: never contacted (any use alerts whoever planted the key)` };
    const secrets = [...new Set(companions.filter((c) => SECRET_RULES.has(c.rule)).map((c) => c.secret))];
    if (secrets.length === 0) return { pairs: [], reason: "no secret access key in the same file: a key id alone cannot sign a request" };
    pairs = secrets.slice(0, MAX_PAIRS).map((secret) => ({ keyId: token.secret, secret }));
  } else {
    const keyIds = [...new Set(companions.filter((c) => KEY_ID_RULES.has(c.rule)).map((c) => c.secret))];
    if (keyIds.length === 0) return { pairs: [], reason: "no access key id in the same file: a secret alone cannot sign a request" };
    const usable = keyIds.filter((id) => canaryOf(id) === undefined);
    if (usable.length === 0) return { pairs: [], reason: "the key id beside it belongs to a known canary account: never contacted" };
    pairs = usable.slice(0, MAX_PAIRS).map((keyId) => ({ keyId, secret: token.secret }));
  }
  const temporary = pairs.filter((p) => p.keyId.startsWith("ASIA"));
  if (temporary.length > 0 && !sessionToken) {
    pairs = pairs.filter((p) => !p.keyId.startsWith("ASIA"));
    if (pairs.length === 0) return { pairs: [], reason: "temporary (ASIA) key without its session token in the same file: cannot be checked" };
  }
  return { pairs: pairs.map((p) => (p.keyId.startsWith("ASIA") ? { ...p, sessionToken } : p)) };
}

// ------------------------------------------------------------------ identity

interface Identity {
  account: string;
  arn: string;
  credentials: Credentials;
}

type IdentityOutcome = { identity: Identity } | { result: Introspection };

async function identify(http: ProviderHttp, pairing: Credentials[], now: Date): Promise<IdentityOutcome> {
  const codes: string[] = [];
  const oneKeyId = new Set(pairing.map((p) => p.keyId)).size === 1;
  for (const credentials of pairing) {
    const response = await callSts(http, credentials, now);
    if (response.status === 200) {
      const account = fieldValues(response, "Account")[0];
      const arn = fieldValues(response, "Arn")[0];
      if (!account || !arn) return { result: unexpectedShape("STS GetCallerIdentity") };
      return { identity: { account, arn, credentials } };
    }
    const code = errorCode(response);
    if (code === undefined || response.status < 400 || response.status >= 500) {
      return { result: answeredUnknown("STS", response.status, "GetCallerIdentity without an AWS error") };
    }
    codes.push(code);
    // SignatureDoesNotMatch: the key id exists but this secret is not its secret; try the next candidate.
    if (code === "SignatureDoesNotMatch" || code === "IncompleteSignature") continue;
    if (code === "InvalidClientTokenId") {
      if (oneKeyId) return { result: { liveness: "inactive", reason: "AWS answered InvalidClientTokenId: the key is deleted, deactivated or never existed" } };
      continue;
    }
    if (code === "ExpiredToken") return { result: { liveness: "inactive", reason: "AWS answered ExpiredToken: the temporary credentials have expired" } };
    return { result: { liveness: "unknown", reason: `STS answered ${response.status} ${code}` } };
  }
  if (codes.every((c) => c === "InvalidClientTokenId")) {
    return { result: { liveness: "inactive", reason: "AWS answered InvalidClientTokenId for every key id paired with it" } };
  }
  return {
    result: {
      liveness: "unknown",
      reason: `the key id exists, but none of the ${pairing.length} secret(s) tried matches it (SignatureDoesNotMatch)`,
    },
  };
}

// ------------------------------------------------------------------ permissions

interface Principal {
  kind: "root" | "user" | "role" | "federated" | "other";
  name?: string;
  /** IAM ARN to simulate (user or role). */
  iamArn?: string;
  tokenClass: string;
}

export function principalOf(arn: string, account: string): Principal {
  if (/^arn:aws[\w-]*:iam::\d{12}:root$/.test(arn)) return { kind: "root", tokenClass: "root user access key" };
  const user = /^arn:aws[\w-]*:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (user) return { kind: "user", name: user[1], iamArn: arn, tokenClass: "IAM user access key" };
  const role = /^arn:aws[\w-]*:sts::\d{12}:assumed-role\/([^/]+)\/.+$/.exec(arn);
  if (role) return { kind: "role", name: role[1], iamArn: `arn:aws:iam::${account}:role/${role[1]}`, tokenClass: "assumed-role session credentials" };
  if (/:federated-user\//.test(arn)) return { kind: "federated", tokenClass: "federated user session credentials" };
  return { kind: "other", tokenClass: "AWS credentials" };
}

interface Reading {
  policies: string[];
  inline: string[];
  groups: string[];
  facts: string[];
  /** Allowed simulated actions, when the simulation could run. */
  allowed?: string[];
}

/** One IAM read; a refusal or failure becomes a fact instead of ending the introspection. */
async function readIam(http: ProviderHttp, body: string, credentials: Credentials, now: Date, what: string, facts: string[]): Promise<HttpResponse | undefined> {
  try {
    const response = await callIam(http, body, credentials, now);
    if (response.status === 200) return response;
    const code = errorCode(response);
    facts.push(`${what} not readable (${code ?? `HTTP ${response.status}`})`);
  } catch (error) {
    facts.push(notReadable(what, error));
  }
  return undefined;
}

async function readPermissions(http: ProviderHttp, principal: Principal, credentials: Credentials, now: Date): Promise<Reading> {
  const reading: Reading = { policies: [], inline: [], groups: [], facts: [] };
  const read = (body: string, what: string) => readIam(http, body, credentials, now, what, reading.facts);
  let simulateArn = principal.iamArn;
  if (principal.kind === "user" && principal.name) {
    const attached = await read(iamBody("ListAttachedUserPolicies", "UserName", principal.name), "attached policies");
    if (attached) reading.policies.push(...fieldValues(attached, "PolicyName"));
    const inline = await read(iamBody("ListUserPolicies", "UserName", principal.name), "inline policies");
    if (inline) reading.inline.push(...listMembers(inline, "PolicyNames"));
    const groups = await read(iamBody("ListGroupsForUser", "UserName", principal.name), "groups");
    if (groups) reading.groups.push(...fieldValues(groups, "GroupName"));
    for (const group of reading.groups.slice(0, 2)) {
      const groupPolicies = await read(iamBody("ListAttachedGroupPolicies", "GroupName", group), `policies of group ${group}`);
      if (groupPolicies) reading.policies.push(...fieldValues(groupPolicies, "PolicyName"));
    }
  } else if (principal.kind === "role" && principal.name) {
    // The role ARN in the session ARN lacks the role's path; GetRole has the exact one.
    const role = await read(iamBody("GetRole", "RoleName", principal.name), "role");
    if (role) simulateArn = fieldValues(role, "Arn")[0] ?? simulateArn;
    const attached = await read(iamBody("ListAttachedRolePolicies", "RoleName", principal.name), "attached policies");
    if (attached) reading.policies.push(...fieldValues(attached, "PolicyName"));
    const inline = await read(iamBody("ListRolePolicies", "RoleName", principal.name), "inline policies");
    if (inline) reading.inline.push(...listMembers(inline, "PolicyNames"));
  }
  if (simulateArn) {
    const simulation = await read(simulateBody(simulateArn), "policy simulation (iam:SimulatePrincipalPolicy)");
    if (simulation) {
      const names = fieldValues(simulation, "EvalActionName");
      const decisions = fieldValues(simulation, "EvalDecision");
      reading.allowed = names.filter((_, i) => decisions[i] === "allowed");
    }
  }
  return reading;
}

function capabilitiesOf(principal: Principal, reading: Reading, ceiling: readonly Capability[]): { capabilities: Capability[]; facts: string[] } {
  const facts: string[] = [];
  if (principal.kind === "root") return { capabilities: [...EVERYTHING], facts: ["root user key: every permission in the account, beyond any IAM policy"] };
  const out = new Set<Capability>();
  const managed = reading.policies.filter((p) => MANAGED_POLICIES[p]);
  for (const policy of managed) for (const c of MANAGED_POLICIES[policy]!) out.add(c);
  if (reading.allowed) {
    for (const action of reading.allowed) for (const c of SIMULATED_ACTIONS[action] ?? []) out.add(c);
    if (reading.allowed.some((a) => a.startsWith("iam:"))) out.add("ACCOUNT_WIDE");
    const destructive = reading.allowed.filter((a) => (SIMULATED_ACTIONS[a] ?? []).some((c) => c !== "READ_PII"));
    facts.push(
      destructive.length > 0
        ? `policy simulation allows ${destructive.length} of ${Object.keys(SIMULATED_ACTIONS).length} destructive actions, e.g. ${destructive.slice(0, 4).join(", ")}`
        : "policy simulation allows none of the destructive actions checked",
    );
    return { capabilities: [...out].sort(), facts };
  }
  if (managed.length > 0) return { capabilities: [...out].sort(), facts };
  facts.push("permissions could not be simulated: scored as the worst case for this key type");
  return { capabilities: [...ceiling].sort(), facts };
}

// ------------------------------------------------------------------ provider module

export const api: ProviderApi = {
  baseUrl: `https://${STS_HOST}`,
  allow: [
    { method: "POST", path: "/", body: IDENTITY_BODY },
    { method: "POST", path: "/", bodyPattern: IAM_BODY, origin: IAM_ORIGIN },
    { method: "POST", path: "/", bodyPattern: SIMULATE_BODY, origin: IAM_ORIGIN },
  ],
  // 3 identity attempts + 8 IAM reads, with room for a retry or two.
  callBudget: 15,
  rules: ["access-key-id", "temporary-access-key-id", "secret-access-key", "secret-access-key-beside-id"],

  async introspect(token, http, context) {
    const pairing = pairsFor(token);
    if (pairing.pairs.length === 0) return { liveness: "unchecked", reason: pairing.reason ?? "nothing to pair" };
    const outcome = await identify(http, pairing.pairs, context.now);
    if ("result" in outcome) return outcome.result;
    const { identity } = outcome;
    const principal = principalOf(identity.arn, identity.account);
    const facts = [`acts as ${identity.arn}`];
    const reading = await readPermissions(http, principal, identity.credentials, context.now);
    const quarantined = reading.policies.filter((p) => QUARANTINE.test(p));
    if (quarantined.length > 0) facts.push(`AWS already quarantined this key (policy ${quarantined.join(", ")} attached): it was reported as exposed`);
    if (reading.policies.length > 0) facts.push(`attached policies: ${[...new Set(reading.policies)].join(", ")}`);
    if (reading.inline.length > 0) facts.push(`inline policies: ${reading.inline.join(", ")}`);
    if (reading.groups.length > 0) facts.push(`member of groups: ${reading.groups.join(", ")}`);
    facts.push(...reading.facts);
    const { capabilities, facts: capabilityFacts } = capabilitiesOf(principal, reading, token.inference.capabilities);
    facts.push(...capabilityFacts);
    return {
      liveness: "live",
      owner: identity.arn,
      account: identity.account,
      tokenClass: principal.tokenClass,
      scopes: reading.policies.length > 0 ? [...new Set(reading.policies)] : undefined,
      capabilities,
      resources: [`AWS account ${identity.account}`],
      facts,
    };
  },
};
