/**
 * Endpoint overrides: `--endpoint <provider>=<baseUrl>` (repeatable) and `TOKSCAN_ENDPOINT_<PROVIDER>`
 * (id upper-cased, `-` to `_`); the command line wins over the environment. Never from a config file:
 * a file inside the scanned repository must not be able to send the tokens it holds to a server of
 * its choosing, so nothing in this module reads files.
 *
 * A base URL must be http(s), without credentials, query or fragment; plain http only for loopback
 * hosts (127.0.0.0/8, ::1, localhost). Trailing slashes are dropped; a path is kept (GHES `/api/v3`).
 */
import { UsageError } from "../errors.js";
import { detectors } from "../registry.js";

const ENV_PREFIX = "TOKSCAN_ENDPOINT_";

/** `google-cloud` -> `TOKSCAN_ENDPOINT_GOOGLE_CLOUD` */
export function endpointEnvName(providerId: string): string {
  return ENV_PREFIX + providerId.toUpperCase().replace(/-/g, "_");
}

export interface EndpointSources {
  /** Values of every `--endpoint` option, in order. */
  cli?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  /** Provider ids that may be overridden; defaults to every registered detector. */
  providerIds?: readonly string[];
}

/** Provider id -> validated base URL. Throws UsageError for unknown ids and bad URLs. */
export function resolveEndpoints(sources: EndpointSources): Map<string, string> {
  const ids = sources.providerIds ?? detectors.map((d) => d.id);
  const resolved = endpointsFromEnv(sources.env ?? {}, ids);
  for (const [id, url] of parseEndpointOptions(sources.cli ?? [], ids)) resolved.set(id, url);
  return resolved;
}

/** Parses `--endpoint` values (`github=http://127.0.0.1:5000`); a later value for the same id wins. */
export function parseEndpointOptions(values: readonly string[], providerIds: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const value of values) {
    const eq = value.indexOf("=");
    if (eq <= 0) {
      throw new UsageError(`--endpoint ${JSON.stringify(value)}: expected <provider>=<baseUrl>, e.g. github=https://ghe.example.com/api/v3`);
    }
    const id = value.slice(0, eq).trim();
    checkKnown(id, providerIds, `--endpoint ${id}=...`);
    out.set(id, validateEndpointUrl(value.slice(eq + 1).trim(), `--endpoint ${id}`));
  }
  return out;
}

/** Reads every `TOKSCAN_ENDPOINT_*` variable; an unknown provider suffix is a usage error. */
export function endpointsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  providerIds: readonly string[],
): Map<string, string> {
  const byEnvName = new Map(providerIds.map((id) => [endpointEnvName(id), id] as const));
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || value === undefined || value.trim() === "") continue;
    const id = byEnvName.get(name);
    if (id === undefined) {
      throw new UsageError(`${name}: unknown provider "${name.slice(ENV_PREFIX.length)}" (known: ${knownList(providerIds)})`);
    }
    out.set(id, validateEndpointUrl(value.trim(), name));
  }
  return out;
}

/** Returns the normalised base URL or throws UsageError naming `source`. */
export function validateEndpointUrl(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${source}: "${raw}" is not a URL (expected e.g. https://ghe.example.com/api/v3)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`${source}: only http(s) base URLs are allowed, not ${url.protocol}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new UsageError(`${source}: the base URL must not carry credentials`);
  }
  if (url.search !== "" || url.hash !== "" || raw.includes("?") || raw.includes("#")) {
    throw new UsageError(`${source}: the base URL must not have a query or fragment`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new UsageError(
      `${source}: plain http is only allowed for loopback addresses (127.0.0.0/8, ::1, localhost); use https for ${url.hostname}`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/{1,64}$/, "");
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1") return true;
  const octets = host.split(".");
  return octets.length === 4 && octets[0] === "127" && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

function checkKnown(id: string, providerIds: readonly string[], source: string): void {
  if (!providerIds.includes(id)) {
    throw new UsageError(`${source}: unknown provider "${id}" (known: ${knownList(providerIds)})`);
  }
}

const knownList = (ids: readonly string[]): string => [...ids].sort().join(", ");
