/**
 * Loopback emulator of Mailgun's GET /v4/domains (tests only, never shipped). Answers as documented at
 * https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Domains/ : Basic auth
 * with user `api` and the key as password; 200 `{total_count, items[{name, state, type, created_at,
 * is_disabled, ...}]}`; 401 with the plain-text body `Forbidden` for a wrong key. One emulator stands for
 * both regions (an endpoint override sends every region to it): `region` decides which call succeeds.
 */
import { inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface MailgunKey {
  key: string;
  domains: readonly { name: string; state: "active" | "unverified" }[];
  /** EU accounts answer 401 to the first (US) call and 200 to the second. */
  region?: "US" | "EU";
  /** Domain sending keys are refused (403) on the domains API. */
  sendingOnly?: boolean;
}

const keyOf = (request: EmulatedRequest): string | undefined => {
  const basic = /^Basic (\S{1,400})$/.exec(request.headers.authorization ?? "")?.[1];
  if (!basic) return undefined;
  const decoded = Buffer.from(basic, "base64").toString("utf8");
  return decoded.startsWith("api:") ? decoded.slice(4) : undefined;
};

export function createMailgunEmulator(keys: readonly MailgunKey[]): EmulatorHandler {
  const calls = new Map<string, number>();
  return (request) => {
    if (request.path.split("?", 1)[0] !== "/v4/domains") return { status: 404, body: { message: "Not Found" } };
    const secret = keyOf(request);
    const key = keys.find((k) => k.key === secret);
    const seen = (calls.get(secret ?? "") ?? 0) + 1;
    calls.set(secret ?? "", seen);
    if (!key || (key.region === "EU" && seen === 1)) return { status: 401, headers: { "content-type": "text/plain" }, body: "Forbidden" };
    if (key.sendingOnly) return { status: 403, body: { message: "Domain sending keys are not allowed to access this endpoint" } };
    return {
      status: 200,
      body: {
        total_count: key.domains.length,
        items: key.domains.map((d) => ({
          created_at: "Tue, 03 Feb 2026 10:00:00 GMT",
          id: "65c0ffee0000000000000001",
          is_disabled: false,
          name: d.name,
          require_tls: false,
          skip_verification: false,
          smtp_login: `postmaster@${d.name}`,
          spam_action: "disabled",
          state: d.state,
          type: "custom",
          web_prefix: "email",
          web_scheme: "https",
          wildcard: false,
        })),
      },
    };
  };
}

const currentKey = (rng: Rng): string => `${rng.hex(32)}-${rng.hex(8)}-${rng.hex(8)}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const legacy = `key-${rng.hex(32)}`;
    const eu = currentKey(rng);
    const sending = currentKey(rng);
    const dead = `key-${rng.hex(32)}`;
    return [
      {
        name: "live legacy private key with two domains",
        rule: "private-api-key",
        secret: legacy,
        handler: createMailgunEmulator([{ key: legacy, domains: [{ name: "mg.acme.example", state: "active" }, { name: "mail.acme.example", state: "active" }] }]),
        expect: {
          liveness: "live",
          account: "US region",
          capabilities: ["SEND_AS_ORG", "ACCOUNT_WIDE"],
          mentions: ["sends as 2 domains (mg.acme.example, mail.acme.example)", "domain mg.acme.example (active)"],
        },
      },
      {
        name: "live key of an EU account",
        rule: "api-key",
        secret: eu,
        handler: createMailgunEmulator([{ key: eu, region: "EU", domains: [{ name: "mg.acme.example.eu", state: "active" }] }]),
        expect: { liveness: "live", account: "EU region", mentions: ["EU region"] },
      },
      {
        name: "domain sending key: refused by the domains API, not taken as dead",
        rule: "api-key",
        secret: sending,
        handler: createMailgunEmulator([{ key: sending, domains: [], sendingOnly: true }]),
        expect: { liveness: "unknown" },
      },
      inactiveCase("deleted key", "private-api-key", dead, createMailgunEmulator([])),
    ];
  },
};
