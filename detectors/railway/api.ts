/**
 * Read-only introspection of Railway tokens (../shared/providers.md §2.2), at most 6 GraphQL queries
 * (Railway's Free plan allows 100 requests an hour for the whole account):
 *   1. apiToken (Bearer)          answers -> account, workspace or OAuth token, with its workspaces
 *   2. me (Bearer)                answers -> account token; "Not Authorized" -> workspace token
 *   3. projectToken (Project-Access-Token header) answers -> project token, its project and environment
 *   then, by class: the user's role per workspace, projects with environments and volumes.
 * Rules named like project tokens try the project-token query first. Railway's GraphQL answers HTTP
 * 200 with `errors: [{ message: "Not Authorized" }]` for a token it does not accept in that role; a
 * token refused both as Bearer and as a project token is inactive.
 * Railway tokens have no scopes: class plus workspace role is the whole answer. A live account token
 * whose role cannot be read is scored as admin.
 */
import { isRecord, nonEmptyString, notReadable, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";
import {
  ALLOW,
  API_TOKEN_QUERY,
  GRAPHQL_PATH,
  graphqlBody,
  isRailwayId,
  ME_QUERY,
  PERSONAL_PROJECTS_QUERY,
  PROJECT_QUERY,
  PROJECT_TOKEN_QUERY,
  WORKSPACE_PROJECTS_QUERY,
  WORKSPACE_ROLE_QUERY,
} from "./queries.js";

export const CALL_BUDGET = 6;
const PRODUCTION = /prod|production|live|main/i;
const MAX_RESOURCES = 20;

type Auth = "bearer" | "project";
type Answer =
  | { kind: "data"; data: Record<string, unknown> }
  | { kind: "denied"; message: string }
  | { kind: "unknown"; reason: string };

const edges = (connection: unknown): Record<string, unknown>[] =>
  isRecord(connection) && Array.isArray(connection.edges)
    ? connection.edges.filter(isRecord).map((e) => e.node).filter(isRecord)
    : [];

/** One token's conversation with Railway: counts calls so enumeration stops inside the budget. */
class Session {
  calls = 0;
  constructor(
    private readonly http: ProviderHttp,
    private readonly secret: string,
  ) {}

  get remaining(): number {
    return CALL_BUDGET - this.calls;
  }

  async ask(auth: Auth, query: string, variables?: Record<string, string>): Promise<Answer> {
    this.calls += 1;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (auth === "bearer") headers.authorization = `Bearer ${this.secret}`;
    else headers["project-access-token"] = this.secret;
    const response = await this.http.request("POST", GRAPHQL_PATH, { headers, body: graphqlBody(query, variables) });
    return classify(response);
  }
}

function classify(response: HttpResponse): Answer {
  if (response.headers.get("x-ratelimit-remaining") === "0") {
    return { kind: "unknown", reason: "Railway rate limit reached (X-RateLimit-Remaining: 0): stopped to spare the owner's quota" };
  }
  if (response.status === 401 || response.status === 403) return { kind: "denied", message: `HTTP ${response.status}` };
  if (response.status !== 200) return { kind: "unknown", reason: `Railway answered HTTP ${response.status}` };
  const body = response.json;
  if (!isRecord(body)) return { kind: "unknown", reason: "unexpected response shape from Railway (not a GraphQL JSON answer)" };
  const messages = Array.isArray(body.errors)
    ? body.errors.map((e) => (isRecord(e) ? nonEmptyString(e.message) : undefined)).filter((m): m is string => m !== undefined)
    : [];
  if (isRecord(body.data) && Object.values(body.data).some((v) => v !== null)) return { kind: "data", data: body.data };
  const denial = messages.find((m) => /not authori[sz]ed|unauthori[sz]ed|invalid (?:api )?token|authentication/i.test(m));
  if (denial) return { kind: "denied", message: denial.slice(0, 120) };
  if (messages.length > 0) return { kind: "unknown", reason: `Railway answered with an error: ${messages[0]!.slice(0, 120)}` };
  return { kind: "unknown", reason: "unexpected response shape from Railway (no data, no errors)" };
}

// ------------------------------------------------------------------ what was read

interface Volume {
  name: string;
  environmentIds: string[];
}
interface Project {
  id: string;
  name: string;
  environments: { id: string; name: string }[];
  volumes: Volume[];
  /** Workspace name, or undefined for personal projects. */
  workspace?: string;
  /** Whether this token can delete in this project (role). */
  canDelete: boolean;
}

function parseProject(node: Record<string, unknown>, workspace: string | undefined, canDelete: boolean): Project | undefined {
  const id = nonEmptyString(node.id);
  if (!id) return undefined;
  return {
    id,
    name: nonEmptyString(node.name) ?? id,
    environments: edges(node.environments)
      .map((e) => ({ id: nonEmptyString(e.id) ?? "", name: nonEmptyString(e.name) ?? "?" }))
      .filter((e) => e.id !== ""),
    volumes: edges(node.volumes).map((v) => ({
      name: nonEmptyString(v.name) ?? "?",
      environmentIds: edges(v.volumeInstances).map((i) => nonEmptyString(i.environmentId)).filter((e): e is string => e !== undefined),
    })),
    ...(workspace !== undefined ? { workspace } : {}),
    canDelete,
  };
}

/** Resources and facts about volumes, production environments and what can be deleted. */
function describeReach(projects: readonly Project[], capabilities: Set<Capability>, facts: string[]): string[] {
  const resources: string[] = [];
  const deletable: string[] = [];
  for (const project of projects) {
    const envName = new Map(project.environments.map((e) => [e.id, e.name]));
    for (const env of project.environments) if (PRODUCTION.test(env.name)) capabilities.add("PROD_REACH");
    for (const volume of project.volumes) {
      const envs = volume.environmentIds.length > 0 ? volume.environmentIds.map((id) => envName.get(id) ?? id) : ["(no environment)"];
      for (const env of envs) {
        resources.push(`volume ${volume.name} in environment ${env} (project ${project.name})`);
        if (project.canDelete && PRODUCTION.test(env)) deletable.push(`can delete volume ${volume.name} in ${env}, and its backups with it`);
      }
    }
    const prodWithoutVolume = project.environments.filter(
      (e) => PRODUCTION.test(e.name) && !project.volumes.some((v) => v.environmentIds.includes(e.id)),
    );
    for (const env of prodWithoutVolume) resources.push(`environment ${env.name} (project ${project.name})`);
  }
  facts.push(...new Set(deletable));
  const volumes = projects.reduce((n, p) => n + p.volumes.length, 0);
  facts.push(`reaches ${projects.length} project${projects.length === 1 ? "" : "s"} with ${volumes} volume${volumes === 1 ? "" : "s"}`);
  return resources.length > MAX_RESOURCES ? [...resources.slice(0, MAX_RESOURCES), `and ${resources.length - MAX_RESOURCES} more`] : resources;
}

/** Secondary reads add facts; their failure must not hide what the class queries proved. */
async function tryAsk(session: Session, auth: Auth, query: string, facts: string[], what: string, variables?: Record<string, string>) {
  try {
    const answer = await session.ask(auth, query, variables);
    if (answer.kind === "data") return answer.data;
    facts.push(`${what} not readable (${answer.kind === "denied" ? answer.message : answer.reason})`);
  } catch (error) {
    facts.push(notReadable(what, error));
  }
  return undefined;
}

// ------------------------------------------------------------------ classes

const DELETING: readonly Capability[] = ["DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA"];
type Role = "ADMIN" | "MEMBER" | "VIEWER" | "unknown";

async function accountToken(session: Session, me: Record<string, unknown>, workspaces: { id: string; name: string }[]): Promise<Introspection> {
  const email = nonEmptyString(me.email);
  const userId = nonEmptyString(me.id);
  const facts: string[] = [];
  const capabilities = new Set<Capability>(["ACCOUNT_WIDE", "IAM_WRITE"]);
  const projects: Project[] = [];
  const roles: string[] = [];
  const scopes: string[] = [];

  let read = 0;
  for (const workspace of workspaces) {
    if (session.remaining < 2) break;
    read += 1;
    const roleData = await tryAsk(session, "bearer", WORKSPACE_ROLE_QUERY, facts, `role in workspace ${workspace.name}`, { workspaceId: workspace.id });
    const members = isRecord(roleData?.workspace) && Array.isArray(roleData.workspace.members) ? roleData.workspace.members.filter(isRecord) : [];
    const mine = members.find((m) => (userId && m.id === userId) || (email && m.email === email));
    const raw = nonEmptyString(mine?.role)?.toUpperCase();
    const role: Role = raw === "ADMIN" || raw === "MEMBER" || raw === "VIEWER" ? raw : "unknown";
    roles.push(role === "unknown" ? `role in workspace ${workspace.name} unreadable: scored as admin` : `${role.toLowerCase()} of workspace ${workspace.name}`);
    scopes.push(`workspace ${workspace.name}: ${role === "unknown" ? "role unknown" : role}`);
    const canDelete = role === "ADMIN" || role === "unknown";
    if (canDelete) DELETING.forEach((c) => capabilities.add(c));
    if (role !== "VIEWER") capabilities.add("SECRETS_READ").add("CODE_WRITE");

    const projectData = await tryAsk(session, "bearer", WORKSPACE_PROJECTS_QUERY, facts, `projects of workspace ${workspace.name}`, { workspaceId: workspace.id });
    for (const node of edges(projectData?.projects)) {
      const project = parseProject(node, workspace.name, canDelete);
      if (project) projects.push(project);
    }
  }
  if (read < workspaces.length) {
    const rest = workspaces.slice(read).map((w) => w.name);
    facts.push(`workspaces ${rest.join(", ")} not read (call budget): scored as admin`);
    DELETING.forEach((c) => capabilities.add(c));
    capabilities.add("SECRETS_READ").add("CODE_WRITE");
  }
  if (session.remaining >= 1) {
    const personal = await tryAsk(session, "bearer", PERSONAL_PROJECTS_QUERY, facts, "personal projects");
    for (const node of edges(personal?.projects)) {
      const project = parseProject(node, undefined, true);
      if (project && !projects.some((p) => p.id === project.id)) {
        projects.push(project);
        DELETING.forEach((c) => capabilities.add(c));
        capabilities.add("SECRETS_READ").add("CODE_WRITE");
      }
    }
  } else {
    // Personal projects unread: the account owns whatever it has there.
    DELETING.forEach((c) => capabilities.add(c));
  }

  const who = `account token of ${email ?? "an unnamed user"}`;
  facts.unshift(roles.length > 0 ? `${who}; ${roles.join("; ")}` : who);
  const resources = describeReach(projects, capabilities, facts);
  facts.push(
    "account tokens act as the user in every workspace with no per-token scopes, can mint more tokens, and skip two-factor checks",
    "a long-lived token answering `me` is an account token (OAuth access tokens expire within an hour)",
  );
  return {
    liveness: "live",
    tokenClass: "account token",
    ...(email ? { owner: email } : {}),
    ...(workspaces.length > 0 ? { account: workspaces.map((w) => w.name).join(", ") } : {}),
    scopes,
    capabilities: [...capabilities].sort(),
    resources,
    facts,
  };
}

async function workspaceToken(session: Session, workspaces: { id: string; name: string }[], meRefusal: string): Promise<Introspection> {
  const workspace = workspaces[0];
  const facts = [
    `workspace token of workspace ${workspace?.name ?? "(unnamed)"}; equivalent to workspace admin (Railway docs)`,
    `\`me\` refused (${meRefusal}): not an account token`,
  ];
  const capabilities = new Set<Capability>(["ACCOUNT_WIDE", "IAM_WRITE", "SECRETS_READ", "CODE_WRITE", ...DELETING]);
  const projects: Project[] = [];
  if (workspace) {
    const data = await tryAsk(session, "bearer", WORKSPACE_PROJECTS_QUERY, facts, `projects of workspace ${workspace.name}`, { workspaceId: workspace.id });
    for (const node of edges(data?.projects)) {
      const project = parseProject(node, workspace.name, true);
      if (project) projects.push(project);
    }
  }
  const resources = describeReach(projects, capabilities, facts);
  return {
    liveness: "live",
    tokenClass: "workspace token",
    ...(workspace ? { account: workspace.name } : {}),
    scopes: workspace ? [`workspace ${workspace.name}: ADMIN`] : [],
    capabilities: [...capabilities].sort(),
    resources,
    facts,
  };
}

async function projectToken(session: Session, bound: Record<string, unknown>): Promise<Introspection> {
  const project = isRecord(bound.project) ? bound.project : {};
  const environment = isRecord(bound.environment) ? bound.environment : {};
  const projectName = nonEmptyString(project.name) ?? nonEmptyString(bound.projectId) ?? "(unnamed)";
  const envName = nonEmptyString(environment.name) ?? "(unnamed)";
  const envId = nonEmptyString(bound.environmentId) ?? nonEmptyString(environment.id);
  const facts = [
    `project token of project ${projectName}, environment ${envName}`,
    "it can deploy and read the variables of this environment; deleting its volumes (and their backups) is not ruled out",
  ];
  const capabilities = new Set<Capability>(["SECRETS_READ", "CODE_WRITE", "DELETE_DATA", "DELETE_BACKUPS"]);
  if (PRODUCTION.test(envName)) capabilities.add("PROD_REACH");
  const projectId = nonEmptyString(bound.projectId) ?? nonEmptyString(project.id);
  let resources: string[] = [`environment ${envName} (project ${projectName})`];
  if (isRailwayId(projectId) && session.remaining >= 1) {
    const data = await tryAsk(session, "project", PROJECT_QUERY, facts, `project ${projectName}`, { projectId });
    const parsed = isRecord(data?.project) ? parseProject(data.project, undefined, true) : undefined;
    if (parsed) {
      // A project token reaches only its own environment.
      const scoped: Project = {
        ...parsed,
        name: projectName,
        environments: parsed.environments.filter((e) => e.id === envId),
        volumes: parsed.volumes
          .map((v) => ({ ...v, environmentIds: v.environmentIds.filter((id) => id === envId) }))
          .filter((v) => v.environmentIds.length > 0),
      };
      if (scoped.environments.length === 0 && envId) scoped.environments.push({ id: envId, name: envName });
      resources = describeReach([scoped], capabilities, facts);
      if (!resources.some((r) => r.includes(`environment ${envName}`))) resources.push(`environment ${envName} (project ${projectName})`);
    }
  }
  return {
    liveness: "live",
    tokenClass: "project token",
    account: projectName,
    scopes: [`project ${projectName} / environment ${envName}`],
    capabilities: [...capabilities].sort(),
    resources,
    facts,
  };
}

// ------------------------------------------------------------------ entry point

const PROJECT_FIRST = new Set(["project-token", "project-token-header"]);

async function introspect(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const session = new Session(http, token.secret);
  const order: Auth[] = PROJECT_FIRST.has(token.ruleId) ? ["project", "bearer"] : ["bearer", "project"];
  const refusals: string[] = [];
  for (const auth of order) {
    if (auth === "bearer") {
      const answer = await session.ask("bearer", API_TOKEN_QUERY);
      if (answer.kind === "unknown") return { liveness: "unknown", reason: answer.reason };
      if (answer.kind === "denied") {
        refusals.push(`as Bearer: ${answer.message}`);
        continue;
      }
      const apiToken = isRecord(answer.data.apiToken) ? answer.data.apiToken : {};
      const workspaces = (Array.isArray(apiToken.workspaces) ? apiToken.workspaces.filter(isRecord) : [])
        .map((w) => ({ id: nonEmptyString(w.id) ?? "", name: nonEmptyString(w.name) ?? nonEmptyString(w.id) ?? "?" }))
        .filter((w) => isRailwayId(w.id));
      const me = await session.ask("bearer", ME_QUERY);
      if (me.kind === "data" && isRecord(me.data.me)) return accountToken(session, me.data.me, workspaces);
      if (me.kind === "denied") return workspaceToken(session, workspaces, me.message);
      // `me` failed for another reason: a Bearer token of unknown kind, scored as an account token.
      const fallback = await accountToken(session, {}, workspaces);
      return { ...fallback, tokenClass: "account or workspace token", facts: [...(fallback.facts ?? []), `\`me\` not readable (${me.kind === "unknown" ? me.reason : "no data"})`] };
    }
    const answer = await session.ask("project", PROJECT_TOKEN_QUERY);
    if (answer.kind === "unknown") return { liveness: "unknown", reason: answer.reason };
    if (answer.kind === "denied") {
      refusals.push(`as a project token: ${answer.message}`);
      continue;
    }
    if (isRecord(answer.data.projectToken)) return projectToken(session, answer.data.projectToken);
    return unexpectedShape("Railway (no projectToken)");
  }
  return {
    liveness: "inactive",
    reason: `Railway refused the token ${refusals.join("; ")}: revoked, expired or not a Railway token`,
  };
}

export const railwayApi: ProviderApi = {
  baseUrl: "https://backboard.railway.com",
  allow: ALLOW,
  callBudget: CALL_BUDGET,
  introspect,
};
