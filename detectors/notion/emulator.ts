/**
 * Loopback emulator of the Notion API endpoints notion/api.ts reads (tests only).
 * As documented (checked 2026-11): https://developers.notion.com/reference/get-self : `{ object: "user",
 * id, name, type: "bot", bot: { owner: { type: "workspace", workspace: true }, workspace_name } }`;
 * https://developers.notion.com/reference/post-search : `{ object: "list", results: [...], has_more }`;
 * a bad token: 401 `{ object: "error", status: 401, code: "unauthorized", message: "API token is invalid." }`.
 */
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface NotionIntegrationState {
  token: string;
  name: string;
  workspace: string;
  sharedPages: number;
}

export function notionHandler(state: NotionIntegrationState): EmulatorHandler {
  return (request: EmulatedRequest): EmulatedResponse => {
    if (!request.headers["notion-version"]) return { status: 400, body: { object: "error", status: 400, code: "missing_version", message: "Notion-Version header failed validation" } };
    if (request.headers.authorization !== `Bearer ${state.token}`) return { status: 401, body: { object: "error", status: 401, code: "unauthorized", message: "API token is invalid." } };
    if (request.method === "GET" && request.path === "/v1/users/me") {
      return { status: 200, body: { object: "user", id: "bot-1", name: state.name, type: "bot", bot: { owner: { type: "workspace", workspace: true }, workspace_name: state.workspace } } };
    }
    if (request.method === "POST" && request.path === "/v1/search") {
      const results = state.sharedPages > 0 ? [{ object: "page", id: "page-1" }] : [];
      return { status: 200, body: { object: "list", results, next_cursor: null, has_more: state.sharedPages > 1 } };
    }
    return { status: 404, body: { object: "error", status: 404, code: "object_not_found", message: "Not found" } };
  };
}

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const live: NotionIntegrationState = { token: `ntn_${rng.chars(ALPHABET.digits, 11)}${rng.chars(ALPHABET.base62, 35)}`, name: "Runbook sync", workspace: "Acme", sharedPages: 12 };
    return [
      { name: "integration with shared pages", rule: "integration-token", secret: live.token, handler: notionHandler(live), expect: { liveness: "live", account: "Acme", capabilities: ["DELETE_DATA", "SECRETS_READ"], mentions: ["Runbook sync", "shared with it (more than one)"] } },
      inactiveCase("revoked token: 401", "integration-token", `ntn_${rng.chars(ALPHABET.digits, 11)}${rng.chars(ALPHABET.base62, 35)}`, notionHandler(live)),
    ];
  },
};
