/** Twilio: introspection needs the identifier beside the secret, and sends nothing without it. */
import { afterEach, describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { introspectAll } from "../../src/introspect/run.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/twilio/index.js";
import { startLoopback } from "../support/loopback.js";
import type { Loopback } from "../support/loopback.js";

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

describe("twilio", () => {
  it("does not call Twilio for an Auth Token found without its Account SID", async () => {
    const loopback = await startLoopback(() => ({ status: 200, body: {} }));
    open.push(loopback);
    const secret = createRng(3).hex(32);
    const results = await introspectAll(
      [{ key: "k", detector, token: { ruleId: "auth-token", secret, companions: [], inference: { capabilities: [], notes: [] } } }],
      { offline: false, endpoints: new Map([["twilio", loopback.url]]) },
    );
    expect(results.get("k")).toMatchObject({ liveness: "unknown" });
    expect(results.get("k")?.reason).toMatch(/Account SID/);
    expect(loopback.requests).toEqual([]);
  });

  it("takes the Account SID passed to the client as evidence", () => {
    const rng = createRng(4);
    const sid = `AC${rng.hex(32)}`;
    const token = rng.hex(32);
    const matches = scanContent(Buffer.from(`const client = require('twilio')('${sid}', '${token}');\n`), "sms.js", compileRules([detector])).matches;
    expect(matches.map((m) => [m.ruleId, m.secret, m.evidence])).toEqual([["twilio/auth-token-with-sid", token, sid]]);
  });
});
