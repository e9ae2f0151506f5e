/** Discord: bot tokens decoded to their bot id (offline), evidence required, webhook URLs. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { botIdOf, detector } from "../../detectors/discord/index.js";
import { api, parseWebhookUrl, readPermissions } from "../../detectors/discord/api.js";
import { createDiscordEmulator } from "../../detectors/discord/emulator.js";
import { foundToken, introspectDirectly, loopbacksClosedAfterEach } from "../support/introspection.js";
import { expectFastOnRepeats } from "../support/speed.js";

const compiled = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), "bot/.env", compiled).matches;
const rule = (id: string) => detector.rules.find((r) => r.id === id)!;

/** Bot id 175928847299117063 was created on 2016-04-30 (Discord's snowflake documentation example). */
const DOCUMENTED_SNOWFLAKE = "175928847299117063";

describe("discord detector", () => {
  const rng = createRng(9);
  const token = (id: string) =>
    `${Buffer.from(id).toString("base64url")}.${rng.chars(ALPHABET.base64url, 6)}.${rng.chars(ALPHABET.base64url, 38)}`;

  it("decodes the bot id and its creation date offline", () => {
    const secret = token(DOCUMENTED_SNOWFLAKE);
    expect(botIdOf(secret)).toBe(DOCUMENTED_SNOWFLAKE);
    const inference = rule("bot-token").infer!(secret);
    expect(inference.account).toBe(DOCUMENTED_SNOWFLAKE);
    expect(inference.notes.join(" ")).toContain("2016-04-30");
  });

  it("reports a bot token under a Discord key name, with the key as evidence", () => {
    const secret = token(DOCUMENTED_SNOWFLAKE);
    expect(scan(`DISCORD_BOT_TOKEN=${secret}\n`).map((m) => [m.ruleId, m.secret, m.evidence])).toEqual([
      ["discord/bot-token", secret, "DISCORD_BOT_TOKEN"],
    ]);
    expect(scan(`BOT_TOKEN=${secret}\n`)).toEqual([]);
  });

  it("drops a dotted string whose first part is not a user id", () => {
    const notAnId = `${Buffer.from(`1a${rng.chars(ALPHABET.digits, 16)}`).toString("base64url")}.${rng.chars(ALPHABET.base64url, 6)}.${rng.chars(ALPHABET.base64url, 38)}`;
    expect(notAnId[0]).toBe("M");
    expect(scan(`DISCORD_TOKEN=${notAnId}\n`)).toEqual([]);
  });

  it("finds webhook URLs on every Discord host, with or without an API version", () => {
    const id = `1${rng.chars(ALPHABET.digits, 18)}`;
    const urls = [
      `https://discord.com/api/webhooks/${id}/${rng.chars(ALPHABET.base64url, 68)}`,
      `https://ptb.discordapp.com/api/v9/webhooks/${id}/${rng.chars(ALPHABET.base64url, 68)}`,
    ];
    expect(scan(urls.map((u) => `curl -X POST "${u}"`).join("\n")).map((m) => [m.ruleId, m.secret])).toEqual(
      urls.map((u) => ["discord/webhook-url", u]),
    );
    expect(rule("webhook-url").infer!(urls[0]!).account).toBe(id);
  });

  it("stays fast on adversarial repetitions of its keywords", () => {
    expectFastOnRepeats(compiled, ["discord_token=M", "https://discord.com/api/webhooks/1", "DISCORD "]);
  });

  describe("introspection", () => {
    const serve = loopbacksClosedAfterEach();

    it("reads permission bitfields as Discord documents them", () => {
      expect(readPermissions("8").names).toEqual(["administrator"]);
      expect([...readPermissions(String((1n << 28n) | (1n << 2n))).capabilities]).toEqual(["IAM_WRITE"]);
      expect(readPermissions("2048").names).toEqual(["send messages"]);
      expect(readPermissions("not a number").names).toEqual([]);
      expect(readPermissions("0").names).toEqual([]);
    });

    it("parses webhook URLs into id and token", () => {
      const id = `1${rng.chars(ALPHABET.digits, 18)}`;
      const hook = rng.chars(ALPHABET.base64url, 68);
      expect(parseWebhookUrl(`https://discord.com/api/v10/webhooks/${id}/${hook}`)).toEqual({ id, token: hook });
      expect(parseWebhookUrl("https://discord.com/api/webhooks/12/abc")).toBeUndefined();
    });

    it("authenticates as a bot (Authorization: Bot) and asks for member counts", async () => {
      const secret = token(DOCUMENTED_SNOWFLAKE);
      const server = await serve(
        createDiscordEmulator({ bots: [{ token: secret, id: DOCUMENTED_SNOWFLAKE, username: "helper", guilds: [{ id: "1", name: "Guild", permissions: 1n << 29n, members: 7 }] }] }),
      );
      const result = await introspectDirectly(api, "discord", foundToken("discord/bot-token", secret), server);
      expect(server.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
        ["/api/v10/users/@me", `Bot ${secret}`],
        ["/api/v10/users/@me/guilds?with_counts=true", `Bot ${secret}`],
      ]);
      expect(result).toMatchObject({ liveness: "live", owner: "helper", capabilities: ["SEND_AS_ORG"] });
      expect(result.resources).toEqual(["server Guild, 7 members: manage webhooks"]);
    });
  });
});
