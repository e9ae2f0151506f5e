/** Postmark: UUID tokens only with Postmark evidence; account tokens told apart by the key name. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/postmark/index.js";
import { api } from "../../detectors/postmark/api.js";
import { createPostmarkEmulator } from "../../detectors/postmark/emulator.js";
import { foundToken, introspectDirectly, loopbacksClosedAfterEach } from "../support/introspection.js";
import { expectFastOnRepeats } from "../support/speed.js";

const compiled = compileRules([detector]);
const found = (content: string) =>
  scanContent(Buffer.from(content), ".env", compiled).matches.map((m) => [m.ruleId, m.secret, m.evidence]);

describe("postmark detector", () => {
  const rng = createRng(2);

  it("reports server and account tokens by key name, with the key as evidence", () => {
    const server = rng.uuid();
    const account = rng.uuid();
    expect(found(`POSTMARK_SERVER_TOKEN=${server}\nPOSTMARK_ACCOUNT_TOKEN=${account}\n`)).toEqual([
      ["postmark/server-token", server, "POSTMARK_SERVER_TOKEN"],
      ["postmark/account-token", account, "POSTMARK_ACCOUNT_TOKEN"],
    ]);
  });

  it("reads the X-Postmark-*-Token headers as evidence", () => {
    const server = rng.uuid();
    const account = rng.uuid();
    const content = `-H "X-Postmark-Server-Token: ${server}"\n-H "X-Postmark-Account-Token: ${account}"\n`;
    expect(found(content).map(([rule]) => rule)).toEqual(["postmark/server-token", "postmark/account-token"]);
  });

  it("ignores UUIDs without Postmark evidence and the POSTMARK_API_TEST value", () => {
    expect(found(`TRACE_ID=${rng.uuid()}\nPOSTMARK_SERVER_TOKEN=POSTMARK_API_TEST\n`)).toEqual([]);
  });

  it("scores the account token above the server token", () => {
    const [account, server] = detector.rules;
    expect(account!.capabilities).toEqual(expect.arrayContaining(["ACCOUNT_WIDE", "DELETE_INFRA", "IAM_WRITE"]));
    expect(server!.capabilities).not.toContain("ACCOUNT_WIDE");
  });

  it("stays fast on adversarial repetitions of its keyword", () => {
    expectFastOnRepeats(compiled, ["postmark", "postmark_account_token ", "X-Postmark-Server-Token: 0"]);
  });

  describe("introspection", () => {
    const serve = loopbacksClosedAfterEach();

    it("asks /server with the server header first, then /servers with the account header", async () => {
      const secret = rng.uuid();
      const server = await serve(createPostmarkEmulator({}));
      const result = await introspectDirectly(api, "postmark", foundToken("server-token", secret), server);
      expect(result.liveness).toBe("inactive");
      expect(server.requests.map((r) => [r.path, r.headers["x-postmark-server-token"], r.headers["x-postmark-account-token"], r.headers.accept])).toEqual([
        ["/server", secret, undefined, "application/json"],
        ["/servers?count=1&offset=0", undefined, secret, "application/json"],
      ]);
    });

    it("never copies the server's API token list into the result", async () => {
      const secret = rng.uuid();
      const server = await serve(createPostmarkEmulator({ serverTokens: [{ token: secret, id: 7, name: "Mail" }] }));
      const result = await introspectDirectly(api, "postmark", foundToken("server-token", secret), server);
      expect(result).toMatchObject({ liveness: "live", owner: "Mail", account: "server 7" });
      expect(JSON.stringify(result)).not.toContain(secret);
    });
  });
});
