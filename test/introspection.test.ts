/**
 * Introspection of every provider with an `api`, against its loopback emulator
 * (detectors/<id>/emulator.ts), through the real runner and HTTP layer:
 * - every emulator case yields its expected liveness, owner, scopes and capabilities;
 * - every request the provider module sent was on its allowlist (GET/HEAD or an allowlisted POST, never
 *   a GraphQL mutation), carried tokscan's User-Agent and stayed within the call budget;
 * - the secret appears in no result or notice, and reaches only its own provider's server;
 * - generic failures (no answer, 500, HTML, redirect to another origin, malformed JSON) yield "unknown"
 *   with a reason, never "live";
 * - runner behaviour: offline, unsupported rules, the per-run cache, the per-provider concurrency
 *   limit, one timeout for an unreachable origin, one notice per provider.
 */
import { afterEach, describe, expect, it } from "vitest";
import { detectors } from "../src/registry.js";
import { createRng } from "../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatorHandler, IntrospectionCase, ProviderEmulator } from "../src/detector-kit/index.js";
import type { Detector, Introspection, Notice, ProviderApi, TokenInstance } from "../src/types.js";
import { introspectAll, OFFLINE_REASON, UNSUPPORTED_REASON } from "../src/introspect/run.js";
import type { IntrospectOptions } from "../src/introspect/run.js";
import { checkAllowed, forbiddenGraphqlOperation } from "../src/net/allowlist.js";
import { redact } from "../src/redact.js";
import {
  htmlPage,
  malformedJson,
  neverAnswer,
  rateLimited,
  redirectTo,
  sequence,
  serverError,
  startLoopback,
  unusedLoopbackUrl,
} from "./support/loopback.js";
import type { Loopback } from "./support/loopback.js";
import { githubToken } from "./support/tokens.js";
import { capabilitiesOfScopes, expandScopes, parseGithubExpiration } from "../detectors/github/api.js";

const withApi = detectors.filter((d): d is Detector & { api: ProviderApi } => d.api !== undefined);
const github = withApi.find((d) => d.id === "github");

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

async function serve(handler: EmulatorHandler): Promise<Loopback> {
  const loopback = await startLoopback(handler);
  open.push(loopback);
  return loopback;
}

async function loadEmulator(id: string): Promise<ProviderEmulator> {
  const module = (await import(`../detectors/${id}/emulator.ts`)) as { emulator?: ProviderEmulator };
  if (!module.emulator) throw new Error(`detectors/${id}/emulator.ts exports no \`emulator\``);
  return module.emulator;
}

function tokenOf(detector: Detector, testCase: Pick<IntrospectionCase, "rule" | "secret" | "companions">): TokenInstance {
  const rule = detector.rules.find((r) => r.id === testCase.rule);
  return {
    ruleId: testCase.rule,
    secret: testCase.secret,
    companions: (testCase.companions ?? []).map((c) => ({ ruleId: c.rule, secret: c.secret })),
    inference: { capabilities: [...(rule?.capabilities ?? [])], notes: [] },
  };
}

const secretsOf = (testCase: Pick<IntrospectionCase, "secret" | "companions">): string[] =>
  [testCase.secret, ...(testCase.companions ?? []).map((c) => c.secret)].filter((s) => s.length >= 8);

interface CaseRun {
  result: Introspection;
  notices: Notice[];
  requests: EmulatedRequest[];
  elsewhere: EmulatedRequest[];
  ms: number;
}

/**
 * Runs one token through introspectAll with the provider pointed at a loopback serving `handler`, and
 * every other provider pointed at a second loopback that must receive nothing.
 */
async function runCase(
  detector: Detector,
  testCase: Pick<IntrospectionCase, "rule" | "secret" | "companions">,
  handler: EmulatorHandler,
  options: Partial<IntrospectOptions> = {},
): Promise<CaseRun> {
  const server = await serve(handler);
  const decoy = await serve(() => ({ status: 418, body: { message: "wrong provider" } }));
  const endpoints = new Map(withApi.map((d) => [d.id, d.id === detector.id ? server.url : decoy.url] as const));
  const notices: Notice[] = [];
  const started = Date.now();
  const results = await introspectAll([{ key: "case", detector, token: tokenOf(detector, testCase) }], {
    offline: false,
    endpoints,
    timeoutMs: 5_000,
    allowExchange: true,
    retryBaseDelayMs: 10,
    onNotice: (n) => notices.push(n),
    ...options,
  });
  const result = results.get("case");
  if (!result) throw new Error("no result for the case");
  return { result, notices, requests: server.requests, elsewhere: decoy.requests, ms: Date.now() - started };
}

