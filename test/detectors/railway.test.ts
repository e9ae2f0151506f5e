/**
 * Railway: evidence rules and their offline inference (the incident's file included), the fixed
 * GraphQL documents and their allowlist, and introspection through the real runner, HTTP layer and a
 * loopback Railway emulator (class by query, project-first order, rate limit, call budget).
 */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import type { EmulatorHandler } from "../../src/detector-kit/index.js";
import type { Introspection } from "../../src/types.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { checkAllowed, forbiddenGraphqlOperation } from "../../src/net/allowlist.js";
import { detectors } from "../../src/registry.js";
import { detector } from "../../detectors/railway/index.js";
import { CALL_BUDGET } from "../../detectors/railway/api.js";
import { railwayHandler } from "../../detectors/railway/emulator.js";
import type { RailwayTokenState, RailwayWorkspace } from "../../detectors/railway/emulator.js";
import * as queries from "../../detectors/railway/queries.js";
import { foundToken, introspectOne, loopbacksClosedAfterEach } from "../support/introspection.js";
import type { Loopback } from "../support/loopback.js";

const everyRule = compileRules(detectors);
const scan = (content: string, path: string) => scanContent(Buffer.from(content), path, everyRule).matches.filter((m) => m.detectorId === "railway");
const rule = (id: string) => detector.rules.find((r) => r.id === id)!;

