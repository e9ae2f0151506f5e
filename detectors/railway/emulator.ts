/**
 * Loopback emulator of Railway's public GraphQL API (POST /graphql/v2) for the queries api.ts sends
 * (tests only, never shipped). Behaviour as documented (checked 2026-11):
 * - https://docs.railway.com/reference/public-api : account and workspace tokens as
 *   `Authorization: Bearer`, project tokens in `Project-Access-Token`; `me` cannot be used with
 *   workspace or project tokens.
 * - railwayapp/cli `src/gql/schema.json`: `apiToken { workspaces }`, `projectToken { projectId
 *   environmentId project environment }`, `workspace(workspaceId) { members { role } }` with
 *   `TeamRole` ADMIN | MEMBER | VIEWER, `projects(workspaceId, first)` and `project(id)` connections.
 * - GraphQL errors come back with HTTP 200: `{"data": null, "errors": [{"message": "Not Authorized",
 *   "locations": [...], "path": ["me"], "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]}`.
 * Each case holds one token's account state; the handler answers only for that token.
 */
import { bearerTokenOf } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface RailwayVolume {
  id: string;
  name: string;
  /** Environment ids of the volume's instances. */
  environmentIds: string[];
}
export interface RailwayProject {
  id: string;
  name: string;
  environments: { id: string; name: string }[];
  volumes: RailwayVolume[];
}
export interface RailwayWorkspace {
  id: string;
  name: string;
  members: { id: string; email: string; role: "ADMIN" | "MEMBER" | "VIEWER" }[];
  projects: RailwayProject[];
  /** The role query fails for this workspace (the token cannot read members). */
  hideMembers?: boolean;
}
export interface RailwayTokenState {
  token: string;
  kind: "account" | "workspace" | "project" | "revoked";
  user?: { id: string; email: string; name: string };
  /** Account: the user's workspaces; workspace token: its one workspace. */
  workspaces: RailwayWorkspace[];
  personalProjects?: RailwayProject[];
  /** Project tokens: the project and environment they are bound to. */
  bound?: { project: RailwayProject; workspaceId: string; environmentId: string };
}

