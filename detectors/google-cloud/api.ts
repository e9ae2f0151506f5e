/**
 * Introspection of Google Cloud service-account key files (../shared/providers.md §2.11 (c)-(f)).
 *   T1  GET https://www.googleapis.com/robot/v1/metadata/x509/<client_email>   public key list, no
 *       credential sent: 404 = account deleted; key id absent = key deleted.
 *   T3  (only with --allow-exchange) POST https://oauth2.googleapis.com/token  JWT-bearer grant signed
 *       with the key (node:crypto RS256): an authentication event, no resource change.
 *   T2  POST https://cloudresourcemanager.googleapis.com/v1/projects/<id>:testIamPermissions (fixed list)
 *       and :getIamPolicy: which destructive permissions and roles the account holds on its project.
 * The token endpoint is fixed: the key file's own token_uri is never used (a planted file could point it
 * at a server that would receive a usable assertion). The minted access token is kept in memory only.
 * Docs: https://developers.google.com/identity/protocols/oauth2/service-account#authorizingrequests ,
 * https://cloud.google.com/resource-manager/reference/rest/v1/projects/testIamPermissions
 */
import { createPrivateKey, createSign } from "node:crypto";
import { bearerAuthorization, isRecord, thrownMessage } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi, ProviderHttp } from "../../src/detector-kit/index.js";
import { parseServiceAccount, type ServiceAccountKey } from "./service-account.js";

export const TOKEN_ORIGIN = "https://oauth2.googleapis.com";
export const CRM_ORIGIN = "https://cloudresourcemanager.googleapis.com";
export const TOKEN_AUDIENCE = `${TOKEN_ORIGIN}/token`;
export const SCOPE = "https://www.googleapis.com/auth/cloud-platform";
export const NEEDS_EXCHANGE = "needs --allow-exchange: checking the key means signing in with it (a JWT exchange)";

/** Permissions asked of testIamPermissions (at most 100 per call), with what each allows. */
export const TESTED_PERMISSIONS: Readonly<Record<string, readonly Capability[]>> = {
  "resourcemanager.projects.delete": ["DELETE_INFRA", "DELETE_DATA"],
  "resourcemanager.projects.setIamPolicy": ["IAM_WRITE", "ACCOUNT_WIDE"],
  "iam.serviceAccountKeys.create": ["IAM_WRITE"],
  "iam.serviceAccounts.getAccessToken": ["IAM_WRITE"],
  "iam.serviceAccounts.actAs": ["IAM_WRITE"],
  "iam.roles.update": ["IAM_WRITE"],
  "storage.buckets.delete": ["DELETE_DATA"],
  "storage.objects.delete": ["DELETE_DATA"],
  "storage.buckets.setIamPolicy": ["IAM_WRITE"],
  "storage.objects.get": ["READ_PII"],
  "cloudsql.instances.delete": ["DELETE_DATA"],
  "cloudsql.backupRuns.delete": ["DELETE_BACKUPS"],
  "compute.instances.delete": ["DELETE_INFRA"],
  "compute.instances.create": ["SPEND"],
  "compute.disks.delete": ["DELETE_DATA"],
  "compute.snapshots.delete": ["DELETE_BACKUPS"],
  "container.clusters.delete": ["DELETE_INFRA"],
  "bigquery.datasets.delete": ["DELETE_DATA"],
  "bigquery.tables.delete": ["DELETE_DATA"],
  "bigquery.tables.getData": ["READ_PII"],
  "spanner.databases.drop": ["DELETE_DATA"],
  "firebase.projects.delete": ["DELETE_INFRA"],
  "secretmanager.versions.access": ["SECRETS_READ"],
  "run.services.delete": ["DELETE_INFRA"],
  "cloudfunctions.functions.delete": ["DELETE_INFRA"],
  "dns.managedZones.delete": ["DELETE_INFRA"],
  "cloudkms.cryptoKeyVersions.destroy": ["DELETE_DATA", "DELETE_BACKUPS"],
  "logging.sinks.delete": ["DELETE_INFRA"],
};
export const TEST_BODY = JSON.stringify({ permissions: Object.keys(TESTED_PERMISSIONS) });
export const POLICY_BODY = JSON.stringify({ options: { requestedPolicyVersion: 3 } });
const BROAD_ROLES = new Set(["roles/owner", "roles/editor"]);

