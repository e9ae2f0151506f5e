/**
 * Read-only introspection of Hugging Face tokens (../shared/providers.md §2.12): one call,
 *   GET /api/whoami-v2 (`Authorization: Bearer`) -> the user or organization, its organizations and
 *   roles, and `auth.accessToken` {displayName, role: read | write | fineGrained, fineGrained {global, scoped}}.
 * Docs: https://huggingface.co/docs/hub/api#get-apiwhoami-v2 , https://huggingface.co/docs/hub/security-tokens .
 */
import { answeredUnknown, bearerAuthorization, isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi } from "../../src/detector-kit/index.js";

/** What each fine-grained permission lets a token do. Permissions absent here add nothing. */
export const PERMISSION_CAPABILITIES: Readonly<Record<string, readonly Capability[]>> = {
  "repo.write": ["CODE_WRITE", "DELETE_DATA"],
  "org.write": ["IAM_WRITE"],
  "inference.endpoints.write": ["SPEND"],
  "inference.endpoints.infer.write": ["SPEND"],
  "inference.serverless.write": ["SPEND"],
  "user.webhooks.write": ["READ_PII"],
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

interface Org {
  name: string;
  role: string;
}

function fineGrainedCapabilities(fine: Record<string, unknown>, orgs: readonly Org[], facts: string[], resources: string[]): Set<Capability> {
  const capabilities = new Set<Capability>();
  const global = strings(fine.global);
  if (global.length > 0) facts.push(`user-wide permissions ${global.join(", ")}`);
  for (const permission of global) for (const c of PERMISSION_CAPABILITIES[permission] ?? []) capabilities.add(c);
  const scoped = Array.isArray(fine.scoped) ? fine.scoped.filter(isRecord) : [];
  for (const entry of scoped) {
    const entity = isRecord(entry.entity) ? entry.entity : {};
    const name = `${String(entity.type ?? "?")} ${String(entity.name ?? "?")}`;
    const permissions = strings(entry.permissions);
    resources.push(`${name}: ${permissions.join(", ") || "no permissions"}`);
    for (const permission of permissions) {
      // Managing an organization needs its admin role too.
      if (permission === "org.write" && orgs.find((o) => o.name === entity.name)?.role !== "admin") continue;
      for (const c of PERMISSION_CAPABILITIES[permission] ?? []) capabilities.add(c);
    }
    if (entity.type === "org" && permissions.includes("repo.write")) capabilities.add("ACCOUNT_WIDE");
  }
  return capabilities;
}

export const api: ProviderApi = {
  baseUrl: "https://huggingface.co",
  allow: [{ method: "GET", path: "/api/whoami-v2" }],
  callBudget: 3,
  rules: ["user-access-token", "org-api-token"],

  async introspect(token, http) {
    const response = await http.request("GET", "/api/whoami-v2", { headers: bearerAuthorization(token.secret) });
    if (response.status === 401) return { liveness: "inactive", reason: "Hugging Face answered 401 to GET /api/whoami-v2: invalid or revoked token" };
    if (response.status !== 200) return answeredUnknown("Hugging Face", response.status, "GET /api/whoami-v2");
    const body = response.json;
    if (!isRecord(body) || typeof body.name !== "string") {
      return unexpectedShape("GET /api/whoami-v2");
    }
    const orgs: Org[] = (Array.isArray(body.orgs) ? body.orgs.filter(isRecord) : []).map((o) => ({
      name: String(o.name ?? "?"),
      role: String(o.roleInOrg ?? "?"),
    }));
    const auth = isRecord(body.auth) && isRecord(body.auth.accessToken) ? body.auth.accessToken : undefined;
    const role = typeof auth?.role === "string" ? auth.role : undefined;
    const facts = [`acts as ${body.type === "org" ? "organization" : "user"} ${body.name}`];
    const resources = orgs.map((o) => `organization ${o.name} (${o.role})`);
    if (typeof auth?.displayName === "string") facts.push(`token name "${auth.displayName}"`);

    let capabilities: Set<Capability>;
    if (role === "read") {
      capabilities = new Set();
      facts.push("role read: reads everything the account can read, writes nothing");
    } else if (role === "write") {
      capabilities = new Set<Capability>(["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "SPEND"]);
      if (orgs.some((o) => o.role === "admin")) capabilities.add("IAM_WRITE");
      facts.push("role write: can overwrite or delete every model, dataset and Space the account can write");
    } else if (role === "fineGrained" && isRecord(auth?.fineGrained)) {
      capabilities = fineGrainedCapabilities(auth.fineGrained, orgs, facts, resources);
      facts.push("fine-grained token");
    } else if (body.type === "org") {
      capabilities = new Set<Capability>(["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA"]);
      facts.push("organization API token: acts for the whole organization");
    } else {
      return { liveness: "live", owner: body.name, account: body.name, facts: [...facts, "token role not reported: scored on the token type"], resources };
    }
    const result: Introspection = {
      liveness: "live",
      owner: body.name,
      account: body.name,
      tokenClass: role ? `${role} token` : "organization API token",
      ...(role ? { scopes: [role] } : {}),
      capabilities: [...capabilities].sort(),
      facts,
      resources,
    };
    return result;
  },
};
