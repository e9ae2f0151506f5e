/**
 * Loopback emulator of the Google endpoints api.ts uses (tests only, never shipped). Keys are real
 * RSA key pairs generated at test time, so the JWT-bearer assertion is verified as Google does.
 * - GET /robot/v1/metadata/x509/<email>: map of key id -> PEM certificate; 404 for unknown accounts
 *   (https://cloud.google.com/iam/docs/keys-list-get).
 * - POST /token (grant_type jwt-bearer): 200 {access_token, expires_in, token_type}; 400
 *   {"error":"invalid_grant","error_description":"Invalid JWT Signature."} for a deleted or disabled key
 *   (https://developers.google.com/identity/protocols/oauth2/service-account#error-codes).
 * - POST /v1/projects/<id>:testIamPermissions: the subset of asked permissions held; :getIamPolicy:
 *   bindings (https://cloud.google.com/resource-manager/reference/rest/v1/projects).
 */
import { createPublicKey, createVerify, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";
import { TOKEN_AUDIENCE } from "./api.js";
import { sampleKeyFile } from "./samples.js";

export interface ServiceAccountState {
  email: string;
  project: string;
  /** Key ids still listed, with their public keys. */
  keys: { id: string; publicKey: KeyObject; disabled?: boolean }[];
  permissions?: string[];
  /** Roles of the account on its project; undefined: getIamPolicy is denied. */
  roles?: string[];
}

const googleError = (status: number, message: string, reason: string): EmulatedResponse => ({
  status,
  body: { error: { code: status, message, status: reason } },
});

function verifyAssertion(assertion: string, state: ServiceAccountState): boolean {
  const [header, claims, signature] = assertion.split(".");
  if (!header || !claims || !signature) return false;
  let kid: unknown;
  let payload: Record<string, unknown>;
  try {
    kid = (JSON.parse(Buffer.from(header, "base64url").toString()) as Record<string, unknown>)["kid"];
    payload = JSON.parse(Buffer.from(claims, "base64url").toString()) as Record<string, unknown>;
  } catch {
    return false;
  }
  const key = state.keys.find((k) => k.id === kid && !k.disabled);
  if (!key || payload["iss"] !== state.email || payload["aud"] !== TOKEN_AUDIENCE) return false;
  return createVerify("RSA-SHA256").update(`${header}.${claims}`).verify(key.publicKey, Buffer.from(signature, "base64url"));
}

/** A handler that knows the given service accounts and nothing else. */
export function createGoogleEmulator(accounts: readonly ServiceAccountState[], rng: Rng): EmulatorHandler {
  const issued = new Map<string, ServiceAccountState>();
  return (request) => {
    const path = request.path.split("?", 1)[0] ?? "";
    const x509 = /^\/robot\/v1\/metadata\/x509\/([^/]+)$/.exec(path);
    if (request.method === "GET" && x509) {
      const state = accounts.find((a) => a.email === decodeURIComponent(x509[1]!));
      if (!state) return googleError(404, "Not Found", "NOT_FOUND");
      return { status: 200, body: Object.fromEntries(state.keys.map((k) => [k.id, `-----BEGIN CERTIFICATE-----\nMIIC${rng.chars(ALPHABET.base64, 60)}\n-----END CERTIFICATE-----\n`])) };
    }
    if (request.method === "POST" && path === "/token") {
      const form = new URLSearchParams(request.body);
      const assertion = form.get("assertion") ?? "";
      const state = accounts.find((a) => verifyAssertion(assertion, a));
      if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer" || !state) {
        return { status: 400, body: { error: "invalid_grant", error_description: "Invalid JWT Signature." } };
      }
      const token = `ya29.${rng.chars(ALPHABET.base64url, 80)}`;
      issued.set(token, state);
      return { status: 200, body: { access_token: token, expires_in: 3599, token_type: "Bearer" } };
    }
    const crm = /^\/v1\/projects\/([a-z0-9-]+):(testIamPermissions|getIamPolicy)$/.exec(path);
    if (request.method === "POST" && crm) {
      const state = issued.get(/^Bearer (\S+)$/.exec(request.headers["authorization"] ?? "")?.[1] ?? "");
      if (!state) return googleError(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED");
      if (crm[1] !== state.project) return googleError(403, "The caller does not have permission", "PERMISSION_DENIED");
      if (crm[2] === "testIamPermissions") {
        const asked = (JSON.parse(request.body) as { permissions?: string[] }).permissions ?? [];
        const held = asked.filter((p) => (state.permissions ?? []).includes(p));
        return { status: 200, body: held.length > 0 ? { permissions: held } : {} };
      }
      if (!state.roles) return googleError(403, `The caller does not have permission`, "PERMISSION_DENIED");
      return { status: 200, body: { version: 1, etag: "BwXhqDuTeKE=", bindings: state.roles.map((role) => ({ role, members: [`serviceAccount:${state.email}`, "user:ops@acme.io"] })) } };
    }
    return googleError(404, "Not Found", "NOT_FOUND");
  };
}

interface Account {
  state: ServiceAccountState;
  /** The key file text, as the scanner finds it. */
  secret: string;
}

/** Real key pairs are slow to make: made once per process and reused by every call of `cases`. */
const keyPairs: { privateKey: string; publicKey: string }[] = [];
function keyPair(index: number): { privateKey: string; publicKey: string } {
  while (keyPairs.length <= index) {
    keyPairs.push(generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }));
  }
  return keyPairs[index]!;
}

