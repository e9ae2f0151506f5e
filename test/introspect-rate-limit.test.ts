/** A provider that keeps answering 429 is not asked about the remaining tokens of the run. */
import { afterEach, describe, expect, it } from "vitest";
import { introspectAll } from "../src/introspect/run.js";
import { detectorById } from "../src/registry.js";
import { startLoopback, type Loopback } from "./support/loopback.js";
import { githubToken } from "./support/tokens.js";

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("rate limits", () => {
  it("stops asking a provider that answers 429 past its retries, and says so", async () => {
    const server = await startLoopback(() => ({ status: 429, headers: { "retry-after": "0" }, body: { message: "API rate limit exceeded" } }));
    servers.push(server);
    const github = detectorById("github")!;
    const requests = Array.from({ length: 6 }, (_, i) => ({
      key: `k${i}`,
      detector: github,
      token: { ruleId: "classic-pat", secret: githubToken(900 + i), companions: [], inference: { capabilities: [], notes: [] } },
    }));
    const notices: string[] = [];
    const results = await introspectAll(requests, {
      offline: false,
      endpoints: new Map([["github", server.url]]),
      concurrencyPerProvider: 1,
      maxRetries: 2,
      retryBaseDelayMs: 1,
      onNotice: (n) => notices.push(n.message),
    });
    expect([...results.values()].map((r) => r.liveness)).toEqual(Array(6).fill("unknown"));
    expect(server.requests).toHaveLength(3);
    expect(results.get("k5")?.reason).toMatch(/429.*not asked again/);
    expect(notices).toHaveLength(1);
  });
});
