/**
 * Loopback emulator of the Vercel REST API endpoints vercel/api.ts reads (tests only, never shipped).
 * As documented (checked 2026-11):
 * - https://vercel.com/docs/rest-api/authentication/get-auth-token-metadata : 200 `{ token: { id, name,
 *   type, origin, scopes: [{ type: "user" | "team", teamId?, origin, createdAt }], expiresAt?, activeAt,
 *   createdAt } }`; 403 `{ error: { code: "forbidden", message: "Not authorized", invalidToken: true } }`
 *   for an invalid or revoked token.
 * - https://vercel.com/docs/rest-api/user/get-the-user : `{ user: { id, email, username, defaultTeamId } }`
 * - https://vercel.com/docs/rest-api/teams/list-all-teams : `{ teams: [{ id, slug, name, membership: { role } }], pagination }`
 * - https://vercel.com/docs/rest-api/projects/retrieve-a-list-of-projects : `{ projects: [{ id, name,
 *   targets: { production: { alias: [...] } } }], pagination }`, filtered by `teamId`.
 */
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface VercelTeam {
  id: string;
  slug: string;
  role: "OWNER" | "MEMBER" | "DEVELOPER" | "VIEWER" | "BILLING";
  projects: { name: string; productionAlias?: string }[];
}
export interface VercelTokenState {
  token: string;
  revoked?: boolean;
  /** "user" = Full Account; otherwise the team ids it is limited to. */
  scope: "user" | string[];
  user: { id: string; email: string; username: string };
  personalProjects: { name: string; productionAlias?: string }[];
  teams: VercelTeam[];
  expiresAt?: number;
}

const forbidden = (): EmulatedResponse => ({
  status: 403,
  body: { error: { code: "forbidden", message: "Not authorized", invalidToken: true } },
});

const projectJson = (p: { name: string; productionAlias?: string }, index: number) => ({
  id: `prj_${String(index).padStart(4, "0")}${p.name}`,
  name: p.name,
  targets: p.productionAlias ? { production: { id: `dpl_${index}`, alias: [p.productionAlias] } } : {},
});

export function vercelHandler(state: VercelTokenState): EmulatorHandler {
  return (request: EmulatedRequest): EmulatedResponse => {
    if (request.method !== "GET") return { status: 405, body: { error: { code: "method_not_allowed", message: "Method not allowed" } } };
    if (state.revoked || request.headers.authorization !== `Bearer ${state.token}`) return forbidden();
    const url = new URL(request.path, "http://emulator");
    const teamsInScope = state.scope === "user" ? state.teams : state.teams.filter((t) => state.scope.includes(t.id));
    switch (url.pathname) {
      case "/v5/user/tokens/current":
        return {
          status: 200,
          body: {
            token: {
              id: "tok_emulated",
              name: "ci",
              type: "oauth2-token",
              origin: "manual",
              activeAt: 1767225600000,
              createdAt: 1767225600000,
              ...(state.expiresAt ? { expiresAt: state.expiresAt } : {}),
              scopes:
                state.scope === "user"
                  ? [{ type: "user", origin: "manual", createdAt: 1767225600000 }]
                  : state.scope.map((teamId) => ({ type: "team", teamId, origin: "manual", createdAt: 1767225600000 })),
            },
          },
        };
      case "/v2/user":
        return { status: 200, body: { user: { ...state.user, defaultTeamId: state.teams[0]?.id ?? null } } };
      case "/v2/teams":
        return {
          status: 200,
          body: {
            teams: teamsInScope.map((t) => ({ id: t.id, slug: t.slug, name: t.slug, membership: { role: t.role, confirmed: true } })),
            pagination: { count: teamsInScope.length, next: null, prev: null },
          },
        };
      case "/v9/projects": {
        const teamId = url.searchParams.get("teamId");
        if (teamId === null && state.scope !== "user") return forbidden();
        const team = teamId === null ? undefined : teamsInScope.find((t) => t.id === teamId);
        if (teamId !== null && !team) return forbidden();
        const projects = team ? team.projects : state.personalProjects;
        return { status: 200, body: { projects: projects.map(projectJson), pagination: { count: projects.length, next: null, prev: null } } };
      }
      default:
        return { status: 404, body: { error: { code: "not_found", message: "The requested URL was not found" } } };
    }
  };
}

const token = (rng: Rng): string => `vcp_${rng.chars(ALPHABET.base62, 56)}`;
const teamId = (rng: Rng): string => `team_${rng.chars(ALPHABET.base62, 24)}`;

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const acme: VercelTeam = { id: teamId(rng), slug: "acme", role: "OWNER", projects: [{ name: "storefront", productionAlias: "shop.acme.dev" }, { name: "docs" }] };
    const side: VercelTeam = { id: teamId(rng), slug: "side-project", role: "VIEWER", projects: [{ name: "blog", productionAlias: "blog.example.org" }] };
    const user = { id: "usr_emulated", email: "jane@acme.dev", username: "jane" };
    const full: VercelTokenState = { token: token(rng), scope: "user", user, personalProjects: [{ name: "portfolio" }], teams: [acme, side] };
    const teamOnly: VercelTokenState = { token: token(rng), scope: [side.id], user, personalProjects: [], teams: [acme, side], expiresAt: 1798761600000 };
    const revoked: VercelTokenState = { ...full, token: token(rng), revoked: true };
    return [
      {
        name: "Full Account token of an owner of team acme with a production project",
        rule: "personal-access-token",
        secret: full.token,
        handler: vercelHandler(full),
        expect: {
          liveness: "live",
          owner: "jane@acme.dev",
          tokenClass: "Full Account token",
          capabilities: ["ACCOUNT_WIDE", "DELETE_INFRA", "PROD_REACH", "SECRETS_READ", "IAM_WRITE"],
          scopes: ["user"],
          mentions: ["owner of team acme", "project storefront in production (shop.acme.dev)"],
        },
      },
      {
        name: "token limited to a team where the user is a viewer",
        rule: "access-token",
        secret: teamOnly.token,
        handler: vercelHandler(teamOnly),
        expect: {
          liveness: "live",
          tokenClass: "team token",
          account: "side-project",
          absentCapabilities: ["DELETE_INFRA", "IAM_WRITE", "SECRETS_READ"],
          mentions: ["viewer of team side-project"],
        },
      },
      inactiveCase("revoked token: 403 invalidToken", "personal-access-token", revoked.token, vercelHandler(revoked)),
    ];
  },
};