/** Everything a request carries, for looking for secrets in it (Basic auth decoded too). */
function requestText(request: EmulatedRequest): string {
  const parts = [request.path, request.body, ...Object.values(request.headers)];
  const basic = /^basic (\S{1,2000})$/i.exec(request.headers.authorization ?? "");
  if (basic?.[1]) parts.push(Buffer.from(basic[1], "base64").toString("utf8"));
  return parts.join("\n");
}

function assertNoSecret(secrets: readonly string[], run: CaseRun): void {
  const output = JSON.stringify({ result: run.result, notices: run.notices });
  for (const secret of secrets) {
    expect(output.includes(secret), "secret in the result or notices").toBe(false);
    for (const request of run.elsewhere) expect(requestText(request).includes(secret), "secret sent to another provider").toBe(false);
  }
  expect(run.elsewhere, "requests to another provider's server").toEqual([]);
}

function assertAllowed(detector: Detector & { api: ProviderApi }, requests: readonly EmulatedRequest[]): void {
  // The override sends every origin to one server: check (method, path, body) against every entry.
  const anyOrigin = detector.api.allow.map(({ origin: _origin, ...entry }) => entry);
  for (const request of requests) {
    expect(["GET", "HEAD", "POST"]).toContain(request.method);
    const verdict = checkAllowed(anyOrigin, { method: request.method, path: request.path, body: request.body }, "http://loopback", {
      allowExchange: true,
    });
    expect(verdict, `${request.method} ${request.path.split("?")[0]} on the allowlist`).toMatchObject({ allowed: true });
    if (request.method === "POST") expect(forbiddenGraphqlOperation(request.body)).toBeUndefined();
    expect(request.headers["user-agent"]).toMatch(/^tokscan\/\d+\.\d+\.\d+\S* \(read-only secret audit\)$/);
  }
  expect(requests.length).toBeLessThanOrEqual(detector.api.callBudget ?? 25);
}

function assertExpected(testCase: IntrospectionCase, result: Introspection): void {
  const { expect: wanted } = testCase;
  expect(result.liveness, result.reason).toBe(wanted.liveness);
  if (wanted.owner !== undefined) expect(result.owner).toBe(wanted.owner);
  if (wanted.account !== undefined) expect(result.account).toBe(wanted.account);
  if (wanted.tokenClass !== undefined) expect(result.tokenClass).toBe(wanted.tokenClass);
  for (const c of wanted.capabilities ?? []) expect(result.capabilities ?? [], `capability ${c}`).toContain(c);
  for (const c of wanted.absentCapabilities ?? []) expect(result.capabilities ?? [], `capability ${c}`).not.toContain(c);
  for (const s of wanted.scopes ?? []) expect(result.scopes ?? [], `scope ${s}`).toContain(s);
  const words = [...(result.facts ?? []), ...(result.resources ?? [])].join("\n");
  for (const m of wanted.mentions ?? []) expect(words, `mention of ${m}`).toContain(m);
  if (result.liveness !== "live") expect(result.reason, "a reason for a result that is not live").toBeTruthy();
}

it("at least GitHub has an api (the model provider)", () => {
  expect(github).toBeDefined();
});

