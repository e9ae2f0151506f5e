/** The shared detector-kit helpers that many detectors, provider modules and emulators build on. */
import { describe, expect, it } from "vitest";
import {
  answeredInactive,
  answeredUnknown,
  bearerTokenOf,
  createRng,
  escapeRegex,
  fixedInference,
  inactiveCase,
  listNames,
  listRecords,
  messageSuffix,
  nonEmptyString,
  notReadable,
  prefixedTokenRule,
  shannonEntropy,
  unexpectedShape,
  validWhen,
} from "../../src/detector-kit/index.js";
import type { EmulatedRequest, HttpResponse } from "../../src/detector-kit/index.js";
import { createProviderHttp } from "../../src/net/provider-http.js";
import { loopbacksClosedAfterEach } from "../support/introspection.js";

const answer = (json: unknown): HttpResponse => ({ status: 400, headers: new Headers(), text: JSON.stringify(json), json });

describe("detector-kit rule builders", () => {
  const rule = prefixedTokenRule({
    id: "key",
    title: "Example key",
    prefix: "Ex1.0-",
    body: "[0-9a-f]{8}",
    bodyMax: 8,
    capabilities: ["SPEND"],
    lifetime: "short",
    tokenClass: "key",
    notes: ["a note"],
  });

  it("builds a prefixed rule: literal prefix, lower-case keyword, word boundaries, window of prefix + body", () => {
    expect(rule.keywords).toEqual(["ex1.0-"]);
    expect(rule.maxLength).toBe(6 + 8);
    expect(rule.confidence).toBe("high");
    const hex = createRng(1).hex(8);
    expect(rule.pattern.exec(`k=Ex1.0-${hex}\n`)?.[0]).toBe(`Ex1.0-${hex}`);
    expect(rule.pattern.test(`Ex1x0-${hex}`)).toBe(false);
    expect(rule.pattern.test(`xEx1.0-${hex}`)).toBe(false);
    expect(rule.pattern.test(`Ex1.0-${hex}a`)).toBe(false);
    expect(rule.pattern.test(`ex1.0-${hex}`)).toBe(false);
  });

  it("gives every match the same inference, with the rule's capabilities and lifetime, in fresh arrays", () => {
    const first = rule.infer!("x");
    expect(first).toEqual({ tokenClass: "key", capabilities: ["SPEND"], lifetime: "short", notes: ["a note"] });
    first.capabilities.push("IAM_WRITE");
    first.notes.push("changed");
    expect(rule.infer!("y")).toEqual({ tokenClass: "key", capabilities: ["SPEND"], lifetime: "short", notes: ["a note"] });
    expect(fixedInference("c", [], "long", [])()).toEqual({ tokenClass: "c", capabilities: [], lifetime: "long", notes: [] });
  });

  it("lets a rule override what the builder sets", () => {
    const spec = { id: "k", title: "K", prefix: "k_", body: "[a-z]{4}", bodyMax: 4, capabilities: [], lifetime: "long", tokenClass: "k", notes: [] } as const;
    expect(prefixedTokenRule(spec).pattern.test("k_abcdz")).toBe(false);
    const withEnd = prefixedTokenRule({ ...spec, end: "" }, { testMode: true });
    expect(withEnd.pattern.test("k_abcdz")).toBe(true);
    expect(withEnd.testMode).toBe(true);
  });

  it("validates with a test and a reason", () => {
    const validate = validWhen((secret) => secret.startsWith("ok"), "does not start with ok");
    expect(validate("ok-1")).toEqual({ ok: true });
    expect(validate("no")).toEqual({ ok: false, reason: "does not start with ok" });
    expect(validWhen(() => undefined, "nothing decoded")("x")).toEqual({ ok: false, reason: "nothing decoded" });
  });

  it("escapes regex syntax and measures entropy", () => {
    expect(new RegExp(escapeRegex("a.b*(c)")).test("a.b*(c)")).toBe(true);
    expect(new RegExp(escapeRegex("a.b")).test("axb")).toBe(false);
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
    expect(shannonEntropy("")).toBe(0);
  });
});

describe("detector-kit provider-module helpers", () => {
  const serve = loopbacksClosedAfterEach();

  it("reads strings and messages defensively", () => {
    expect(nonEmptyString("a")).toBe("a");
    expect([nonEmptyString(""), nonEmptyString(3), nonEmptyString(null)]).toEqual([undefined, undefined, undefined]);
    expect(messageSuffix(answer({ message: "Bad credentials" }))).toBe(" (Bad credentials)");
    expect(messageSuffix(answer({ message: "m".repeat(200) }))).toBe(` (${"m".repeat(120)})`);
    expect([messageSuffix(answer({ message: "" })), messageSuffix(answer(["message"])), messageSuffix(answer({ error: "x" }))]).toEqual(["", "", ""]);
  });

  it("words results the same way for every provider", () => {
    expect(listNames(["a", "b"])).toBe("a, b");
    expect(listNames(["a", "b", "c", "d"], 2)).toBe("a, b and 2 more");
    expect(notReadable("teams", new Error("HTTP 500"))).toBe("teams not readable (HTTP 500)");
    expect(notReadable("teams", "timeout")).toBe("teams not readable (timeout)");
    expect(answeredInactive("Acme", 401, "GET /me", "revoked")).toEqual({ liveness: "inactive", reason: "Acme answered 401 to GET /me: revoked" });
    expect(answeredUnknown("Acme", 502, "GET /me")).toEqual({ liveness: "unknown", reason: "Acme answered 502 to GET /me" });
    expect(unexpectedShape("GET /me")).toEqual({ liveness: "unknown", reason: "unexpected response shape from GET /me" });
  });

  it("lists the objects of a JSON array, or says why not", async () => {
    const server = await serve((request) =>
      request.path === "/items" ? { status: 200, body: [{ id: 1 }, "skip", null, { id: 2 }] } : request.path === "/object" ? { status: 200, body: { id: 1 } } : { status: 403, body: {} },
    );
    const allow = ["/items", "/object", "/denied"].map((path) => ({ method: "GET" as const, path }));
    const http = createProviderHttp({ providerId: "acme", baseUrl: server.url, overridden: true, allow, secret: "s3cr3t-value", maxRetries: 0 });
    expect(await listRecords(http, "/items", {})).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await listRecords(http, "/object", {})).toBe("HTTP 200");
    expect(await listRecords(http, "/denied", {})).toBe("HTTP 403");
    expect(await listRecords(http, "/not-allowed", {})).toMatch(/not allowed|allowlist/i);
  });
});

describe("detector-kit emulator helpers", () => {
  it("reads a bounded Bearer token", () => {
    const request = (authorization?: string): EmulatedRequest => ({ method: "GET", path: "/", headers: authorization === undefined ? {} : { authorization }, body: "" });
    expect(bearerTokenOf(request("Bearer abc"))).toBe("abc");
    expect(bearerTokenOf(request(`Bearer ${"a".repeat(201)}`))).toBeUndefined();
    expect(bearerTokenOf(request(`Bearer ${"a".repeat(201)}`), 300)).toBe("a".repeat(201));
    expect([bearerTokenOf(request("Basic abc")), bearerTokenOf(request()), bearerTokenOf(request("Bearer a b"))]).toEqual([undefined, undefined, undefined]);
  });

  it("builds a case that expects inactive", () => {
    const handler = () => ({ status: 401 });
    expect(inactiveCase("revoked", "api-key", "s", handler)).toEqual({ name: "revoked", rule: "api-key", secret: "s", handler, expect: { liveness: "inactive" } });
  });
});
