/**
 * Loopback emulator of the OpenAI API endpoints that api.ts reads (tests only, never shipped).
 * Answers as documented at https://platform.openai.com/docs/api-reference (list objects
 * `{"object": "list", "data": [...]}`; errors `{"error": {"message", "type", "param", "code"}}`):
 * 401 `invalid_api_key` "Incorrect API key provided: sk-proj-****abcd"; restricted keys get 403
 * "You have insufficient permissions for this operation. Missing scopes: api.model.read" (observed text);
 * non-admin keys get 401/403 on /v1/organization/*. GET /v1/me mirrors the shape trufflehog reads.
 */
import { ALPHABET, bearerTokenOf, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface OpenaiKeyState {
  key: string;
  kind: "project" | "admin";
  revoked?: boolean;
  /** Endpoint groups a restricted project key may read; absent = all. */
  readable?: ("models" | "files" | "vector_stores" | "assistants" | "batches" | "fine_tuning")[];
  owner?: { email: string; org: string; role: string };
  projects?: string[];
  users?: { email: string; role: "owner" | "reader" }[];
}

const SCOPE_OF: Record<string, string> = {
  models: "api.model.read",
  files: "api.files.read",
  vector_stores: "api.vector_stores.read",
  assistants: "api.assistants.read",
  batches: "api.batch.read",
  fine_tuning: "api.fine_tuning.jobs.read",
};

const headers = { "openai-processing-ms": "12", "x-request-id": "req_emulated" };
const list = (data: object[]): EmulatedResponse => ({ status: 200, headers, body: { object: "list", data, has_more: false } });
const error = (status: number, message: string, type: string, code: string | null): EmulatedResponse => ({
  status,
  headers,
  body: { error: { message, type, param: null, code } },
});
const mask = (key: string): string => `${key.slice(0, 8)}****${key.slice(-4)}`;

export function createOpenaiEmulator(keys: readonly OpenaiKeyState[]): EmulatorHandler {
  return (request) => {
    const bearer = bearerTokenOf(request, 400) ?? "";
    const state = keys.find((k) => k.key === bearer);
    if (!state || state.revoked) {
      return error(401, `Incorrect API key provided: ${mask(bearer)}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_request_error", "invalid_api_key");
    }
    const path = request.path.split("?", 1)[0] ?? "";
    if (path.startsWith("/v1/organization/")) {
      if (state.kind !== "admin") return error(403, "You have insufficient permissions for this operation. Missing scopes: api.management.read.", "invalid_request_error", null);
      if (path === "/v1/organization/projects") return list((state.projects ?? []).map((name, i) => ({ object: "organization.project", id: `proj_${i}`, name, status: "active" })));
      if (path === "/v1/organization/users") return list((state.users ?? []).map((u, i) => ({ object: "organization.user", id: `user_${i}`, email: u.email, role: u.role })));
      return error(404, "Not found", "invalid_request_error", null);
    }
    if (state.kind === "admin") return error(401, "Admin keys cannot be used for this endpoint.", "invalid_request_error", "invalid_api_key");
    if (path === "/v1/me") {
      if (!state.owner) return error(403, "This key is not associated with a user.", "invalid_request_error", null);
      return {
        status: 200,
        headers,
        body: {
          object: "user",
          id: "user-emulated",
          email: state.owner.email,
          name: state.owner.email.split("@")[0],
          mfa_flag_enabled: true,
          orgs: { object: "list", data: [{ object: "organization", id: "org-emulated", title: state.owner.org, role: state.owner.role, personal: false, is_default: true }] },
        },
      };
    }
    const group = { "/v1/models": "models", "/v1/files": "files", "/v1/vector_stores": "vector_stores", "/v1/assistants": "assistants", "/v1/batches": "batches", "/v1/fine_tuning/jobs": "fine_tuning" }[path];
    if (!group) return error(404, `Invalid URL (GET ${path})`, "invalid_request_error", null);
    if (state.readable && !state.readable.includes(group as never)) {
      return error(403, `You have insufficient permissions for this operation. Missing scopes: ${SCOPE_OF[group]}. Check that you have the correct role in your organization, and if you're using a restricted API key, that it has the necessary scopes.`, "invalid_request_error", null);
    }
    if (group === "models") return list([{ id: "gpt-4o", object: "model", created: 1715367049, owned_by: "system" }, { id: "gpt-4o-mini", object: "model", created: 1721172741, owned_by: "system" }]);
    return list([]);
  };
}

const MARKER = "T3BlbkFJ";
const key = (rng: Rng, prefix: string): string =>
  `${prefix}${rng.chars(ALPHABET.base64url, 74)}${MARKER}${rng.chars(ALPHABET.base64url, 74)}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const full = key(rng, "sk-proj-");
    const modelsOnly = key(rng, "sk-svcacct-");
    const filesOnly = key(rng, "sk-proj-");
    const admin = key(rng, "sk-admin-");
    const revoked = key(rng, "sk-proj-");
    return [
      {
        name: "live project key with full permissions, owned by a user",
        rule: "project-key",
        secret: full,
        handler: createOpenaiEmulator([{ key: full, kind: "project", owner: { email: "dev@acme.test", org: "Acme", role: "owner" } }]),
        expect: {
          liveness: "live",
          owner: "dev@acme.test",
          account: "Acme",
          tokenClass: "project key",
          capabilities: ["SPEND", "READ_PII", "DELETE_DATA"],
          absentCapabilities: ["IAM_WRITE"],
          mentions: ["lists 2 models", "reads files, vector stores"],
        },
      },
      {
        name: "live restricted service-account key: models only",
        rule: "service-account-key",
        secret: modelsOnly,
        handler: createOpenaiEmulator([{ key: modelsOnly, kind: "project", readable: ["models"] }]),
        expect: {
          liveness: "live",
          tokenClass: "service account key",
          capabilities: ["SPEND"],
          absentCapabilities: ["READ_PII", "DELETE_DATA", "IAM_WRITE", "ACCOUNT_WIDE"],
          mentions: ["reads no stored files"],
        },
      },
      {
        name: "live restricted project key without Models read (403 is live, not inactive)",
        rule: "project-key",
        secret: filesOnly,
        handler: createOpenaiEmulator([{ key: filesOnly, kind: "project", readable: ["files"] }]),
        expect: {
          liveness: "live",
          capabilities: ["SPEND", "READ_PII"],
          mentions: ["no Models read (missing api.model.read)", "reads files"],
        },
      },
      {
        name: "live admin key",
        rule: "admin-key",
        secret: admin,
        handler: createOpenaiEmulator([
          {
            key: admin,
            kind: "admin",
            projects: ["Default project", "checkout-prod"],
            users: [{ email: "a@acme.test", role: "owner" }, { email: "b@acme.test", role: "reader" }],
          },
        ]),
        expect: {
          liveness: "live",
          tokenClass: "admin key",
          capabilities: ["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_INFRA"],
          absentCapabilities: ["SPEND"],
          mentions: ["manages 2 projects", "checkout-prod", "2 users (1 owners)"],
        },
      },
      inactiveCase("revoked project key", "project-key", revoked, createOpenaiEmulator([{ key: revoked, kind: "project", revoked: true }])),
    ];
  },
};