describe.each(withApi.map((d) => [d.id, d] as const))("provider %s", (id, detector) => {
  it("has an emulator with at least one live and one inactive case, each for a rule the api supports", async () => {
    const cases = (await loadEmulator(id)).cases(createRng(7));
    expect(cases.some((c) => c.expect.liveness === "live"), "a live case").toBe(true);
    expect(cases.some((c) => c.expect.liveness === "inactive"), "an inactive case").toBe(true);
    for (const c of cases) {
      expect(detector.rules.map((r) => r.id), `rule of case "${c.name}"`).toContain(c.rule);
      if (detector.api.rules) expect(detector.api.rules, `rule of case "${c.name}" is introspected`).toContain(c.rule);
    }
  });

  it("answers every emulator case as expected, on its allowlist, without leaking the secret", async () => {
    const cases = (await loadEmulator(id)).cases(createRng(7));
    for (const testCase of cases) {
      const run = await runCase(detector, testCase, testCase.handler);
      try {
        assertExpected(testCase, run.result);
        assertAllowed(detector, run.requests);
        assertNoSecret(secretsOf(testCase), run);
      } catch (error) {
        throw new Error(`case "${testCase.name}": ${(error as Error).message}`);
      }
    }
  });

  describe("generic failures, with the first live case's token", () => {
    const firstLive = async (): Promise<IntrospectionCase> => {
      const live = (await loadEmulator(id)).cases(createRng(7)).find((c) => c.expect.liveness === "live");
      if (!live) throw new Error("no live case");
      return live;
    };
    const failure = async (handler: EmulatorHandler, options: Partial<IntrospectOptions> = {}): Promise<CaseRun> => {
      const testCase = await firstLive();
      const run = await runCase(detector, testCase, handler, options);
      expect(run.result.liveness, run.result.reason).toBe("unknown");
      expect(run.result.reason).toBeTruthy();
      assertNoSecret(secretsOf(testCase), run);
      assertAllowed(detector, run.requests);
      return run;
    };

    it("a server that never answers: unknown (timeout)", async () => {
      const run = await failure(() => neverAnswer(), { timeoutMs: 300 });
      expect(run.result.reason).toMatch(/timeout/);
      expect(run.requests).toHaveLength(1);
    });

    it("500 on every request: unknown after a few retries", async () => {
      const run = await failure(() => serverError(500));
      expect(run.result.reason).toMatch(/500/);
      expect(run.requests.length).toBeGreaterThanOrEqual(2);
      expect(run.requests.length).toBeLessThanOrEqual(3);
    });

    it("an HTML page with 200: unknown, never live", async () => {
      await failure(() => htmlPage(200));
    });

    it("a redirect to another origin: unknown, and the other origin receives nothing", async () => {
      const other = await serve(() => ({ status: 200, body: {} }));
      const run = await failure(() => redirectTo(`${other.url}/steal`));
      expect(run.result.reason).toMatch(/redirect/);
      expect(other.requests).toEqual([]);
    });

    it("malformed JSON with 200: unknown", async () => {
      await failure(() => malformedJson(200));
    });
  });
});

