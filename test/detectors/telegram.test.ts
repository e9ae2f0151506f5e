/** Telegram: bot tokens on their own and inside Bot API URLs, the bot id inferred offline. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/telegram/index.js";
import { api } from "../../detectors/telegram/api.js";
import { createTelegramEmulator } from "../../detectors/telegram/emulator.js";
import { foundToken, introspectDirectly, loopbacksClosedAfterEach } from "../support/introspection.js";
import { expectFastOnRepeats } from "../support/speed.js";

const compiled = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), "bot.py", compiled);

describe("telegram detector", () => {
  const rng = createRng(27);
  const token = (id = `7${rng.chars(ALPHABET.digits, 9)}`) => `${id}:AA${rng.chars(ALPHABET.base64url, 33)}`;

  it("finds a token after /bot in a Bot API URL", () => {
    const t = token();
    expect(scan(`requests.get(f"https://api.telegram.org/bot${t}/getMe")`).matches.map((m) => m.secret)).toEqual([t]);
  });

  it("infers the bot id", () => {
    const inference = detector.rules[0]!.infer!(token("7123456789"));
    expect(inference.account).toBe("bot 7123456789");
  });

  it("ignores the Bot API's documented example (one character short), longer words and longer tokens", () => {
    const example = ["110201543", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"].join(":");
    expect(scan(`TOKEN = "${example}"`).matches).toEqual([]);
    expect(scan(`id = "robot${token()}"`).matches).toEqual([]);
    expect(scan(`TOKEN = "${token()}x"`).matches).toEqual([]);
  });

  it("stays fast on adversarial repetitions of its keywords", () => {
    expectFastOnRepeats(compiled, ["1:AA", "1234567:AA", "/bot1:AA"]);
  });

  describe("introspection", () => {
    const serve = loopbacksClosedAfterEach();

    it("sends the token only in the path of getMe and getWebhookInfo, and keeps the webhook path out of the facts", async () => {
      const secret = token();
      const server = await serve(
        createTelegramEmulator([{ token: secret, username: "shop_bot", firstName: "Shop", webhookUrl: "https://hooks.acme.example/tg/hidden-path-part" }]),
      );
      const result = await introspectDirectly(api, "telegram", foundToken("bot-token", secret), server);
      expect(result).toMatchObject({ liveness: "live", owner: "@shop_bot" });
      expect(server.requests.map((r) => r.path)).toEqual([`/bot${secret}/getMe`, `/bot${secret}/getWebhookInfo`]);
      for (const r of server.requests) expect(Object.values(r.headers).join("\n")).not.toContain(secret);
      expect(JSON.stringify(result)).not.toContain("hidden-path-part");
      expect(result.facts?.join(" ")).toContain("hooks.acme.example");
    });
  });
});
