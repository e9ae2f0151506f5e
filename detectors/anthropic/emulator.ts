/**
 * Loopback emulator of the Anthropic API endpoints that api.ts reads (tests only, never shipped).
 * Answers as documented at https://docs.anthropic.com/en/api : errors
 * `{"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}}` (401) and
 * `permission_error` (403); lists `{"data": [...], "has_more", "first_id", "last_id"}`; responses carry
 * `request-id` and `anthropic-organization-id` headers. Admin endpoints accept only Admin API keys.
 */
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface AnthropicKeyState {
  key: string;
  kind: "api" | "admin";
  organizationId: string;
  organizationName: string;
  disabled?: boolean;
  users?: { email: string; role: "user" | "developer" | "billing" | "admin" }[];
  workspaces?: string[];
  activeKeys?: number;
}

const headersFor = (organizationId?: string): Record<string, string> => ({
  "request-id": "req_emulated",
  ...(organizationId ? { "anthropic-organization-id": organizationId } : {}),
});

const error = (status: number, type: string, message: string): EmulatedResponse => ({
  status,
  headers: headersFor(),
  body: { type: "error", error: { type, message } },
});

const page = (data: object[], organizationId: string): EmulatedResponse => ({
  status: 200,
  headers: headersFor(organizationId),
  body: { data, has_more: false, first_id: null, last_id: null },
});

export function createAnthropicEmulator(keys: readonly AnthropicKeyState[]): EmulatorHandler {
  return (request: EmulatedRequest) => {
    if (request.headers["anthropic-version"] === undefined) return error(400, "invalid_request_error", "anthropic-version: header is required");
    const state = keys.find((k) => k.key === request.headers["x-api-key"]);
    if (!state || state.disabled) return error(401, "authentication_error", "invalid x-api-key");
    const path = request.path.split("?", 1)[0] ?? "";
    const org = state.organizationId;
    if (path.startsWith("/v1/organizations/")) {
      if (state.kind !== "admin") return error(401, "authentication_error", "invalid x-api-key");
      switch (path) {
        case "/v1/organizations/me":
          return { status: 200, headers: headersFor(org), body: { id: org, type: "organization", name: state.organizationName } };
        case "/v1/organizations/users":
          return page((state.users ?? []).map((u, i) => ({ id: `user_${i}`, type: "user", email: u.email, name: u.email, role: u.role, added_at: "2026-01-01T00:00:00Z" })), org);
        case "/v1/organizations/workspaces":
          return page((state.workspaces ?? []).map((name, i) => ({ id: `wrkspc_${i}`, type: "workspace", name, created_at: "2026-01-01T00:00:00Z", archived_at: null, display_color: "#6C5BB9" })), org);
        case "/v1/organizations/api_keys":
          return page(Array.from({ length: state.activeKeys ?? 0 }, (_, i) => ({ id: `apikey_${i}`, type: "api_key", name: `key ${i}`, status: "active", workspace_id: null, partial_key_hint: "sk-ant-api03-R2D...igAA", created_at: "2026-01-01T00:00:00Z", created_by: { id: "user_0", type: "user" } })), org);
        default:
          return error(404, "not_found_error", "Not found");
      }
    }
    if (path === "/v1/models") {
      if (state.kind === "admin") return error(401, "authentication_error", "invalid x-api-key");
      return page(
        [
          { type: "model", id: "claude-sonnet-4-5", display_name: "Claude Sonnet 4.5", created_at: "2025-09-29T00:00:00Z" },
          { type: "model", id: "claude-haiku-4-5", display_name: "Claude Haiku 4.5", created_at: "2025-10-15T00:00:00Z" },
          { type: "model", id: "claude-opus-4-1", display_name: "Claude Opus 4.1", created_at: "2025-08-05T00:00:00Z" },
        ],
        org,
      );
    }
    return error(404, "not_found_error", "Not found");
  };
}

const key = (rng: Rng, prefix: string): string => `${prefix}${rng.chars(ALPHABET.base64url, 93)}AA`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const apiKey = key(rng, "sk-ant-api03-");
    const admin = key(rng, "sk-ant-admin01-");
    const disabled = key(rng, "sk-ant-api03-");
    const archivedAdmin = key(rng, "sk-ant-admin01-");
    const organizationId = rng.uuid();
    return [
      {
        name: "live API key",
        rule: "api-key",
        secret: apiKey,
        handler: createAnthropicEmulator([{ key: apiKey, kind: "api", organizationId, organizationName: "Acme" }]),
        expect: {
          liveness: "live",
          account: organizationId,
          tokenClass: "API key",
          capabilities: ["SPEND", "READ_PII"],
          absentCapabilities: ["IAM_WRITE", "ACCOUNT_WIDE"],
          mentions: ["lists 3 models"],
        },
      },
      {
        name: "live Admin API key of an organization with production workspaces",
        rule: "admin-key",
        secret: admin,
        handler: createAnthropicEmulator([
          {
            key: admin,
            kind: "admin",
            organizationId,
            organizationName: "Acme",
            users: [{ email: "a@acme.test", role: "admin" }, { email: "b@acme.test", role: "developer" }],
            workspaces: ["Default", "production"],
            activeKeys: 7,
          },
        ]),
        expect: {
          liveness: "live",
          account: "Acme",
          tokenClass: "admin key",
          capabilities: ["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_INFRA"],
          absentCapabilities: ["SPEND"],
          mentions: ["2 members, 1 admins", "workspaces Default, production", "7 active API keys"],
        },
      },
      inactiveCase("disabled API key", "api-key", disabled, createAnthropicEmulator([{ key: disabled, kind: "api", organizationId, organizationName: "Acme", disabled: true }])),
      inactiveCase("unknown Admin API key", "admin-key", archivedAdmin, createAnthropicEmulator([])),
    ];
  },
};
