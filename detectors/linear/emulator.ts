/**
 * Loopback emulator of Linear's GraphQL API for the queries linear/api.ts sends (tests only).
 * As documented (checked 2026-11, https://linear.app/developers/graphql): POST /graphql; personal API
 * keys in `Authorization` without Bearer, OAuth tokens with Bearer; an unknown key gets HTTP 400 with
 * `{"errors": [{"message": "Authentication required, not authenticated", "extensions": {"type":
 * "authentication error", "code": "AUTHENTICATION_ERROR", "userPresentableMessage": "..."}}]}`.
 */
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface LinearKeyState {
  key: string;
  oauth?: boolean;
  user: { name: string; email: string; admin: boolean };
  workspace: string;
  teams: string[];
}

const authError = (): EmulatedResponse => ({
  status: 400,
  body: {
    errors: [
      {
        message: "Authentication required, not authenticated",
        extensions: { type: "authentication error", code: "AUTHENTICATION_ERROR", userPresentableMessage: "You need to authenticate to access this operation." },
      },
    ],
  },
});

export function linearHandler(states: readonly LinearKeyState[]): EmulatorHandler {
  return (request: EmulatedRequest): EmulatedResponse => {
    if (request.method !== "POST" || request.path !== "/graphql") return { status: 404, body: "Not found" };
    const header = request.headers.authorization ?? "";
    const state = states.find((s) => (s.oauth ? header === `Bearer ${s.key}` : header === s.key));
    if (!state) return authError();
    const query = (JSON.parse(request.body) as { query?: string }).query ?? "";
    if (/\bviewer\b/.test(query)) {
      return {
        status: 200,
        body: {
          data: {
            viewer: { id: "user-1", name: state.user.name, email: state.user.email, admin: state.user.admin },
            organization: { id: "org-1", name: state.workspace, urlKey: state.workspace.toLowerCase() },
          },
        },
      };
    }
    if (/\bteams\b/.test(query)) return { status: 200, body: { data: { teams: { nodes: state.teams.map((name) => ({ key: name.slice(0, 3).toUpperCase(), name })) } } } };
    return { status: 400, body: { errors: [{ message: "Cannot query field", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] } };
  };
}

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const admin: LinearKeyState = { key: `lin_api_${rng.chars(ALPHABET.base62, 40)}`, user: { name: "Jane", email: "jane@acme.dev", admin: true }, workspace: "Acme", teams: ["Engineering", "Support"] };
    const oauth: LinearKeyState = { key: `lin_oauth_${rng.hex(64)}`, oauth: true, user: { name: "Bot", email: "bot@acme.dev", admin: false }, workspace: "Acme", teams: ["Support"] };
    const handler = linearHandler([admin, oauth]);
    return [
      { name: "admin's personal API key", rule: "api-key", secret: admin.key, handler, expect: { liveness: "live", owner: "jane@acme.dev", account: "Acme", capabilities: ["IAM_WRITE", "DELETE_DATA"], mentions: ["workspace admin", "reaches 2 teams"] } },
      { name: "OAuth token of a member", rule: "oauth-token", secret: oauth.key, handler, expect: { liveness: "live", tokenClass: "OAuth access token", absentCapabilities: ["IAM_WRITE"] } },
      inactiveCase("revoked key: AUTHENTICATION_ERROR", "api-key", `lin_api_${rng.chars(ALPHABET.base62, 40)}`, handler),
    ];
  },
};