describe("railway offline", () => {
  const rng = createRng(31);

  it("reports the incident's token, named for domains, as a token of unknown class assumed to be an account token", () => {
    const token = rng.uuid();
    const script = `#!/bin/sh\n# add the customer's domain\nRAILWAY_DOMAIN_TOKEN="${token}"\n./add-domain.sh "$1"\n`;
    const [match, ...rest] = scan(script, "scripts/custom-domains.sh");
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ ruleId: "railway/token", secret: token, evidence: "RAILWAY_DOMAIN_TOKEN", line: 3 });
    const inference = rule("token").infer!(token);
    expect(inference.capabilities).toEqual(expect.arrayContaining(["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "SECRETS_READ", "IAM_WRITE"]));
    expect(inference.notes.join(" ")).toMatch(/Assumed an account token/);
    expect(inference.notes.join(" ")).toMatch(/deletes all of its backups/);
  });

  it("tells the name's hint: RAILWAY_TOKEN is a project token, RAILWAY_API_TOKEN an account or workspace token", () => {
    const project = rng.uuid();
    const api = rng.uuid();
    const found = scan(`RAILWAY_TOKEN=${project}\nRAILWAY_API_TOKEN=${api}\n`, ".env");
    expect(found.map((m) => [m.ruleId, m.secret, m.evidence])).toEqual([
      ["railway/project-token", project, "RAILWAY_TOKEN"],
      ["railway/api-token", api, "RAILWAY_API_TOKEN"],
    ]);
    const projectInference = rule("project-token").infer!(project);
    expect(projectInference.tokenClass).toBe("project token");
    expect(projectInference.capabilities).not.toContain("ACCOUNT_WIDE");
    expect(projectInference.capabilities).toEqual(expect.arrayContaining(["DELETE_DATA", "DELETE_BACKUPS", "SECRETS_READ"]));
    expect(projectInference.notes.join(" ")).toMatch(/convention, not a scope/);
    expect(rule("api-token").infer!(api).capabilities).toEqual(expect.arrayContaining(["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_BACKUPS"]));
  });

  it("never reports Railway's own identifiers, nor a UUID with no Railway evidence", () => {
    const content = `RAILWAY_PROJECT_ID=${rng.uuid()}\nRAILWAY_SERVICE_ID=${rng.uuid()}\nAPI_TOKEN=${rng.uuid()}\n`;
    expect(scan(content, ".env")).toEqual([]);
  });

  it("needs the Railway API host near a Bearer UUID, within a few hundred characters", () => {
    const token = rng.uuid();
    const near = `curl -H "Authorization: Bearer ${token}" https://backboard.railway.com/graphql/v2\n`;
    expect(scan(near, "deploy.sh").map((m) => m.ruleId)).toEqual(["railway/api-bearer"]);
    const far = `curl -H "Authorization: Bearer ${token}" https://api.example.com\n${"# padding\n".repeat(60)}https://backboard.railway.com/graphql/v2\n`;
    expect(scan(far, "deploy.sh")).toEqual([]);
  });

  it("reads a CLI session from .railway/config.json, but not from an unrelated JSON file", () => {
    const token = rng.uuid();
    const config = JSON.stringify({ projects: {}, user: { token } }, null, 2);
    expect(scan(config, "home/.railway/config.json").map((m) => m.ruleId)).toEqual(["railway/config-file"]);
    expect(scan(config, "fixtures/user.json")).toEqual([]);
  });
});

describe("railway queries", () => {
  const documents = Object.entries(queries).flatMap(([name, value]) => (name.endsWith("_QUERY") && typeof value === "string" ? [[name, value] as const] : []));

  it("are queries only: no mutation, no subscription, no secret-bearing field", () => {
    expect(documents.length).toBeGreaterThanOrEqual(7);
    for (const [name, document] of documents) {
      expect(document, name).toMatch(/^query tokscan/);
      expect(forbiddenGraphqlOperation(queries.graphqlBody(document)), name).toBeUndefined();
      expect(document, name).not.toMatch(/\b(?:variables|apiTokens|projectTokens|bucketS3Credentials|sessions|twoFactorInfo)\b/);
    }
  });

  it("admit an id variable only when it is a Railway id", () => {
    const base = "https://backboard.railway.com";
    const allowed = (body: string) => checkAllowed(queries.ALLOW, { method: "POST", path: "/graphql/v2", body }, base).allowed;
    const id = createRng(5).uuid();
    expect(allowed(queries.graphqlBody(queries.WORKSPACE_ROLE_QUERY, { workspaceId: id }))).toBe(true);
    expect(allowed(queries.graphqlBody(queries.PROJECT_QUERY, { projectId: id }))).toBe(true);
    expect(allowed(queries.graphqlBody(queries.WORKSPACE_ROLE_QUERY, { workspaceId: `${id}"} ` }))).toBe(false);
    expect(allowed(queries.graphqlBody(queries.WORKSPACE_ROLE_QUERY, { workspaceId: id, extra: "1" }))).toBe(false);
    expect(allowed(JSON.stringify({ query: "query x { variables(projectId: \"1\") }" }))).toBe(false);
    expect(queries.isRailwayId(id)).toBe(true);
    expect(queries.isRailwayId("../graphql")).toBe(false);
  });
});

describe("railway introspection", () => {
  const serve = loopbacksClosedAfterEach();

  async function ask(ruleId: string, secret: string, handler: EmulatorHandler): Promise<{ result: Introspection; loopback: Loopback }> {
    const loopback = await serve(handler);
    const result = await introspectOne(detector, foundToken(ruleId, secret), loopback, { timeoutMs: 5_000, retryBaseDelayMs: 10 });
    return { result, loopback };
  }

  const workspace = (rng: ReturnType<typeof createRng>, name: string, userId: string): RailwayWorkspace => {
    const env = rng.uuid();
    return {
      id: rng.uuid(),
      name,
      members: [{ id: userId, email: "jane@acme.dev", role: "ADMIN" }],
      projects: [{ id: rng.uuid(), name: `${name}-app`, environments: [{ id: env, name: "production" }], volumes: [{ id: rng.uuid(), name: "pg-data", environmentIds: [env] }] }],
    };
  };

  it("asks a project-named token as a project token first, in the Project-Access-Token header only", async () => {
    const rng = createRng(41);
    const env = rng.uuid();
    const state: RailwayTokenState = {
      token: rng.uuid(),
      kind: "project",
      workspaces: [],
      bound: { workspaceId: rng.uuid(), environmentId: env, project: { id: rng.uuid(), name: "shop", environments: [{ id: env, name: "production" }], volumes: [] } },
    };
    const { result, loopback } = await ask("project-token", state.token, railwayHandler(state));
    expect(result).toMatchObject({ liveness: "live", tokenClass: "project token", account: "shop" });
    expect(result.capabilities).toContain("PROD_REACH");
    expect(result.capabilities).not.toContain("ACCOUNT_WIDE");
    const first = loopback.requests[0]!;
    expect(first.headers["project-access-token"]).toBe(state.token);
    expect(first.headers.authorization).toBeUndefined();
    expect(JSON.parse(first.body)).toEqual({ query: queries.PROJECT_TOKEN_QUERY });
    expect(loopback.requests.every((r) => r.method === "POST" && r.path === "/graphql/v2")).toBe(true);
  });

  it("stops at the first answer with X-RateLimit-Remaining: 0, as unknown", async () => {
    const rng = createRng(42);
    const { result, loopback } = await ask("api-token", rng.uuid(), () => ({
      status: 200,
      headers: { "x-ratelimit-remaining": "0" },
      body: { data: { apiToken: { workspaces: [] } } },
    }));
    expect(result.liveness).toBe("unknown");
    expect(result.reason).toMatch(/rate limit/);
    expect(loopback.requests).toHaveLength(1);
  });

  it("stays within 6 calls for an account with many workspaces, and scores the unread ones as admin", async () => {
    const rng = createRng(43);
    const user = { id: rng.uuid(), email: "jane@acme.dev", name: "Jane" };
    const workspaces = ["acme", "beta", "gamma", "delta", "epsilon"].map((name) => workspace(rng, name, user.id));
    for (const w of workspaces.slice(0, 2)) w.members[0]!.role = "VIEWER";
    const state: RailwayTokenState = { token: rng.uuid(), kind: "account", user, workspaces };
    const { result, loopback } = await ask("api-token", state.token, railwayHandler(state));
    expect(loopback.requests.length).toBeLessThanOrEqual(CALL_BUDGET);
    expect(result.liveness).toBe("live");
    expect(result.facts?.join("\n")).toMatch(/workspaces gamma, delta, epsilon not read \(call budget\): scored as admin/);
    expect(result.capabilities).toEqual(expect.arrayContaining(["DELETE_DATA", "DELETE_BACKUPS"]));
  });

  it("reads a 401 on both classes as inactive", async () => {
    const { result, loopback } = await ask("token", createRng(44).uuid(), () => ({ status: 401, body: { errors: [{ message: "Unauthorized" }] } }));
    expect(result.liveness).toBe("inactive");
    expect(loopback.requests).toHaveLength(2);
  });

  it("reports an unexpected GraphQL error as unknown, not inactive", async () => {
    const { result } = await ask("token", createRng(45).uuid(), () => ({ status: 200, body: { data: null, errors: [{ message: "Problem processing request" }] } }));
    expect(result.liveness).toBe("unknown");
    expect(result.reason).toMatch(/Problem processing request/);
  });
});
