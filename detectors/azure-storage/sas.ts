/**
 * Offline reading of Azure Storage shared access signatures: the query parameters say what the
 * token may do (sp), on which services (ss/sr), resource types (srt) and until when (se).
 * https://learn.microsoft.com/en-us/rest/api/storageservices/create-account-sas
 * https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas
 */
import type { Capability, Inference, Verdict } from "../../src/detector-kit/index.js";

export function sasParams(secret: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of secret.split(/&(?:amp;)?/)) {
    const at = pair.indexOf("=");
    if (at > 0) params.set(pair.slice(0, at).toLowerCase(), pair.slice(at + 1));
  }
  return params;
}

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** sv (a service version date) and sig (an HMAC-SHA256: 32 bytes of base64) must both be there. */
export function checkSas(secret: string): Verdict {
  const params = sasParams(secret);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(params.get("sv") ?? "")) return { ok: false, reason: "no signed version (sv)" };
  const sig = decode(params.get("sig") ?? "");
  if (!/^[A-Za-z0-9+/]{42,43}={0,2}$/.test(sig) || Buffer.from(sig, "base64").length !== 32) {
    return { ok: false, reason: "signature is not a 32-byte HMAC" };
  }
  if (!params.has("sp") && !params.has("si")) return { ok: false, reason: "no permissions (sp) or stored policy (si)" };
  return { ok: true };
}

const PERMISSIONS: Record<string, string> = {
  r: "read", a: "add", c: "create", w: "write", d: "delete", x: "delete versions", y: "permanent delete",
  l: "list", t: "tags", f: "filter", m: "move", e: "execute", i: "set immutability", p: "process", u: "update",
};
const SERVICES: Record<string, string> = { b: "blob", f: "file", q: "queue", t: "table" };
const RESOURCE_TYPES: Record<string, string> = { s: "service", c: "container", o: "object" };

const words = (letters: string, names: Record<string, string>): string[] =>
  [...letters].map((letter) => names[letter]).filter((name): name is string => name !== undefined);

export function inferSas(secret: string): Inference {
  const params = sasParams(secret);
  const permissions = params.get("sp") ?? "";
  const capabilities = new Set<Capability>();
  if (/[dwxyu]/.test(permissions)) capabilities.add("DELETE_DATA");
  if (/[xy]/.test(permissions)) capabilities.add("DELETE_BACKUPS");
  if (/[rl]/.test(permissions)) capabilities.add("READ_PII");
  const notes: string[] = [];
  let tokenClass = "service SAS";
  if (params.has("srt")) {
    tokenClass = "account SAS";
    const services = words(params.get("ss") ?? "", SERVICES);
    const types = words(params.get("srt") ?? "", RESOURCE_TYPES);
    notes.push(`account-wide for ${services.join(", ") || "unknown services"} (${types.join(", ") || "unknown"} level)`);
    capabilities.add("ACCOUNT_WIDE");
  } else if (params.has("skoid")) {
    tokenClass = "user delegation SAS";
  }
  if (params.has("sr")) notes.push(`scoped to one ${{ b: "blob", c: "container", d: "directory", f: "file", s: "share", bs: "blob snapshot", bv: "blob version" }[params.get("sr")!] ?? "resource"}`);
  if (permissions) notes.push(`permissions: ${words(permissions, PERMISSIONS).join(", ")}`);
  else if (params.has("si")) notes.push(`permissions from stored access policy ${decode(params.get("si")!)}`);
  const expiry = decode(params.get("se") ?? "");
  const expiresAt = Number.isNaN(Date.parse(expiry)) ? undefined : new Date(Date.parse(expiry)).toISOString();
  if (params.get("spr") === "https") notes.push("HTTPS only");
  if (params.has("sip")) notes.push(`limited to IP ${decode(params.get("sip")!)}`);
  return {
    tokenClass,
    capabilities: [...capabilities],
    lifetime: expiresAt && Date.parse(expiresAt) - Date.parse(decode(params.get("st") ?? "")) <= 86_400_000 ? "short" : "long",
    expiresAt,
    notes,
  };
}
