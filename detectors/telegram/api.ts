/**
 * Read-only introspection of Telegram bot tokens (../shared/providers.md §3.10). The Bot API puts the
 * token in the path: `https://api.telegram.org/bot<token>/<method>`.
 *   GET /bot<token>/getMe          -> {ok, result: {id, is_bot, first_name, username, can_join_groups,
 *                                     can_read_all_group_messages, supports_inline_queries}}; 401 Unauthorized
 *   GET /bot<token>/getWebhookInfo -> {ok, result: {url, pending_update_count, ...}} (where updates go)
 * Never sent: getUpdates (it consumes the real bot's updates), setWebhook/deleteWebhook, logOut, close, send*.
 * Docs: https://core.telegram.org/bots/api#getme , https://core.telegram.org/bots/api#getwebhookinfo .
 */
import { answeredUnknown, isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, HttpResponse, Introspection, ProviderApi, ProviderHttp } from "../../src/detector-kit/index.js";

/** A bot speaks for itself to every user and group, reads what they send it, and may be admin in chats we cannot list. */
const BOT_CAPABILITIES: Capability[] = ["DELETE_DATA", "READ_PII", "SEND_AS_ORG"];

/** The `result` of a successful Bot API answer, or undefined. */
function resultOf(response: HttpResponse): Record<string, unknown> | undefined {
  const body = response.json;
  return response.status === 200 && isRecord(body) && body["ok"] === true && isRecord(body["result"]) ? body["result"] : undefined;
}

/** Where the bot's updates go, in words; never the webhook URL's path (it often carries a secret). */
async function webhookFacts(http: ProviderHttp, secret: string): Promise<string[]> {
  try {
    const info = resultOf(await http.request("GET", `/bot${secret}/getWebhookInfo`));
    if (!info) return ["webhook settings could not be read"];
    const url = typeof info["url"] === "string" ? info["url"] : "";
    const pending = typeof info["pending_update_count"] === "number" ? info["pending_update_count"] : undefined;
    let where = "no webhook: the bot polls for updates";
    if (url !== "") {
      let host = "an unparsable URL";
      try {
        host = new URL(url).host;
      } catch {
        // keep the generic wording
      }
      where = `delivers updates by webhook to ${host}`;
    }
    return [where + (pending !== undefined ? ` (${pending} pending updates)` : "")];
  } catch {
    return ["webhook settings could not be read"];
  }
}

export const api: ProviderApi = {
  baseUrl: "https://api.telegram.org",
  allow: [
    { method: "GET", path: "/bot{token}/getMe" },
    { method: "GET", path: "/bot{token}/getWebhookInfo" },
  ],
  // Two calls, with room for the HTTP layer's retries.
  callBudget: 6,
  rules: ["bot-token"],

  async introspect(token, http): Promise<Introspection> {
    const response = await http.request("GET", `/bot${token.secret}/getMe`);
    if (response.status === 401) return { liveness: "inactive", reason: "Telegram answered 401 Unauthorized to getMe: revoked or invalid bot token" };
    if (response.status !== 200) return answeredUnknown("Telegram", response.status, "getMe");
    const me = resultOf(response);
    if (!me || typeof me["id"] !== "number") return unexpectedShape("getMe");

    const username = typeof me["username"] === "string" ? me["username"] : undefined;
    const name = typeof me["first_name"] === "string" ? me["first_name"] : undefined;
    const facts = [`acts as bot ${username ? `@${username}` : String(me["id"])}${name ? ` ("${name}")` : ""}`];
    if (me["can_read_all_group_messages"] === true) facts.push("privacy mode off: reads every message in the groups it is in");
    else facts.push("privacy mode on: reads commands and replies in groups, and every private message sent to it");
    if (me["can_join_groups"] === true) facts.push("can be added to any group");
    facts.push(...(await webhookFacts(http, token.secret)));
    return {
      liveness: "live",
      ...(username ? { owner: `@${username}` } : {}),
      account: `bot ${String(me["id"])}`,
      tokenClass: "bot token",
      capabilities: [...BOT_CAPABILITIES],
      facts,
    };
  },
};
