/**
 * Loopback emulator of the GitLab REST API endpoints that api.ts reads (tests only, never shipped).
 * Answers as documented:
 * - https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token : 200
 *   `{id, name, revoked, created_at, scopes, user_id, last_used_at, active, expires_at}`.
 * - https://docs.gitlab.com/api/rest/troubleshooting/#status-codes and the OAuth error format: 401
 *   `{"message":"401 Unauthorized"}` for unknown tokens, `{"error":"invalid_token","error_description":"Token has expired."}`
 *   / "Token was revoked. You have to re-authorize from the user." for expired and revoked ones.
 * - https://docs.gitlab.com/api/users/#get-the-current-user : `is_admin` only for administrators; a token
 *   without read_user/api gets 403 `insufficient_scope`.
 * - Lists carry `x-next-page` (empty on the last page), `x-page`, `x-per-page`.
 */
import { inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, ProviderEmulator } from "../../src/detector-kit/index.js";
import { buildRoutable } from "./routable.js";

export interface GitlabTokenState {
  token: string;
  name: string;
  username: string;
  scopes: string[];
  expiresAt?: string;
  state?: "active" | "revoked" | "expired";
  admin?: boolean;
  bot?: boolean;
  /** Projects (path_with_namespace) where the user is Maintainer or Owner. */
  maintained?: string[];
  /** Groups (full_path) the user owns. */
  owned?: string[];
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): EmulatedResponse => ({
  status,
  headers: { "cache-control": "max-age=0, private, must-revalidate", ...headers },
  body: body as object,
});

const page = (items: unknown[]): EmulatedResponse =>
  json(200, items, { "x-page": "1", "x-per-page": "100", "x-next-page": "", "x-total": String(items.length) });

const READ_USER_SCOPES = ["api", "read_api", "read_user", "sudo"];
const READ_API_SCOPES = ["api", "read_api"];

export function createGitlabEmulator(tokens: readonly GitlabTokenState[]): EmulatorHandler {
  return (request: EmulatedRequest) => {
    const state = tokens.find((t) => t.token === request.headers["private-token"]);
    if (!state) return json(401, { message: "401 Unauthorized" });
    if (state.state === "expired") return json(401, { error: "invalid_token", error_description: "Token has expired." });
    if (state.state === "revoked") {
      return json(401, { error: "invalid_token", error_description: "Token was revoked. You have to re-authorize from the user." });
    }
    if (request.method !== "GET") return json(405, { message: "405 Method Not Allowed" });
    const path = request.path.split("?", 1)[0];
    const insufficient = (): EmulatedResponse =>
      json(403, {
        error: "insufficient_scope",
        error_description: "The request requires higher privileges than provided by the access token.",
        scope: "api read_api",
      });
    switch (path) {
      case "/api/v4/personal_access_tokens/self":
        return json(200, {
          id: 4242,
          name: state.name,
          revoked: false,
          created_at: "2026-01-10T09:00:00.000Z",
          description: "",
          scopes: state.scopes,
          user_id: 77,
          last_used_at: "2026-10-30T08:15:00.000Z",
          active: true,
          expires_at: state.expiresAt ?? null,
        });
      case "/api/v4/user":
        if (!state.scopes.some((s) => READ_USER_SCOPES.includes(s))) return insufficient();
        return json(200, {
          id: 77,
          username: state.username,
          name: state.username,
          state: "active",
          bot: state.bot ?? false,
          ...(state.admin ? { is_admin: true } : {}),
        });
      case "/api/v4/projects":
        if (!state.scopes.some((s) => READ_API_SCOPES.includes(s))) return insufficient();
        return page((state.maintained ?? []).map((p, i) => ({ id: 100 + i, name: p.split("/").pop(), path_with_namespace: p })));
      case "/api/v4/groups":
        if (!state.scopes.some((s) => READ_API_SCOPES.includes(s))) return insufficient();
        return page((state.owned ?? []).map((g, i) => ({ id: 200 + i, name: g, full_path: g })));
      default:
        return json(404, { message: "404 Not Found" });
    }
  };
}

export const emulator: ProviderEmulator = {
  cases(rng) {
    const routable = (): string => buildRoutable("glpat-", Buffer.from(rng.hex(32), "hex"), `o:1\nu:${(1000 + rng.int(9000)).toString(36)}`);
    const legacy = (): string => `glpat-${rng.chars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-", 20)}`;
    const admin = routable();
    const reader = routable();
    const projectBot = legacy();
    const developer = routable();
    const revoked = legacy();
    const expired = routable();
    return [
      {
        name: "live administrator token with api and sudo, owner of a group",
        rule: "personal-access-token",
        secret: admin,
        handler: createGitlabEmulator([
          {
            token: admin,
            name: "deploy-all",
            username: "acme-admin",
            scopes: ["api", "sudo"],
            expiresAt: "2027-01-01",
            admin: true,
            maintained: ["acme/api", "acme/web"],
            owned: ["acme"],
          },
        ]),
        expect: {
          liveness: "live",
          owner: "acme-admin",
          tokenClass: "personal access token",
          scopes: ["api", "sudo"],
          capabilities: ["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_DATA", "CODE_WRITE", "SECRETS_READ"],
          mentions: ["owner acme-admin", "scopes api, sudo", "expires 2027-01-01", "administrator", "owner of groups acme"],
        },
      },
      {
        name: "live narrow token: read_repository only",
        rule: "personal-access-token",
        secret: reader,
        handler: createGitlabEmulator([
          { token: reader, name: "mirror", username: "dev1", scopes: ["read_repository"], expiresAt: "2026-12-31" },
        ]),
        expect: {
          liveness: "live",
          scopes: ["read_repository"],
          capabilities: ["SECRETS_READ"],
          absentCapabilities: ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "IAM_WRITE"],
          mentions: ["owner not readable", "expires 2026-12-31"],
        },
      },
      {
        name: "live project access token (bot user) with api",
        rule: "personal-access-token-legacy",
        secret: projectBot,
        handler: createGitlabEmulator([
          {
            token: projectBot,
            name: "ci",
            username: "project_123_bot_4f2a",
            bot: true,
            scopes: ["api"],
            maintained: ["acme/api"],
          },
        ]),
        expect: {
          liveness: "live",
          owner: "project_123_bot_4f2a",
          tokenClass: "project access token",
          capabilities: ["CODE_WRITE", "DELETE_DATA"],
          absentCapabilities: ["ACCOUNT_WIDE"],
          mentions: ["never expires", "acme/api"],
        },
      },
      {
        name: "live api token of a user who maintains nothing",
        rule: "personal-access-token",
        secret: developer,
        handler: createGitlabEmulator([{ token: developer, name: "laptop", username: "dev2", scopes: ["api"] }]),
        expect: {
          liveness: "live",
          owner: "dev2",
          capabilities: ["CODE_WRITE", "ACCOUNT_WIDE"],
          absentCapabilities: ["DELETE_DATA", "IAM_WRITE"],
          mentions: ["Maintainer of no project"],
        },
      },
      inactiveCase("revoked token", "personal-access-token-legacy", revoked, createGitlabEmulator([{ token: revoked, name: "old", username: "dev3", scopes: ["api"], state: "revoked" }])),
      inactiveCase("expired token", "personal-access-token", expired, createGitlabEmulator([{ token: expired, name: "old", username: "dev4", scopes: ["api"], state: "expired" }])),
    ];
  },
};
