/**
 * Introspection fixtures for detector tests: loopback emulators that close after each test, the
 * token instance introspection receives, and the two ways a test asks a provider module (through
 * introspectAll, or by calling its `introspect` with a real ProviderHttp).
 */
import { afterEach } from "vitest";
import type { EmulatorHandler } from "../../src/detector-kit/emulator.js";
import { introspectAll } from "../../src/introspect/run.js";
import type { IntrospectOptions } from "../../src/introspect/run.js";
import { createProviderHttp } from "../../src/net/provider-http.js";
import type { Capability, Detector, Introspection, ProviderApi, TokenInstance } from "../../src/types.js";
import { startLoopback } from "./loopback.js";
import type { Loopback } from "./loopback.js";

/**
 * Call once in a suite (or at file level): the returned function starts a loopback serving `handler`,
 * and every loopback it started is closed after each test.
 */
export function loopbacksClosedAfterEach(): (handler: EmulatorHandler) => Promise<Loopback> {
  const open: Loopback[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
  });
  return async (handler) => {
    const loopback = await startLoopback(handler);
    open.push(loopback);
    return loopback;
  };
}

/** A found token as introspection receives it: its companions, and an inference with `capabilities` only. */
export function foundToken(
  ruleId: string,
  secret: string,
  companions: readonly { ruleId: string; secret: string }[] = [],
  capabilities: readonly Capability[] = [],
): TokenInstance {
  return { ruleId, secret, companions, inference: { capabilities: [...capabilities], notes: [] } };
}

/** Introspects one token through introspectAll (budget, allowlist, retries, real HTTP) with its provider at `server`. */
export async function introspectOne(
  detector: Detector,
  token: TokenInstance,
  server: Loopback,
  options: Omit<IntrospectOptions, "offline" | "endpoints"> = {},
): Promise<Introspection> {
  const results = await introspectAll([{ key: "k", detector, token }], { offline: false, endpoints: new Map([[detector.id, server.url]]), ...options });
  return results.get("k")!;
}

/** Calls a provider module's `introspect` directly, with a real ProviderHttp aimed at `server` and no exchange allowed. */
export function introspectDirectly(api: ProviderApi, providerId: string, token: TokenInstance, server: Loopback): Promise<Introspection> {
  const http = createProviderHttp({ providerId, baseUrl: server.url, overridden: true, allow: api.allow, secret: token.secret });
  return api.introspect(token, http, { allowExchange: false, now: new Date() });
}
