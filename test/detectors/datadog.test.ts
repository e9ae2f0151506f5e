/** Datadog: Datadog names only (not ADD_API_KEY), and an application key is checked only with an API key. */
import { afterEach, describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { introspectAll } from "../../src/introspect/run.js";
import { detector } from "../../detectors/datadog/index.js";
import { startLoopback } from "../support/loopback.js";
import type { Loopback } from "../support/loopback.js";

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});
const ruleSet = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", ruleSet).matches.map((m) => [m.ruleId, m.evidence]);

describe("datadog", () => {
  const rng = createRng(8);

  it("matches dd_ names at a word start only", () => {
    expect(scan(`MY_DD_API_KEY=${rng.hex(32)}\n`)).toEqual([["datadog/api-key", "MY_DD_API_KEY"]]);
    expect(scan(`ADD_API_KEY=${rng.hex(32)}\nPADD_APP_KEY=${rng.hex(40)}\n`)).toEqual([]);
  });

  it("does not call Datadog for an application key found without an API key", async () => {
    const loopback = await startLoopback(() => ({ status: 200, body: { valid: true } }));
    open.push(loopback);
    const results = await introspectAll(
      [{ key: "k", detector, token: { ruleId: "application-key", secret: rng.hex(40), companions: [], inference: { capabilities: [], notes: [] } } }],
      { offline: false, endpoints: new Map([["datadog", loopback.url]]) },
    );
    expect(results.get("k")?.liveness).toBe("unknown");
    expect(loopback.requests).toEqual([]);
  });
});