const RATE_HEADERS = { "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "994", "x-ratelimit-reset": "1767225600" };

const answer = (body: object): EmulatedResponse => ({ status: 200, headers: RATE_HEADERS, body });
const notAuthorized = (field: string): EmulatedResponse =>
  answer({
    data: null,
    errors: [{ message: "Not Authorized", locations: [{ line: 1, column: 20 }], path: [field], extensions: { code: "INTERNAL_SERVER_ERROR" } }],
  });
const problem = (message: string): EmulatedResponse => ({ status: 400, headers: RATE_HEADERS, body: { errors: [{ message }] } });

const connection = <T>(items: readonly T[], node: (item: T) => object) => ({ edges: items.map((item) => ({ node: node(item) })) });
const projectJson = (p: RailwayProject, workspaceId: string | null) => ({
  id: p.id,
  name: p.name,
  workspaceId,
  environments: connection(p.environments, (e) => ({ id: e.id, name: e.name })),
  volumes: connection(p.volumes, (v) => ({
    id: v.id,
    name: v.name,
    volumeInstances: connection(v.environmentIds, (environmentId) => ({ id: `${v.id.slice(0, 24)}${environmentId.slice(24)}`, environmentId })),
  })),
});

/** The single root field of a query document, and its operation keyword. */
function rootField(query: string): { operation: string; field: string } | undefined {
  const m = /^\s*(query|mutation|subscription)?\s*[A-Za-z0-9_]*\s*(?:\([^)]*\))?\s*\{\s*([A-Za-z]+)/.exec(query);
  return m ? { operation: m[1] ?? "query", field: m[2] ?? "" } : undefined;
}

export function railwayHandler(state: RailwayTokenState): EmulatorHandler {
  return (request: EmulatedRequest): EmulatedResponse => {
    if (request.method !== "POST" || request.path.split("?")[0] !== "/graphql/v2") return { status: 404, body: "Not Found" };
    let body: { query?: unknown; variables?: Record<string, unknown> };
    try {
      body = JSON.parse(request.body) as typeof body;
    } catch {
      return problem("Unexpected token in JSON");
    }
    const root = typeof body.query === "string" ? rootField(body.query) : undefined;
    if (!root) return problem("Must provide query string.");
    if (root.operation !== "query") return problem("tokscan must never send this");
    const bearer = bearerTokenOf(request);
    const projectHeader = request.headers["project-access-token"];
    const alive = state.kind !== "revoked";
    const asBearer = alive && bearer === state.token && (state.kind === "account" || state.kind === "workspace");
    const asProject = alive && projectHeader === state.token && request.headers.authorization === undefined && state.kind === "project";
    const variables = body.variables ?? {};

    switch (root.field) {
      case "apiToken":
        if (!asBearer) return notAuthorized("apiToken");
        return answer({ data: { apiToken: { workspaces: state.workspaces.map((w) => ({ id: w.id, name: w.name })) } } });
      case "me":
        if (!asBearer || state.kind !== "account" || !state.user) return notAuthorized("me");
        return answer({ data: { me: state.user } });
      case "projectToken": {
        if (!asProject || !state.bound) return notAuthorized("projectToken");
        const { project, workspaceId, environmentId } = state.bound;
        const environment = project.environments.find((e) => e.id === environmentId);
        return answer({
          data: {
            projectToken: {
              projectId: project.id,
              environmentId,
              project: { id: project.id, name: project.name, workspaceId },
              environment: environment ?? null,
            },
          },
        });
      }
      case "workspace": {
        const workspace = state.workspaces.find((w) => w.id === variables.workspaceId);
        if (!asBearer || !workspace || workspace.hideMembers) return notAuthorized("workspace");
        return answer({ data: { workspace: { id: workspace.id, name: workspace.name, members: workspace.members } } });
      }
      case "projects": {
        if (!asBearer) return notAuthorized("projects");
        if (variables.workspaceId === undefined) {
          if (state.kind !== "account") return notAuthorized("projects");
          return answer({ data: { projects: connection(state.personalProjects ?? [], (p) => projectJson(p, null)) } });
        }
        const workspace = state.workspaces.find((w) => w.id === variables.workspaceId);
        if (!workspace) return notAuthorized("projects");
        return answer({ data: { projects: connection(workspace.projects, (p) => projectJson(p, workspace.id)) } });
      }
      case "project": {
        if (asProject && state.bound && state.bound.project.id === variables.projectId) {
          return answer({ data: { project: projectJson(state.bound.project, state.bound.workspaceId) } });
        }
        const owner = asBearer ? state.workspaces.find((w) => w.projects.some((p) => p.id === variables.projectId)) : undefined;
        const project = owner?.projects.find((p) => p.id === variables.projectId);
        return project ? answer({ data: { project: projectJson(project, owner?.id ?? null) } }) : notAuthorized("project");
      }
      default:
        return problem(`Cannot query field "${root.field}" on type "Query".`);
    }
  };
}

/** A project with production and staging environments and a Postgres volume in production. */
function shop(rng: Rng): { project: RailwayProject; production: string; staging: string } {
  const production = rng.uuid();
  const staging = rng.uuid();
  return {
    production,
    staging,
    project: {
      id: rng.uuid(),
      name: "shop",
      environments: [
        { id: production, name: "production" },
        { id: staging, name: "staging" },
      ],
      volumes: [
        { id: rng.uuid(), name: "pg-data", environmentIds: [production] },
        { id: rng.uuid(), name: "redis-cache", environmentIds: [staging] },
      ],
    },
  };
}

const jane = (rng: Rng) => ({ id: rng.uuid(), email: "jane@acme.dev", name: "Jane Roe" });

function acme(rng: Rng, user: { id: string; email: string }, role: "ADMIN" | "MEMBER" | "VIEWER", project: RailwayProject): RailwayWorkspace {
  return {
    id: rng.uuid(),
    name: "acme",
    members: [
      { id: user.id, email: user.email, role },
      { id: rng.uuid(), email: "ops@acme.dev", role: "ADMIN" },
    ],
    projects: [project],
  };
}

const caseOf = (
  name: string,
  rule: string,
  state: RailwayTokenState,
  expect: IntrospectionCase["expect"],
): IntrospectionCase => ({ name, rule, secret: state.token, handler: railwayHandler(state), expect });

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const incidentUser = jane(rng);
    const incidentShop = shop(rng);
    const memberUser = jane(rng);
    const memberShop = shop(rng);
    const lockedUser = jane(rng);
    const lockedShop = shop(rng);
    const workspaceShop = shop(rng);
    const projectShop = shop(rng);
    return [
      caseOf(
        "the incident: account token of an admin of workspace acme, with a production volume",
        "token",
        { token: rng.uuid(), kind: "account", user: incidentUser, workspaces: [acme(rng, incidentUser, "ADMIN", incidentShop.project)], personalProjects: [] },
        {
          liveness: "live",
          owner: "jane@acme.dev",
          account: "acme",
          tokenClass: "account token",
          capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "PROD_REACH", "SECRETS_READ", "IAM_WRITE"],
          mentions: [
            "account token of jane@acme.dev; admin of workspace acme",
            "volume pg-data in environment production (project shop)",
            "can delete volume pg-data in production, and its backups with it",
          ],
        },
      ),
      caseOf(
        "project token bound to a staging environment",
        "project-token",
        {
          token: rng.uuid(),
          kind: "project",
          workspaces: [],
          bound: { project: projectShop.project, workspaceId: rng.uuid(), environmentId: projectShop.staging },
        },
        {
          liveness: "live",
          account: "shop",
          tokenClass: "project token",
          capabilities: ["SECRETS_READ", "CODE_WRITE"],
          absentCapabilities: ["ACCOUNT_WIDE", "PROD_REACH", "IAM_WRITE"],
          mentions: ["project token of project shop, environment staging", "volume redis-cache in environment staging (project shop)"],
        },
      ),
      caseOf(
        "revoked token: Not Authorized as Bearer and as a project token",
        "api-token",
        { token: rng.uuid(), kind: "revoked", workspaces: [] },
        { liveness: "inactive" },
      ),
      caseOf(
        "workspace token of acme",
        "api-token",
        { token: rng.uuid(), kind: "workspace", workspaces: [acme(rng, jane(rng), "ADMIN", workspaceShop.project)] },
        {
          liveness: "live",
          account: "acme",
          tokenClass: "workspace token",
          capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "PROD_REACH", "IAM_WRITE"],
          mentions: ["workspace token of workspace acme", "can delete volume pg-data in production, and its backups with it"],
        },
      ),
      caseOf(
        "account token of a member (not admin): cannot delete",
        "api-token",
        { token: rng.uuid(), kind: "account", user: memberUser, workspaces: [acme(rng, memberUser, "MEMBER", memberShop.project)], personalProjects: [] },
        {
          liveness: "live",
          owner: "jane@acme.dev",
          tokenClass: "account token",
          capabilities: ["ACCOUNT_WIDE", "PROD_REACH", "SECRETS_READ"],
          absentCapabilities: ["DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA"],
          mentions: ["member of workspace acme", "volume pg-data in environment production (project shop)"],
        },
      ),
      caseOf(
        "account token whose role cannot be read: scored as admin",
        "api-bearer",
        {
          token: rng.uuid(),
          kind: "account",
          user: lockedUser,
          workspaces: [{ ...acme(rng, lockedUser, "VIEWER", lockedShop.project), hideMembers: true }],
          personalProjects: [],
        },
        {
          liveness: "live",
          tokenClass: "account token",
          capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "PROD_REACH"],
          mentions: ["role in workspace acme unreadable: scored as admin"],
        },
      ),
    ];
  },
};
