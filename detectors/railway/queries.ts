/**
 * The GraphQL documents tokscan sends to Railway (POST https://backboard.railway.com/graphql/v2),
 * fixed in code: queries only, never `variables`, tokens, sessions or any mutation
 * (../shared/providers.md §2.2 (c)/(f)). Field names follow railwayapp/cli `src/gql/schema.json`.
 *
 * `apiToken` and `me` are asked separately: both are non-null roots, so a "Not Authorized" on `me`
 * (workspace and project tokens) would null the whole answer and lose `apiToken`.
 */
import type { AllowedRequest } from "../../src/detector-kit/index.js";

export const GRAPHQL_PATH = "/graphql/v2";

/** Bearer class (account, workspace or OAuth token) and the workspaces it reaches. */
export const API_TOKEN_QUERY = "query tokscanApiToken { apiToken { workspaces { id name } } }";
/** Works for account (and OAuth) tokens only: "Not Authorized" for workspace tokens. */
export const ME_QUERY = "query tokscanMe { me { id email name } }";
/** Sent with `Project-Access-Token`: the project and environment a project token is bound to. */
export const PROJECT_TOKEN_QUERY =
  "query tokscanProjectToken { projectToken { projectId environmentId project { id name workspaceId } environment { id name } } }";

const PROJECT_FIELDS =
  "id name environments { edges { node { id name } } } " +
  "volumes { edges { node { id name volumeInstances { edges { node { id environmentId } } } } } }";

/** The user's role in one workspace (`members { role }`: ADMIN | MEMBER | VIEWER). */
export const WORKSPACE_ROLE_QUERY =
  "query tokscanWorkspaceRole($workspaceId: String!) { workspace(workspaceId: $workspaceId) { id name members { id email role } } }";
/** Projects of one workspace with their environments and volumes (no services, no variables). */
export const WORKSPACE_PROJECTS_QUERY =
  `query tokscanWorkspaceProjects($workspaceId: String!) { projects(workspaceId: $workspaceId, first: 20) { edges { node { ${PROJECT_FIELDS} } } } }`;
/** Projects outside any workspace (personal), owned by the user. */
export const PERSONAL_PROJECTS_QUERY = `query tokscanPersonalProjects { projects(first: 20) { edges { node { ${PROJECT_FIELDS} } } } }`;
/** The project a project token is bound to (its environments and volumes). */
export const PROJECT_QUERY = `query tokscanProject($projectId: String!) { project(id: $projectId) { ${PROJECT_FIELDS} } }`;

/** Railway ids are UUIDs; anything else never goes into a request body. */
const ID = "[0-9a-fA-F-]{36}";
export const isRailwayId = (value: unknown): value is string => typeof value === "string" && new RegExp(`^${ID}$`).test(value);

/** Request body of a fixed document, with one id variable when it has one. */
export function graphqlBody(query: string, variables?: Record<string, string>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** A body pattern that admits exactly `query` with `name` set to one Railway id. */
function withIdVariable(query: string, name: string): RegExp {
  const marker = "\u0000";
  const [before = "", after = ""] = graphqlBody(query, { [name]: marker }).split(JSON.stringify(marker));
  return new RegExp(`${escapeRegex(before)}"${ID}"${escapeRegex(after)}`);
}

export const ALLOW: readonly AllowedRequest[] = [
  { method: "POST", path: GRAPHQL_PATH, body: graphqlBody(API_TOKEN_QUERY) },
  { method: "POST", path: GRAPHQL_PATH, body: graphqlBody(ME_QUERY) },
  { method: "POST", path: GRAPHQL_PATH, body: graphqlBody(PROJECT_TOKEN_QUERY) },
  { method: "POST", path: GRAPHQL_PATH, body: graphqlBody(PERSONAL_PROJECTS_QUERY) },
  { method: "POST", path: GRAPHQL_PATH, bodyPattern: withIdVariable(WORKSPACE_ROLE_QUERY, "workspaceId") },
  { method: "POST", path: GRAPHQL_PATH, bodyPattern: withIdVariable(WORKSPACE_PROJECTS_QUERY, "workspaceId") },
  { method: "POST", path: GRAPHQL_PATH, bodyPattern: withIdVariable(PROJECT_QUERY, "projectId") },
];