/** A service account with one real RSA key and its key file. */
function account(rng: Rng, index: number, extra: Partial<ServiceAccountState> = {}, keyDisabled = false): Account {
  const { privateKey, publicKey } = keyPair(index);
  const file = sampleKeyFile(rng, privateKey);
  const id = file.json["private_key_id"]!;
  return {
    secret: JSON.stringify(file.json, null, 2),
    state: { email: file.clientEmail, project: file.projectId, keys: [{ id, publicKey: createPublicKey(publicKey), disabled: keyDisabled }], ...extra },
  };
}

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const owner = account(rng, 0, { permissions: ["resourcemanager.projects.delete", "resourcemanager.projects.setIamPolicy", "storage.buckets.delete", "cloudsql.backupRuns.delete", "secretmanager.versions.access"], roles: ["roles/owner"] });
    const reader = account(rng, 1, { permissions: ["storage.objects.get"] });
    const deletedKey = account(rng, 2);
    deletedKey.state.keys = [];
    const deletedAccount = account(rng, 3);
    const disabled = account(rng, 4, {}, true);
    return [
      {
        name: "live owner key (exchange allowed)",
        rule: "service-account-key",
        secret: owner.secret,
        handler: createGoogleEmulator([owner.state], rng),
        expect: {
          liveness: "live",
          owner: owner.state.email,
          account: owner.state.project,
          tokenClass: "service-account key",
          scopes: ["resourcemanager.projects.delete"],
          capabilities: ["DELETE_INFRA", "IAM_WRITE", "DELETE_BACKUPS", "SECRETS_READ", "ACCOUNT_WIDE"],
          mentions: ["roles/owner", "still listed", "JWT exchange accepted"],
        },
      },
      {
        name: "live read-only key: no destructive permission, policy not readable",
        rule: "service-account-key",
        secret: reader.secret,
        handler: createGoogleEmulator([reader.state], rng),
        expect: {
          liveness: "live",
          capabilities: ["READ_PII"],
          absentCapabilities: ["DELETE_DATA", "DELETE_INFRA", "IAM_WRITE", "ACCOUNT_WIDE"],
          mentions: ["holds none of the destructive permissions"],
        },
      },
      inactiveCase("deleted key: no longer in the public key list, nothing exchanged", "service-account-key", deletedKey.secret, createGoogleEmulator([deletedKey.state], rng)),
      inactiveCase("deleted service account", "service-account-key", deletedAccount.secret, createGoogleEmulator([], rng)),
      inactiveCase("disabled key: listed, but the exchange is refused", "service-account-key", disabled.secret, createGoogleEmulator([disabled.state], rng)),
    ];
  },
};
