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

describe("twilio pairing in a .env file", () => {
  it("checks an Auth Token with the Account SID written beside it, through the CLI", async () => {
    const { emulator } = await import("../../detectors/twilio/emulator.js");
    const { createRng } = await import("../../src/detector-kit/index.js");
    const { startLoopback } = await import("../support/loopback.js");
    const { runCli } = await import("../support/cli.js");
    const { tempDir } = await import("../support/temp.js");
    const live = emulator.cases(createRng(1)).find((c) => c.rule === "auth-token" && c.expect.liveness === "live")!;
    const sid = live.companions![0]!.secret;
    const server = await startLoopback(live.handler);
    try {
      const dir = tempDir({ ".env": `TWILIO_ACCOUNT_SID=${sid}\nTWILIO_AUTH_TOKEN=${live.secret}\n` });
      const run = await runCli([dir, "--format", "json", "--endpoint", `twilio=${server.url}`]);
      const report = JSON.parse(run.stdout) as { findings: { ruleId: string; liveness: string }[] };
      expect(report.findings.map((f) => [f.ruleId, f.liveness])).toEqual([["twilio/auth-token", "live"]]);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(run.stdout + run.stderr).not.toContain(live.secret);
    } finally {
      await server.close();
    }
  });
});
