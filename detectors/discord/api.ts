/**
 * Read-only introspection of Discord credentials (../shared/providers.md §3.9).
 * Bot tokens (`Authorization: Bot <token>`):
 *   GET /api/v10/users/@me                         -> the bot user {id, username, bot}; 401 when dead
 *   GET /api/v10/users/@me/guilds?with_counts=true -> servers with the bot's `permissions` bitfield
 * Webhook URLs (no header: the token is in the path):
 *   GET /api/v10/webhooks/{id}/{token}             -> {id, name, guild_id, channel_id}; 401 Invalid
 *                                                    Webhook Token, 404 Unknown Webhook when deleted
 * Never sent: gateway connections (they knock the real bot offline), any POST/PATCH/DELETE.
 * Docs: https://discord.com/developers/docs/resources/user#get-current-user-guilds ,
 * https://discord.com/developers/docs/topics/permissions , https://discord.com/developers/docs/resources/webhook#get-webhook-with-token .
 */
import { answeredInactive, answeredUnknown, isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi, ProviderHttp, TokenInstance } from "../../src/detector-kit/index.js";

/** Permission bits (https://discord.com/developers/docs/topics/permissions) and what they let a bot do. */
export const PERMISSIONS: readonly { bit: bigint; name: string; capabilities: readonly Capability[] }[] = [
  { bit: 1n << 3n, name: "administrator", capabilities: ["IAM_WRITE", "DELETE_DATA", "SEND_AS_ORG", "READ_PII"] },
  { bit: 1n << 1n, name: "kick members", capabilities: ["IAM_WRITE"] },
  { bit: 1n << 2n, name: "ban members", capabilities: ["IAM_WRITE"] },
  { bit: 1n << 4n, name: "manage channels", capabilities: ["DELETE_DATA"] },
  { bit: 1n << 5n, name: "manage server", capabilities: ["IAM_WRITE"] },
  { bit: 1n << 13n, name: "manage messages", capabilities: ["DELETE_DATA"] },
  { bit: 1n << 16n, name: "read message history", capabilities: ["READ_PII"] },
  { bit: 1n << 11n, name: "send messages", capabilities: ["SEND_AS_ORG"] },
  { bit: 1n << 17n, name: "mention everyone", capabilities: ["SEND_AS_ORG"] },
  { bit: 1n << 28n, name: "manage roles", capabilities: ["IAM_WRITE"] },
  { bit: 1n << 29n, name: "manage webhooks", capabilities: ["SEND_AS_ORG"] },
];

/** Names of the dangerous permissions a bitfield grants, and their capabilities. */
export function readPermissions(bitfield: string): { names: string[]; capabilities: Set<Capability> } {
  const names: string[] = [];
  const capabilities = new Set<Capability>();
  let bits: bigint;
  try {
    bits = /^[0-9]{1,40}$/.test(bitfield) ? BigInt(bitfield) : 0n;
  } catch {
    bits = 0n;
  }
  for (const permission of PERMISSIONS) {
    if ((bits & permission.bit) === 0n) continue;
    names.push(permission.name);
    for (const c of permission.capabilities) capabilities.add(c);
  }
  return { names, capabilities };
}

const MAX_LISTED_SERVERS = 20;

