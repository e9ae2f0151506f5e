/**
 * Read-only introspection of DigitalOcean tokens (../shared/providers.md §2.14). GET only, `Authorization: Bearer`:
 *   GET /v2/account        email, team, status; 401 = inactive; 403 = live custom-scoped token without account:read
 *   GET /v2/<resource>     one read probe per resource: 200 = `<resource>:read` granted, 403 = not granted
 * No endpoint lists a token's scopes, and create/update/delete scopes cannot be seen without writing:
 * when no probe is refused the token is taken as Full Access; otherwise it is scored on the resources it
 * reads (write assumed where it reads). Names and project environments that say production give PROD_REACH.
 * Docs: https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account ,
 * https://docs.digitalocean.com/reference/api/scopes/ . Refresh tokens (dor_v1_) are never sent.
 */
import { answeredUnknown, bearerAuthorization, isRecord, unexpectedShape } from "../../src/detector-kit/index.js";
import type { Capability, Introspection, ProviderApi } from "../../src/detector-kit/index.js";

interface Probe {
  path: string;
  /** Key of the list (or object) in the answer. */
  key: string;
  scope: string;
  label: string;
  capabilities: readonly Capability[];
}

/**
 * Read probes. Never /v2/databases (cluster objects carry connection passwords) nor /v2/apps (app
 * specs carry environment values): tokscan reads no secret values (providers.md §0.3).
 */
export const PROBES: readonly Probe[] = [
  { path: "/v2/droplets?per_page=50", key: "droplets", scope: "droplet:read", label: "droplets", capabilities: ["DELETE_INFRA", "SPEND"] },
  { path: "/v2/volumes?per_page=50", key: "volumes", scope: "block_storage:read", label: "volumes", capabilities: ["DELETE_DATA"] },
  { path: "/v2/snapshots?per_page=50", key: "snapshots", scope: "snapshot:read", label: "snapshots", capabilities: ["DELETE_BACKUPS"] },
  { path: "/v2/kubernetes/clusters?per_page=50", key: "kubernetes_clusters", scope: "kubernetes:read", label: "Kubernetes clusters", capabilities: ["DELETE_INFRA"] },
  { path: "/v2/domains?per_page=50", key: "domains", scope: "domain:read", label: "domains", capabilities: ["DELETE_INFRA"] },
  { path: "/v2/projects?per_page=50", key: "projects", scope: "project:read", label: "projects", capabilities: [] },
  { path: "/v2/account/keys?per_page=50", key: "ssh_keys", scope: "ssh_key:read", label: "SSH keys", capabilities: ["IAM_WRITE"] },
  { path: "/v2/customers/my/balance", key: "month_to_date_balance", scope: "billing:read", label: "billing", capabilities: [] },
];

const FULL: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "SPEND", "IAM_WRITE", "CODE_WRITE"];
/** A name word that says production (`prod-db`, `shop-production`), not one that merely contains it (`domain`). */
const PRODUCTION = /(?:^|[^a-z])(?:prod|production|live|main)(?:[^a-z]|$)/i;

/** The name of a listed resource (apps keep it in `spec.name`). */
const nameOf = (item: Record<string, unknown>): string | undefined => {
  if (typeof item.name === "string") return item.name;
  if (isRecord(item.spec) && typeof item.spec.name === "string") return item.spec.name;
  return undefined;
};

export const api: ProviderApi = {
  baseUrl: "https://api.digitalocean.com",
  allow: [{ method: "GET", path: "/v2/account" }, ...PROBES.map((p) => ({ method: "GET" as const, path: p.path.split("?", 1)[0]! }))],
  callBudget: 1 + PROBES.length + 3,
  rules: ["personal-access-token", "oauth-access-token", "legacy-token"],

  async introspect(token, http) {
    const headers = bearerAuthorization(token.secret);
    const response = await http.request("GET", "/v2/account", { headers });
    if (response.status === 401) return { liveness: "inactive", reason: "DigitalOcean answered 401 to GET /v2/account: unable to authenticate (revoked, expired or invalid)" };
    const facts: string[] = [];
    let owner: string | undefined;
    let team: string | undefined;
    let refused = false;
    if (response.status === 200) {
      const account = isRecord(response.json) && isRecord(response.json.account) ? response.json.account : undefined;
      if (!account || typeof account.uuid !== "string") return unexpectedShape("GET /v2/account");
      owner = typeof account.email === "string" ? account.email : undefined;
      team = isRecord(account.team) && typeof account.team.name === "string" ? account.team.name : undefined;
      facts.push(`acts as ${owner ?? account.uuid}${team ? ` in team ${team}` : ""}`);
      if (typeof account.status === "string" && account.status !== "active") facts.push(`account status ${account.status}`);
    } else if (response.status === 403) {
      refused = true;
      facts.push("custom-scoped token without account:read");
    } else {
      return answeredUnknown("DigitalOcean", response.status, "GET /v2/account");
    }

    const readable: Probe[] = [];
    const denied: string[] = [];
    const resources: string[] = [];
    let production = false;
    for (const probe of PROBES) {
      const answer = await http.request("GET", probe.path, { headers }).catch(() => undefined);
      if (answer?.status === 403) {
        refused = true;
        denied.push(probe.label);
        continue;
      }
      if (answer?.status !== 200 || !isRecord(answer.json) || !(probe.key in answer.json)) continue;
      readable.push(probe);
      const items = answer.json[probe.key];
      if (!Array.isArray(items)) continue;
      const records = items.filter(isRecord);
      const names = records.map(nameOf).filter((n): n is string => n !== undefined);
      const prodNames = names.filter((n) => PRODUCTION.test(n));
      const prodProjects = probe.key === "projects" ? records.filter((p) => p.environment === "Production").map(nameOf) : [];
      if (prodNames.length > 0 || prodProjects.length > 0) {
        production = true;
        resources.push(`${probe.label} ${[...new Set([...prodNames, ...prodProjects.filter((n): n is string => n !== undefined)])].slice(0, 5).join(", ")}`);
      }
      if (records.length > 0) facts.push(`${records.length}${records.length >= 50 ? "+" : ""} ${probe.label}`);
    }

    const capabilities = new Set<Capability>();
    if (!refused) {
      for (const c of FULL) capabilities.add(c);
      facts.push("no read probe was refused: Full Access assumed (write scopes cannot be read without writing)");
    } else {
      for (const probe of readable) for (const c of probe.capabilities) capabilities.add(c);
      facts.push(`custom scopes: reads ${readable.map((p) => p.label).join(", ") || "none of the probed resources"} (write assumed where it reads)`);
      if (denied.length > 0) facts.push(`no access to ${denied.join(", ")}`);
    }
    if (production && capabilities.size > 0) capabilities.add("PROD_REACH");
    const result: Introspection = {
      liveness: "live",
      tokenClass: refused ? "custom-scoped token" : "full-access token",
      ...(owner ? { owner } : {}),
      ...(team ? { account: team } : owner ? { account: owner } : {}),
      scopes: readable.map((p) => p.scope),
      capabilities: [...capabilities].sort(),
      facts,
      resources,
    };
    return result;
  },
};