const base64url = (value: string | Buffer): string => Buffer.from(value).toString("base64url");

/** RS256 JWT-bearer assertion for the token endpoint; undefined when the key does not parse. */
export function signAssertion(key: ServiceAccountKey, now: Date): string | undefined {
  let privateKey;
  try {
    privateKey = createPrivateKey(key.privateKey);
  } catch {
    return undefined;
  }
  const iat = Math.floor(now.getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) }));
  const claims = base64url(JSON.stringify({ iss: key.clientEmail, scope: SCOPE, aud: TOKEN_AUDIENCE, iat, exp: iat + 600 }));
  const signature = createSign("RSA-SHA256").update(`${header}.${claims}`).sign(privateKey);
  return `${header}.${claims}.${base64url(signature)}`;
}

export const tokenBody = (assertion: string): string =>
  `grant_type=${encodeURIComponent("urn:ietf:params:oauth:grant-type:jwt-bearer")}&assertion=${assertion}`;

/** Provider error text for a reason, with anything shaped like our assertion or an access token removed. */
const errorText = (json: unknown): string => {
  if (!isRecord(json)) return "";
  const error = json["error"];
  let text = "";
  if (typeof error === "string") text = `${error}${typeof json["error_description"] === "string" ? `: ${json["error_description"]}` : ""}`;
  else if (isRecord(error) && typeof error["message"] === "string") text = error["message"];
  return text
    .replace(/[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, "[jwt]")
    .replace(/ya29\.[A-Za-z0-9_.-]{1,2048}/g, "[access token]")
    .slice(0, 160);
};

type Listing = { kind: "listed" } | { kind: "result"; result: Introspection } | { kind: "unknown-key-id" };

/** T1: is the key id still among the account's public keys? */
async function checkListing(http: ProviderHttp, key: ServiceAccountKey): Promise<Listing> {
  const response = await http.request("GET", `/robot/v1/metadata/x509/${encodeURIComponent(key.clientEmail)}`, { headers: { Accept: "application/json" } });
  if (response.status === 404) return { kind: "result", result: { liveness: "inactive", reason: `service account ${key.clientEmail} no longer exists (its public key list is gone)` } };
  if (response.status !== 200 || !isRecord(response.json)) {
    return { kind: "result", result: { liveness: "unknown", reason: `unexpected answer from the public key list (HTTP ${response.status})` } };
  }
  if (!key.privateKeyId) return { kind: "unknown-key-id" };
  if (!(key.privateKeyId in response.json)) {
    return { kind: "result", result: { liveness: "inactive", reason: `key ${key.privateKeyId} is no longer listed for ${key.clientEmail}: deleted` } };
  }
  return { kind: "listed" };
}

type Exchange = { token: string } | { result: Introspection };

async function exchange(http: ProviderHttp, key: ServiceAccountKey, now: Date): Promise<Exchange> {
  const assertion = signAssertion(key, now);
  if (!assertion) return { result: { liveness: "unknown", reason: "the private key in the file does not parse: nothing to sign with" } };
  const response = await http.request("POST", "/token", {
    origin: TOKEN_ORIGIN,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: tokenBody(assertion),
  });
  if (response.status === 200 && isRecord(response.json) && typeof response.json["access_token"] === "string") {
    return { token: response.json["access_token"] };
  }
  if ((response.status === 400 || response.status === 401) && isRecord(response.json) && typeof response.json["error"] === "string") {
    return { result: { liveness: "inactive", reason: `Google refused the key (${errorText(response.json)}): deleted or disabled` } };
  }
  return { result: { liveness: "unknown", reason: `unexpected answer from the token endpoint (HTTP ${response.status})` } };
}

async function postCrm(http: ProviderHttp, project: string, method: "testIamPermissions" | "getIamPolicy", accessToken: string, body: string) {
  return http.request("POST", `/v1/projects/${encodeURIComponent(project)}:${method}`, {
    origin: CRM_ORIGIN,
    headers: { ...bearerAuthorization(accessToken), "Content-Type": "application/json", Accept: "application/json" },
    body,
  });
}

async function readProject(http: ProviderHttp, key: ServiceAccountKey, accessToken: string, ceiling: readonly Capability[]) {
  const facts: string[] = [];
  const scopes: string[] = [];
  const capabilities = new Set<Capability>();
  let tested = false;
  const project = key.projectId;
  if (!project) return { facts: ["no project_id in the key file: permissions not tested"], scopes, capabilities: [...ceiling] };
  try {
    const response = await postCrm(http, project, "testIamPermissions", accessToken, TEST_BODY);
    if (response.status === 200 && isRecord(response.json)) {
      const granted = Array.isArray(response.json["permissions"]) ? response.json["permissions"].filter((p): p is string => typeof p === "string") : [];
      tested = true;
      scopes.push(...granted);
      for (const permission of granted) for (const c of TESTED_PERMISSIONS[permission] ?? []) capabilities.add(c);
      const destructive = granted.filter((p) => (TESTED_PERMISSIONS[p] ?? []).some((c) => c !== "READ_PII"));
      facts.push(
        destructive.length > 0
          ? `holds ${destructive.length} of ${Object.keys(TESTED_PERMISSIONS).length} destructive permissions on project ${project}, e.g. ${destructive.slice(0, 4).join(", ")}`
          : `holds none of the destructive permissions tested on project ${project}`,
      );
    } else {
      facts.push(`permissions on project ${project} not testable (HTTP ${response.status}${errorText(response.json) ? `: ${errorText(response.json)}` : ""})`);
    }
  } catch (error) {
    facts.push(`permissions on project ${project} not testable (${thrownMessage(error)})`);
  }
  try {
    const response = await postCrm(http, project, "getIamPolicy", accessToken, POLICY_BODY);
    if (response.status === 200 && isRecord(response.json) && Array.isArray(response.json["bindings"])) {
      const member = `serviceAccount:${key.clientEmail}`;
      const roles = response.json["bindings"]
        .filter(isRecord)
        .filter((b) => Array.isArray(b["members"]) && b["members"].includes(member))
        .map((b) => String(b["role"]));
      if (roles.length > 0) facts.push(`roles on project ${project}: ${roles.join(", ")}`);
      if (roles.some((r) => BROAD_ROLES.has(r))) {
        capabilities.add("ACCOUNT_WIDE");
        facts.push("owner or editor of the whole project");
      }
    }
  } catch {
    // The policy is optional detail; testIamPermissions already answered what matters.
  }
  if (!tested) {
    facts.push("scored as the worst case for a service-account key");
    return { facts, scopes, capabilities: [...ceiling] };
  }
  return { facts, scopes, capabilities: [...capabilities].sort() };
}

export const api: ProviderApi = {
  baseUrl: "https://www.googleapis.com",
  allow: [
    { method: "GET", path: "/robot/v1/metadata/x509/{email}" },
    {
      method: "POST",
      path: "/token",
      origin: TOKEN_ORIGIN,
      exchange: true,
      bodyPattern: /grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,1500}/,
    },
    { method: "POST", path: "/v1/projects/{project}:testIamPermissions", origin: CRM_ORIGIN, body: TEST_BODY },
    { method: "POST", path: "/v1/projects/{project}:getIamPolicy", origin: CRM_ORIGIN, body: POLICY_BODY },
  ],
  callBudget: 8,
  rules: ["service-account-key"],

  async introspect(token, http, context) {
    const key = parseServiceAccount(token.secret);
    if (!key) return { liveness: "unknown", reason: "the key file does not parse" };
    const listing = await checkListing(http, key);
    if (listing.kind === "result") return listing.result;
    const facts = [`service account ${key.clientEmail}${key.projectId ? ` in project ${key.projectId}` : ""}`];
    if (listing.kind === "listed") facts.push(`key ${key.privateKeyId} is still listed among the account's public keys`);
    if (!context.allowExchange) return { liveness: "unchecked", reason: NEEDS_EXCHANGE, owner: key.clientEmail, account: key.projectId, facts };
    const exchanged = await exchange(http, key, context.now);
    if ("result" in exchanged) return exchanged.result;
    facts.push("the key signs in (JWT exchange accepted)");
    const project = await readProject(http, key, exchanged.token, token.inference.capabilities);
    return {
      liveness: "live",
      owner: key.clientEmail,
      ...(key.projectId ? { account: key.projectId } : {}),
      tokenClass: "service-account key",
      ...(project.scopes.length > 0 ? { scopes: project.scopes } : {}),
      capabilities: project.capabilities,
      resources: key.projectId ? [`project ${key.projectId}`] : [],
      facts: [...facts, ...project.facts],
    };
  },
};
