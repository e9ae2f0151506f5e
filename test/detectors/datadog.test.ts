/** Datadog: Datadog names only (not ADD_API_KEY), and an application key is checked only with an API key. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/datadog/index.js";
import { foundToken, introspectOne, loopbacksClosedAfterEach } from "../support/introspection.js";

const serve = loopbacksClosedAfterEach();
const ruleSet = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", ruleSet).matches.map((m) => [m.ruleId, m.evidence]);

describe("datadog", () => {
  const rng = createRng(8);

  it("matches dd_ names at a word start only", () => {
    expect(scan(`MY_DD_API_KEY=${rng.hex(32)}\n`)).toEqual([["datadog/api-key", "MY_DD_API_KEY"]]);
    expect(scan(`ADD_API_KEY=${rng.hex(32)}\nPADD_APP_KEY=${rng.hex(40)}\n`)).toEqual([]);
  });

  it("does not call Datadog for an application key found without an API key", async () => {
    const loopback = await serve(() => ({ status: 200, body: { valid: true } }));
    const result = await introspectOne(detector, foundToken("application-key", rng.hex(40)), loopback);
    expect(result.liveness).toBe("unknown");
    expect(loopback.requests).toEqual([]);
  });
});