describe("GitHub specifics", () => {
  const gh = github as Detector & { api: ProviderApi };

  it("429 with Retry-After: 1, then the emulator: retried after about a second and live", async () => {
    const live = (await loadEmulator("github")).cases(createRng(7)).find((c) => c.expect.liveness === "live");
    if (!live) throw new Error("no live case");
    const run = await runCase(gh, live, sequence([rateLimited(1)], live.handler));
    expect(run.result.liveness, run.result.reason).toBe("live");
    expect(run.requests[0]?.path).toBe(run.requests[1]?.path);
    expect(run.ms).toBeGreaterThanOrEqual(900);
    assertAllowed(gh, run.requests);
  });

  it("sends the token as a Bearer header to GET /user and nowhere in the URL", async () => {
    const live = (await loadEmulator("github")).cases(createRng(7)).find((c) => c.expect.liveness === "live");
    if (!live) throw new Error("no live case");
    const run = await runCase(gh, live, live.handler);
    expect(run.requests[0]).toMatchObject({ method: "GET", path: "/user" });
    expect(run.requests[0]?.headers.authorization).toBe(`Bearer ${live.secret}`);
    for (const r of run.requests) expect(r.path.includes(live.secret)).toBe(false);
  });

  it("never sends a refresh token (ghr_): unchecked without a request", async () => {
    const refresh = githubToken(11, "ghr");
    const run = await runCase(gh, { rule: "app-refresh-token", secret: refresh }, () => ({ status: 200, body: { login: "x" } }));
    expect(run.result).toEqual({ liveness: "unchecked", reason: UNSUPPORTED_REASON });
    expect(run.requests).toEqual([]);
  });

  it("an answer without login is an unexpected shape: unknown", async () => {
    const run = await runCase(gh, { rule: "classic-pat", secret: githubToken(12) }, () => ({
      status: 200,
      headers: { "x-oauth-scopes": "repo" },
      body: { message: "ok" },
    }));
    expect(run.result.liveness).toBe("unknown");
    expect(run.result.reason).toMatch(/unexpected response shape/);
  });

  it("expands implied scopes and maps scopes to capabilities", () => {
    expect(expandScopes(["admin:org"])).toEqual(["admin:org", "manage_runners:org", "read:org", "write:org"]);
    expect(expandScopes(["repo"])).toContain("public_repo");
    expect(capabilitiesOfScopes(["delete_repo"])).toEqual(["DELETE_DATA"]);
    expect(capabilitiesOfScopes(["workflow"])).toEqual(["CODE_WRITE", "SECRETS_READ"]);
    expect(capabilitiesOfScopes(["read:user", "user:email", "gist", "notifications"])).toEqual([]);
  });

  it("parses the token expiration header in both documented forms", () => {
    expect(parseGithubExpiration("2026-12-31 23:59:59 UTC")).toBe("2026-12-31T23:59:59.000Z");
    expect(parseGithubExpiration("2026-12-01 10:00:00 +0100")).toBe("2026-12-01T09:00:00.000Z");
    expect(parseGithubExpiration("2026-12-01 10:00:00 -07:00")).toBe("2026-12-01T17:00:00.000Z");
    expect(parseGithubExpiration("soon")).toBeUndefined();
    expect(parseGithubExpiration(null)).toBeUndefined();
  });

  it("a classic token answered without X-OAuth-Scopes keeps its offline ceiling and class", async () => {
    const run = await runCase(gh, { rule: "classic-pat", secret: githubToken(14) }, (r) =>
      r.path.startsWith("/user/repos")
        ? { status: 200, body: [{ full_name: "octo/x", permissions: { admin: true, push: true } }] }
        : { status: 200, body: { login: "octo", id: 1 } },
    );
    expect(run.result.liveness).toBe("live");
    expect(run.result.tokenClass).toBe("classic personal access token (scopes not reported)");
    expect(run.result.capabilities).toEqual([...(gh.rules.find((r) => r.id === "classic-pat")?.capabilities ?? [])].sort());
  });

  it("a 403 rate-limit answer is unknown, not inactive", async () => {
    const run = await runCase(gh, { rule: "classic-pat", secret: githubToken(13) }, () => ({
      status: 403,
      headers: { "x-ratelimit-remaining": "0" },
      body: { message: "API rate limit exceeded for user ID 1." },
    }));
    expect(run.result.liveness).toBe("unknown");
    expect(run.result.reason).toMatch(/rate limit/);
  });
});

