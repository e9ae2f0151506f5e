/**
 * The HTTP layer every provider call passes through (src/net/provider-http.ts), against real loopback
 * servers: allowlist refusals happen before anything is sent, redirects are never followed, timeouts,
 * retries with Retry-After, the call budget, the endpoint override routing, the User-Agent, and no
 * secret in any error message.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorHandler } from "../src/detector-kit/index.js";
import type { AllowedRequest } from "../src/types.js";
import { createProviderHttp, ProviderRequestError, retryDelay } from "../src/net/provider-http.js";
import type { ProviderHttpOptions } from "../src/net/provider-http.js";
import { checkAllowed, forbiddenGraphqlOperation } from "../src/net/allowlist.js";
import { OriginHealth } from "../src/net/origin-health.js";
import { redact, scrub } from "../src/redact.js";
import { htmlPage, malformedJson, neverAnswer, redirectTo, sequence, serverError, startLoopback, unusedLoopbackUrl } from "./support/loopback.js";
import type { Loopback } from "./support/loopback.js";
import { githubToken } from "./support/tokens.js";

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});
async function serve(handler: EmulatorHandler): Promise<Loopback> {
  const loopback = await startLoopback(handler);
  open.push(loopback);
  return loopback;
}

const ok: EmulatorHandler = () => ({ status: 200, body: { ok: true } });
const secret = githubToken(1);

const ALLOW: readonly AllowedRequest[] = [
  { method: "GET", path: "/user" },
  { method: "HEAD", path: "/ping" },
  { method: "GET", path: "/repos/{owner}/{repo}/environments" },
  { method: "GET", path: "/bot{token}/getMe" },
  { method: "POST", path: "/graphql", body: '{"query":"query { me { id } }"}' },
  { method: "POST", path: "/graphql/v2", bodyPattern: /\{"query":"query \{ project\(id: \\"[0-9a-f-]{36}\\"\) \{ id \} \}"\}/ },
  { method: "POST", path: "/api/auth.test" },
  // Accepts any body: only the GraphQL guard stands between it and a mutation.
  { method: "POST", path: "/open", bodyPattern: /[\s\S]{0,10000}/ },
  { method: "GET", path: "/auth/v1/settings", origin: "https://{ref}.supabase.co" },
];

function client(url: string, extra: Partial<ProviderHttpOptions> = {}) {
  return createProviderHttp({
    providerId: "test",
    baseUrl: url,
    overridden: true,
    allow: ALLOW,
    secret,
    retryBaseDelayMs: 10,
    ...extra,
  });
}

async function refusal(promise: Promise<unknown>): Promise<ProviderRequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderRequestError);
  return error as ProviderRequestError;
}

describe("allowlist: refused before anything leaves the process", () => {
  const cases: [string, Parameters<ReturnType<typeof client>["request"]>][] = [
    ["a path not on the list", ["GET", "/user/keys"]],
    ["a method not on the list", ["DELETE" as "GET", "/user"]],
    ["PUT", ["PUT" as "GET", "/user"]],
    ["GET where only HEAD is listed", ["GET", "/ping"]],
    ["a GET with a body", ["GET", "/user", { body: "x" }]],
    ["a template segment holding a slash", ["GET", "/repos/a%2Fb/c/environments"]],
    ["a template segment that walks up", ["GET", "/repos/../c/environments"]],
    ["an empty template segment", ["GET", "/repos//c/environments"]],
    ["an extra segment", ["GET", "/user/x"]],
    ["a trailing slash", ["GET", "/user/"]],
    ["a protocol-relative path", ["GET", "//evil.example/user"]],
    ["a path without leading slash", ["GET", "user"]],
    ["a fragment", ["GET", "/user#x"]],
    ["a POST with another body", ["POST", "/graphql", { body: '{"query":"query { me { id email } }"}' }]],
    ["a POST with a body only partly matching the pattern", ["POST", "/graphql/v2", { body: `{"query":"query { project(id: \\"${"a".repeat(36)}\\") { id } }"}x` }]],
    ["a GraphQL mutation", ["POST", "/open", { body: '{"query":"mutation { volumeDelete(volumeId: \\"x\\") }"}' }]],
    ["a GraphQL subscription", ["POST", "/open", { body: "subscription { events }" }]],
    ["a mutation hidden in a JSON escape", ["POST", "/open", { body: '{"query":"\\u006dutation { x }"}' }]],
    ["a mutation URL-encoded", ["POST", "/open", { body: "query=%6Dutation%20%7Bx%7D" }]],
    ["a Mutation in upper case", ["POST", "/open", { body: "MUTATION { x }" }]],
    ["an origin that does not match the entry's template", ["GET", "/auth/v1/settings", { origin: "https://evil.example" }]],
    ["an origin template label holding a dot", ["GET", "/auth/v1/settings", { origin: "https://a.evil.supabase.co" }]],
    ["an origin for an entry without one", ["GET", "/user", { origin: "https://evil.example" }]],
  ];

  it.each(cases)("%s", async (_name, args) => {
    const server = await serve(ok);
    const http = client(server.url);
    const error = await refusal(http.request(...args));
    expect(error.kind).toBe("refused");
    if (/mutation|subscription/i.test(_name)) expect(error.message).toMatch(/GraphQL (mutation|subscription)/);
    expect(server.requests).toEqual([]);
    expect(http.calls).toBe(0);
  });

  it("the open test entry does send ordinary bodies (so the GraphQL refusals above are the guard's)", async () => {
    const server = await serve(ok);
    await client(server.url).request("POST", "/open", { body: '{"query":"query { me { id } }"}' });
    expect(server.requests).toHaveLength(1);
  });

  it("allows what is listed: template segments, query strings, fixed and patterned POST bodies, origin templates", async () => {
    const server = await serve(ok);
    const http = client(server.url);
    await http.request("GET", "/user?per_page=100");
    await http.request("GET", "/repos/acme/api/environments");
    await http.request("HEAD", "/ping");
    await http.request("GET", `/bot${"1234:abc"}/getMe`);
    await http.request("POST", "/graphql", { body: '{"query":"query { me { id } }"}' });
    await http.request("POST", "/graphql/v2", { body: `{"query":"query { project(id: \\"${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}\\") { id } }"}` });
    await http.request("POST", "/api/auth.test");
    await http.request("GET", "/auth/v1/settings", { origin: "https://abcdefgh.supabase.co" });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /user?per_page=100",
      "GET /repos/acme/api/environments",
      "HEAD /ping",
      "GET /bot1234:abc/getMe",
      "POST /graphql",
      "POST /graphql/v2",
      "POST /api/auth.test",
      "GET /auth/v1/settings",
    ]);
    expect(server.requests[4]?.body).toBe('{"query":"query { me { id } }"}');
  });

  it("a global bodyPattern keeps no state between calls", () => {
    const allow: AllowedRequest[] = [{ method: "POST", path: "/q", bodyPattern: /query \{ a \}/g }];
    for (let i = 0; i < 3; i++) expect(checkAllowed(allow, { method: "POST", path: "/q", body: "query { a }" }, "https://x").allowed).toBe(true);
  });

  it("the GraphQL guard lets queries with look-alike words through", () => {
    expect(forbiddenGraphqlOperation('{"query":"query { subscriptions { id } mutationCount }"}')).toBeUndefined();
    expect(forbiddenGraphqlOperation('{"query":"query Q { me { id } } mutation M { x }"}')).toMatch(/mutation/);
  });
});

describe("destinations", () => {
  it("with an override, every origin goes to the override base and the path is appended to its path", async () => {
    const server = await serve(ok);
    const http = client(`${server.url}/api/v3/`);
    expect(http.baseUrl).toBe(`${server.url}/api/v3`);
    await http.request("GET", "/user");
    await http.request("GET", "/auth/v1/settings", { origin: "https://abcdefgh.supabase.co" });
    expect(server.requests.map((r) => r.path)).toEqual(["/api/v3/user", "/api/v3/auth/v1/settings"]);
  });

  it("without an override, plain http origins are refused (provider origins are https)", async () => {
    const server = await serve(ok);
    const http = client(server.url, { overridden: false });
    const error = await refusal(http.request("GET", "/user"));
    expect(error.kind).toBe("refused");
    expect(server.requests).toEqual([]);
  });

  it("sends tokscan's User-Agent, which callers cannot replace, and the caller's headers", async () => {
    const server = await serve(ok);
    await client(server.url).request("GET", "/user", { headers: { "User-Agent": "curl/8", Authorization: `Bearer ${secret}` } });
    expect(server.requests[0]?.headers["user-agent"]).toMatch(/^tokscan\/0\.\d+\.\d+ \(read-only secret audit\)$/);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${secret}`);
  });
});

describe("answers", () => {
  it("2xx and 4xx resolve, with JSON parsed when the body is JSON", async () => {
    const server = await serve((r) =>
      r.path === "/user" ? { status: 401, body: { message: "Bad credentials" } } : { status: 200, body: "plain text" },
    );
    const http = client(server.url);
    const denied = await http.request("GET", "/user");
    expect(denied).toMatchObject({ status: 401, json: { message: "Bad credentials" } });
    const plain = await http.request("GET", "/repos/a/b/environments");
    expect(plain).toMatchObject({ status: 200, text: "plain text", json: undefined });
  });

  it("HTML and malformed JSON resolve with json undefined (the provider module decides)", async () => {
    const server = await serve(sequence([htmlPage(200), malformedJson(200)], ok));
    const http = client(server.url);
    expect((await http.request("GET", "/user")).json).toBeUndefined();
    expect((await http.request("GET", "/user")).json).toBeUndefined();
  });

  it("a redirect is never followed, to another origin or not", async () => {
    const other = await serve(ok);
    const server = await serve(sequence([redirectTo(`${other.url}/user`, 302), redirectTo("/user", 307)], ok));
    const http = client(server.url);
    const away = await refusal(http.request("GET", "/user"));
    expect(away).toMatchObject({ kind: "redirect", status: 302 });
    expect(away.message).toContain("another origin");
    const same = await refusal(http.request("GET", "/user"));
    expect(same).toMatchObject({ kind: "redirect", status: 307 });
    expect(other.requests).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it("a server that never answers: timeout", async () => {
    const server = await serve(() => neverAnswer());
    const started = Date.now();
    const error = await refusal(client(server.url, { timeoutMs: 200 }).request("GET", "/user"));
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("timeout after 200 ms");
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(server.requests).toHaveLength(1);
  });

  it("a body that stalls after the headers: timeout too", async () => {
    const { createServer } = await import("node:http");
    const sockets = new Set<import("node:net").Socket>();
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"login":');
    });
    stalling.on("connection", (s) => sockets.add(s));
    await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", () => resolve()));
    const port = (stalling.address() as import("node:net").AddressInfo).port;
    try {
      const error = await refusal(client(`http://127.0.0.1:${port}`, { timeoutMs: 200 }).request("GET", "/user"));
      expect(error.kind).toBe("timeout");
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => stalling.close(() => resolve()));
    }
  });

  it("nothing listening: network error", async () => {
    const error = await refusal(client(await unusedLoopbackUrl()).request("GET", "/user"));
    expect(error.kind).toBe("network");
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("500: retried up to maxRetries, then kind http with the status", async () => {
    const server = await serve(() => serverError(503));
    const error = await refusal(client(server.url, { maxRetries: 2 }).request("GET", "/user"));
    expect(error).toMatchObject({ kind: "http", status: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it("429 with Retry-After as an HTTP date, then 200: retried once", async () => {
    const server = await serve(
      sequence([{ status: 429, headers: { "retry-after": new Date(Date.now() + 1_000).toUTCString() }, body: {} }], ok),
    );
    const response = await client(server.url).request("GET", "/user");
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it("Retry-After is honoured but capped", () => {
    expect(retryDelay("1", 0, 100, 5_000)).toBe(1_000);
    expect(retryDelay("3600", 0, 100, 5_000)).toBe(5_000);
    expect(retryDelay(new Date(Date.now() + 60_000).toUTCString(), 0, 100, 5_000)).toBe(5_000);
    expect(retryDelay(new Date(Date.now() - 60_000).toUTCString(), 0, 100, 5_000)).toBe(0);
    expect(retryDelay(null, 2, 100, 5_000)).toBe(400);
    expect(retryDelay("soon", 0, 100, 5_000)).toBe(100);
  });

  it("every attempt counts against the budget; the next one is refused unsent", async () => {
    const server = await serve(sequence([serverError(500)], ok));
    const http = client(server.url, { budget: 3 });
    await http.request("GET", "/user"); // 500 then 200: two calls
    await http.request("GET", "/user");
    expect(http.calls).toBe(3);
    const error = await refusal(http.request("GET", "/user"));
    expect(error.kind).toBe("budget");
    expect(server.requests).toHaveLength(3);
  });

  it("a retry is not sent when it would exceed the budget", async () => {
    const server = await serve(() => serverError(500));
    const error = await refusal(client(server.url, { budget: 1, maxRetries: 2 }).request("GET", "/user"));
    expect(error).toMatchObject({ kind: "http", status: 500 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("origin health shared by a run", () => {
  it("after a timeout, later requests to the origin fail at once without being sent", async () => {
    const server = await serve(() => neverAnswer());
    const health = new OriginHealth();
    const many = Array.from({ length: 5 }, (_, i) =>
      client(server.url, { timeoutMs: 300, originHealth: health, secret: githubToken(10 + i) }).request("GET", "/user"),
    );
    const errors = await Promise.all(many.map(refusal));
    expect(errors.map((e) => e.kind).sort()).toEqual(["network", "network", "network", "network", "timeout"]);
    expect(errors.filter((e) => /not retried for other tokens/.test(e.message))).toHaveLength(4);
    expect(server.requests).toHaveLength(1);
  });

  it("once the origin answered, requests run in parallel", async () => {
    let inFlight = 0;
    let most = 0;
    const server = await serve(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight -= 1;
      return { status: 200, body: {} };
    });
    const health = new OriginHealth();
    await client(server.url, { originHealth: health }).request("GET", "/user");
    await Promise.all(Array.from({ length: 4 }, () => client(server.url, { originHealth: health }).request("GET", "/user")));
    expect(most).toBe(4);
  });

  it("a refused request does not decide the origin's health", async () => {
    const server = await serve(ok);
    const health = new OriginHealth();
    await refusal(client(server.url, { originHealth: health }).request("GET", "/nope"));
    expect((await client(server.url, { originHealth: health }).request("GET", "/user")).status).toBe(200);
  });
});

describe("secrets never appear in errors", () => {
  it("a refused path holding the secret is reported redacted", async () => {
    const server = await serve(ok);
    const error = await refusal(client(server.url).request("GET", `/tokens/${secret}`));
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain(redact(secret));
    expect(String(error.stack)).not.toContain(secret);
  });

  it("a timeout on a path holding the secret (and a companion) is reported redacted", async () => {
    const companion = githubToken(2);
    const server = await serve(() => neverAnswer());
    const http = createProviderHttp({
      providerId: "telegram",
      baseUrl: server.url,
      overridden: true,
      allow: [{ method: "GET", path: "/bot{token}/getMe" }],
      secret,
      companionSecrets: [companion],
      timeoutMs: 150,
    });
    const error = await refusal(http.request("GET", `/bot${secret}${companion}/getMe`));
    expect(error.kind).toBe("timeout");
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(companion);
  });
});

describe("redact and scrub", () => {
  it("redact keeps the first 4 and last 2 characters of long secrets, nothing of short ones", () => {
    expect(redact(secret)).toBe(`${secret.slice(0, 4)}…${secret.slice(-2)}`);
    expect(redact("short-secret")).toBe("…");
  });

  it("scrub replaces raw, URL-encoded and JSON-escaped forms, longest secret first", () => {
    const slashy = `${secret}/+"x`;
    const text = `a ${slashy} b ${encodeURIComponent(slashy)} c ${JSON.stringify(slashy)} d ${secret}`;
    const out = scrub(text, [secret, slashy]);
    expect(out).not.toContain(secret);
    expect(out).toContain(redact(slashy));
    expect(scrub("abc", "ab")).toBe("abc");
  });
});
