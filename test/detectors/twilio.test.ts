/** Twilio: introspection needs the identifier beside the secret, and sends nothing without it. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/twilio/index.js";
import { foundToken, introspectOne, loopbacksClosedAfterEach } from "../support/introspection.js";

const serve = loopbacksClosedAfterEach();

describe("twilio", () => {
  it("does not call Twilio for an Auth Token found without its Account SID", async () => {
    const loopback = await serve(() => ({ status: 200, body: {} }));
    const result = await introspectOne(detector, foundToken("auth-token", createRng(3).hex(32)), loopback);
    expect(result).toMatchObject({ liveness: "unknown" });
    expect(result.reason).toMatch(/Account SID/);
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