describe("introspectAll", () => {
  const gh = github as Detector & { api: ProviderApi };
  const inactive: EmulatorHandler = () => ({ status: 401, body: { message: "Bad credentials" } });
  const token = (seed: number): TokenInstance => tokenOf(gh, { rule: "classic-pat", secret: githubToken(seed) });

  it("offline: every token unchecked, nothing sent", async () => {
    const server = await serve(inactive);
    const results = await introspectAll(
      [{ key: "a", detector: gh, token: token(1) }],
      { offline: true, endpoints: new Map([["github", server.url]]) },
    );
    expect(results.get("a")).toEqual({ liveness: "unchecked", reason: OFFLINE_REASON });
    expect(server.requests).toEqual([]);
  });

  it("a detector without api: unchecked with the reason", async () => {
    const noApi = detectors.find((d) => d.api === undefined);
    if (!noApi) return; // every detector has an api: nothing to check
    const results = await introspectAll(
      [{ key: "a", detector: noApi, token: { ruleId: noApi.rules[0]?.id ?? "x", secret: "x".repeat(20), companions: [], inference: { capabilities: [], notes: [] } } }],
      { offline: false, endpoints: new Map() },
    );
    expect(results.get("a")).toEqual({ liveness: "unchecked", reason: UNSUPPORTED_REASON });
  });

  it("asks once per distinct token within a run (cache by token hash)", async () => {
    const server = await serve(inactive);
    const same = token(2);
    const results = await introspectAll(
      [
        { key: "a", detector: gh, token: same },
        { key: "b", detector: gh, token: { ...same, companions: [] } },
        { key: "c", detector: gh, token: token(3) },
      ],
      { offline: false, endpoints: new Map([["github", server.url]]) },
    );
    expect([...results.values()].map((r) => r.liveness)).toEqual(["inactive", "inactive", "inactive"]);
    expect(server.requests).toHaveLength(2);
  });

  it("keeps at most `concurrencyPerProvider` tokens of one provider in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const server = await serve(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 60));
      inFlight -= 1;
      return { status: 401, body: { message: "Bad credentials" } };
    });
    const requests = Array.from({ length: 10 }, (_, i) => ({ key: String(i), detector: gh, token: token(100 + i) }));
    const results = await introspectAll(requests, { offline: false, endpoints: new Map([["github", server.url]]), concurrencyPerProvider: 3 });
    expect(results.size).toBe(10);
    expect(server.requests).toHaveLength(10);
    expect(most).toBe(3);
  });

  it("an unreachable origin costs one timeout for many tokens, and one notice", async () => {
    const server = await serve(() => neverAnswer());
    const tokens = Array.from({ length: 8 }, (_, i) => token(200 + i));
    const notices: Notice[] = [];
    const started = Date.now();
    const results = await introspectAll(
      tokens.map((t, i) => ({ key: String(i), detector: gh, token: t })),
      { offline: false, endpoints: new Map([["github", server.url]]), timeoutMs: 400, onNotice: (n) => notices.push(n) },
    );
    const elapsed = Date.now() - started;
    expect(server.requests).toHaveLength(1);
    expect(elapsed).toBeLessThan(400 * 2);
    const reasons = [...results.values()].map((r) => r.reason ?? "");
    expect([...results.values()].every((r) => r.liveness === "unknown")).toBe(true);
    expect(reasons.filter((r) => /timeout after 400 ms/.test(r) && !/not retried/.test(r))).toHaveLength(1);
    expect(reasons.filter((r) => /network unreachable: .*not retried for other tokens/.test(r))).toHaveLength(7);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ path: "github", kind: "provider" });
    expect(notices[0]?.message).toMatch(/8 tokens/);
    const output = JSON.stringify({ results: [...results.values()], notices });
    for (const t of tokens) expect(output.includes(t.secret)).toBe(false);
  });

  it("connection refused: one attempt, later tokens fail without a request", async () => {
    const url = await unusedLoopbackUrl();
    const results = await introspectAll(
      [0, 1, 2].map((i) => ({ key: String(i), detector: gh, token: token(300 + i) })),
      { offline: false, endpoints: new Map([["github", url]]), timeoutMs: 2_000 },
    );
    const reasons = [...results.values()].map((r) => r.reason ?? "");
    expect(reasons.filter((r) => /network error: ECONNREFUSED/.test(r))).toHaveLength(1);
    expect(reasons.filter((r) => /not retried for other tokens/.test(r))).toHaveLength(2);
  });

  it("scrubs the secret from whatever a provider module returns or throws", async () => {
    const secret = githubToken(400);
    const leaky: Detector = {
      ...gh,
      id: "leaky",
      api: {
        ...gh.api,
        async introspect(t) {
          if (t.companions.length > 0) throw new Error(`boom ${t.secret} and ${t.companions[0]?.secret ?? ""}`);
          return { liveness: "live", owner: `owner ${t.secret}`, facts: [`token ${encodeURIComponent(t.secret)}`] };
        },
      },
    };
    const companion = githubToken(401);
    const results = await introspectAll(
      [
        { key: "a", detector: leaky, token: { ...tokenOf(gh, { rule: "classic-pat", secret }) } },
        { key: "b", detector: leaky, token: { ...tokenOf(gh, { rule: "classic-pat", secret }), companions: [{ ruleId: "classic-pat", secret: companion }] } },
      ],
      { offline: false, endpoints: new Map() },
    );
    const output = JSON.stringify([...results.values()]);
    expect(output.includes(secret)).toBe(false);
    expect(output.includes(companion)).toBe(false);
    expect(output).toContain(redact(secret));
    expect(results.get("b")).toMatchObject({ liveness: "unknown" });
    expect(results.get("b")?.reason).toMatch(/^introspection failed: boom/);
  });

  it("a provider module returning nonsense liveness becomes unknown", async () => {
    const odd: Detector = { ...gh, api: { ...gh.api, introspect: async () => ({ liveness: "alive" }) as unknown as Introspection } };
    const results = await introspectAll([{ key: "a", detector: odd, token: token(500) }], { offline: false, endpoints: new Map() });
    expect(results.get("a")?.liveness).toBe("unknown");
  });
});
