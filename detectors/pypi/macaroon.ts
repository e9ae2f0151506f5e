/**
 * Offline decoding of PyPI API tokens: `pypi-` + unpadded base64url of a libmacaroons v2 binary
 * macaroon, whose first-party caveats are JSON (pypi/warehouse `warehouse/macaroons/caveats`).
 *
 * v2 layout: version byte 2; fields are (varint type, varint length, bytes); type 0 (no length)
 * ends a section. Header section: location (1), identifier (2). Then one section per caveat:
 * [location (1)] identifier (2) [verification id (4)]. An empty section ends the caveats; then the
 * signature (6, 32 bytes). ../shared/providers.md §2.20.
 */

export interface Macaroon {
  location: string;
  identifier: string;
  caveats: string[];
  signature: Buffer;
}

const FIELD = { end: 0, location: 1, identifier: 2, vid: 4, signature: 6 } as const;

class Reader {
  offset = 0;
  constructor(private readonly bytes: Buffer) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  varint(): number | undefined {
    let value = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) return undefined;
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
    }
    return undefined;
  }

  take(length: number): Buffer | undefined {
    if (this.offset + length > this.bytes.length) return undefined;
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  /** One section as a map of field type to value, or undefined on malformed input. */
  section(): Map<number, Buffer> | undefined {
    const fields = new Map<number, Buffer>();
    for (;;) {
      const type = this.varint();
      if (type === undefined) return undefined;
      if (type === FIELD.end) return fields;
      const length = this.varint();
      if (length === undefined) return undefined;
      const value = this.take(length);
      if (!value || fields.has(type)) return undefined;
      fields.set(type, value);
    }
  }
}

/** The macaroon inside a `pypi-` token, or undefined when it does not decode. */
export function decodeMacaroon(token: string): Macaroon | undefined {
  const body = token.startsWith("pypi-") ? token.slice(5) : token;
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(body)) return undefined;
  const reader = new Reader(Buffer.from(body, "base64url"));
  if (reader.take(1)?.[0] !== 2) return undefined;
  const header = reader.section();
  const identifier = header?.get(FIELD.identifier);
  if (!header || !identifier) return undefined;
  const caveats: string[] = [];
  for (let i = 0; i < 64; i++) {
    const section = reader.section();
    if (!section) return undefined;
    if (section.size === 0) break;
    const caveat = section.get(FIELD.identifier);
    if (!caveat) return undefined;
    caveats.push(caveat.toString("utf8"));
  }
  if (reader.varint() !== FIELD.signature || reader.varint() !== 32) return undefined;
  const signature = reader.take(32);
  if (!signature || !reader.done) return undefined;
  return {
    location: header.get(FIELD.location)?.toString("utf8") ?? "",
    identifier: identifier.toString("utf8"),
    caveats,
    signature,
  };
}

/** What the caveats say about a token's reach and lifetime. */
export interface TokenScope {
  kind: "user" | "projects" | "trusted-publisher" | "unrestricted";
  /** Project names (normalized) or project ids, for project-scoped tokens. */
  projects: string[];
  /** User id for user-wide tokens. */
  userId?: string;
  /** Epoch seconds. */
  expiresAt?: number;
  notBefore?: number;
  /** Caveats that could not be read. */
  unknown: number;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/**
 * Interprets PyPI caveats: arrays `[tag, ...]` (0 expiry, 1 project names, 2 project ids,
 * 3 user, 4 trusted publisher) and the legacy v1 dictionaries.
 */
export function tokenScope(caveats: readonly string[]): TokenScope {
  const scope: TokenScope = { kind: "unrestricted", projects: [], unknown: 0 };
  const narrowTo = (kind: TokenScope["kind"]): void => {
    // A project or publisher restriction is narrower than a user one; keep the narrowest seen.
    const rank = { unrestricted: 0, user: 1, projects: 2, "trusted-publisher": 3 } as const;
    if (rank[kind] > rank[scope.kind]) scope.kind = kind;
  };
  for (const text of caveats) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      scope.unknown++;
      continue;
    }
    if (Array.isArray(value)) {
      const [tag, first, second] = value as unknown[];
      if (tag === 0 && typeof first === "number") {
        scope.expiresAt = first;
        if (typeof second === "number") scope.notBefore = second;
      } else if ((tag === 1 || tag === 2) && Array.isArray(first)) {
        scope.projects.push(...strings(first));
        narrowTo("projects");
      } else if (tag === 3 && typeof first === "string") {
        scope.userId = first;
        narrowTo("user");
      } else if (tag === 4) {
        narrowTo("trusted-publisher");
      } else {
        scope.unknown++;
      }
    } else if (value !== null && typeof value === "object") {
      const legacy = value as Record<string, unknown>;
      const permissions = legacy["permissions"];
      if (permissions === "user") narrowTo("user");
      else if (permissions !== null && typeof permissions === "object" && "projects" in permissions) {
        scope.projects.push(...strings((permissions as Record<string, unknown>)["projects"]));
        narrowTo("projects");
      } else if (Array.isArray(legacy["project_ids"])) {
        scope.projects.push(...strings(legacy["project_ids"]));
        narrowTo("projects");
      } else if (typeof legacy["exp"] === "number") {
        scope.expiresAt = legacy["exp"];
        if (typeof legacy["nbf"] === "number") scope.notBefore = legacy["nbf"];
      } else {
        scope.unknown++;
      }
    } else {
      scope.unknown++;
    }
  }
  return scope;
}

// ------------------------------------------------------------------ building (samples and tests)

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
  return out;
}

const field = (type: number, value: Buffer): Buffer => Buffer.concat([Buffer.from([...varint(type), ...varint(value.length)]), value]);

/** Serialize a v2 macaroon as a `pypi-` token (the signature is whatever the caller passes). */
export function encodeToken(macaroon: Macaroon): string {
  const parts: Buffer[] = [Buffer.from([2])];
  if (macaroon.location) parts.push(field(FIELD.location, Buffer.from(macaroon.location)));
  parts.push(field(FIELD.identifier, Buffer.from(macaroon.identifier)), Buffer.from([FIELD.end]));
  for (const caveat of macaroon.caveats) parts.push(field(FIELD.identifier, Buffer.from(caveat)), Buffer.from([FIELD.end]));
  parts.push(Buffer.from([FIELD.end]), field(FIELD.signature, macaroon.signature));
  return `pypi-${Buffer.concat(parts).toString("base64url")}`;
}