async function introspectBot(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const headers = { Authorization: `Bot ${token.secret}` };
  const me = await http.request("GET", "/api/v10/users/@me", { headers });
  if (me.status === 401) return { liveness: "inactive", reason: "Discord answered 401 Unauthorized to GET /users/@me: reset or invalid bot token" };
  if (me.status !== 200) return answeredUnknown("Discord", me.status, "GET /users/@me");
  const user = me.json;
  if (!isRecord(user) || typeof user["id"] !== "string" || typeof user["username"] !== "string") {
    return unexpectedShape("GET /users/@me");
  }
  const owner = user["username"];
  const facts = [`acts as ${user["bot"] === true ? "bot" : "user"} ${owner} (id ${user["id"]})`];
  const result: Introspection = { liveness: "live", owner, account: user["id"], tokenClass: user["bot"] === true ? "bot token" : "user token", facts };

  const guilds = await http.request("GET", "/api/v10/users/@me/guilds?with_counts=true", { headers });
  if (guilds.status !== 200 || !Array.isArray(guilds.json)) {
    facts.push(`servers not read (HTTP ${guilds.status}): scored on the token type`);
    return result;
  }
  const capabilities = new Set<Capability>();
  const resources: string[] = [];
  const servers = guilds.json.filter(isRecord);
  for (const guild of servers) {
    const { names, capabilities: granted } = readPermissions(typeof guild["permissions"] === "string" ? guild["permissions"] : "0");
    for (const c of granted) capabilities.add(c);
    if (resources.length < MAX_LISTED_SERVERS) {
      const members = typeof guild["approximate_member_count"] === "number" ? `, ${guild["approximate_member_count"]} members` : "";
      resources.push(`server ${String(guild["name"] ?? guild["id"] ?? "?")}${members}: ${names.length > 0 ? names.join(", ") : "no dangerous permission"}`);
    }
  }
  facts.push(servers.length === 0 ? "in no server" : `in ${servers.length} ${servers.length === 1 ? "server" : "servers"}`);
  const admin = servers.filter((g) => readPermissions(String(g["permissions"] ?? "0")).names.includes("administrator")).length;
  if (admin > 0) facts.push(`administrator of ${admin} ${admin === 1 ? "server" : "servers"}`);
  result.capabilities = [...capabilities].sort();
  result.resources = resources;
  return result;
}

/** `https://discord.com/api/webhooks/<id>/<token>` -> id and token, or undefined. */
export function parseWebhookUrl(url: string): { id: string; token: string } | undefined {
  const match = /\/webhooks\/([0-9]{17,20})\/([A-Za-z0-9_-]{60,80})$/.exec(url);
  return match ? { id: match[1]!, token: match[2]! } : undefined;
}

async function introspectWebhook(token: TokenInstance, http: ProviderHttp): Promise<Introspection> {
  const parts = parseWebhookUrl(token.secret);
  if (!parts) return { liveness: "unknown", reason: "not a Discord webhook URL" };
  const response = await http.request("GET", `/api/v10/webhooks/${parts.id}/${parts.token}`);
  const body = isRecord(response.json) ? response.json : {};
  if (response.status === 401 || response.status === 403) return answeredInactive("Discord", response.status, "GET webhook", "invalid webhook token");
  if (response.status === 404 && body["code"] === 10015) return { liveness: "inactive", reason: "Discord answered 404 Unknown Webhook: the webhook was deleted" };
  if (response.status !== 200) return answeredUnknown("Discord", response.status, "GET webhook");
  if (typeof body["id"] !== "string") return unexpectedShape("GET webhook");
  const name = typeof body["name"] === "string" ? body["name"] : "unnamed";
  return {
    liveness: "live",
    owner: name,
    account: typeof body["guild_id"] === "string" ? body["guild_id"] : undefined,
    tokenClass: "webhook URL",
    capabilities: ["SEND_AS_ORG"],
    facts: [`webhook "${name}" posts to channel ${String(body["channel_id"] ?? "?")} of server ${String(body["guild_id"] ?? "?")}`],
  };
}

export const api: ProviderApi = {
  baseUrl: "https://discord.com",
  allow: [
    { method: "GET", path: "/api/v10/users/@me" },
    { method: "GET", path: "/api/v10/users/@me/guilds" },
    { method: "GET", path: "/api/v10/webhooks/{id}/{token}" },
  ],
  // Two calls at most, with room for retries; Discord bans IPs that send many invalid requests.
  callBudget: 6,
  rules: ["bot-token", "webhook-url"],

  introspect(token, http) {
    return token.ruleId.endsWith("webhook-url") ? introspectWebhook(token, http) : introspectBot(token, http);
  },
};
