/**
 * Generic secret assignments: `*_SECRET`, `*_TOKEN`, `*_API_KEY` and `password =` style keys with a
 * literal value. Low confidence: reported only when no provider rule claims the same text (the
 * engine keeps the more confident match), and only for values that look random (length, letters
 * and digits, entropy). What it knows of the token is nothing: capabilities are unknown.
 *
 * Keywords carry a separator (`_secret`, `token_`...) on purpose: bare `secret` and `token` occur
 * in almost every parser and crypto library and would open a window on every line of them. So
 * camelCase names (`clientSecret`) are left to provider rules, except `apiKey` and `password`.
 */
import { fixedInference, shannonEntropy } from "../../src/detector-kit/index.js";
import type { Detector, TokenRule, Verdict } from "../../src/detector-kit/index.js";

const ASSIGN = String.raw`(?:[\]"'\x60]{0,2}\\?["']?\s{0,4}(?:=|:=|:|=>|\|\|=)\s{0,4}|\s{1,4})(?:\\?["'\x60])?`;
const ASSIGN_MAX = 2 + 2 + 4 + 3 + 4 + 2;
const NAME_START = "(?<![A-Za-z0-9_.-])";
const PREFIX = "[A-Za-z0-9_.-]{0,40}";
/** What may follow the core word in a name: `SECRET_KEY`, `TOKEN_V2`, `SECRET_KEY_BASE`. */
const SUFFIX = String.raw`(?:[_.-]?(?:key(?:[_-]base)?|value|base|str|string|v?\d{1,2}))?`;
const SUFFIX_MAX = 13;
/**
 * Printable characters of a literal value; no quotes, brackets, spaces, commas or colons (URLs,
 * calls, types). `=` only as base64 padding at the end: chains like `a_token=b_token=…` stay cheap.
 */
const VALUE = String.raw`[A-Za-z0-9_\-+/.~!@#$%^&*?|]`;
const VALUE_MAX = 128;
/** A value needs a digit (checked again in checkValue): rejecting in the regex keeps prose like "password password" cheap. */
const HAS_DIGIT = String.raw`(?=[A-Za-z_\-+/.~!@#$%^&*?|]{0,${VALUE_MAX - 1}}[0-9])`;
/** Not followed by more value, nor by `${`/`{` (the value is the head of a template interpolation in code). */
const END = String.raw`(?![A-Za-z0-9_+/=\${-])`;

const SECRET_CORE = String.raw`(?:[_-](?:secret|token)|(?:secret|token)[_-](?:key(?:[_-]base)?|value|str|string|v?\d{1,2})|api[_-]?key)`;
const PASSWORD_CORE = String.raw`(?:passw(?:or)?d|pwd)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGRITY = /^(?:sha1|sha256|sha384|sha512|md5)-/i;
/** `this.config.apiKey`, `settings.DB_PASSWORD`: code, not a value (long segments would be base64, e.g. a JWT). */
const IDENTIFIER_CHAIN = /^[A-Za-z_$][\w$]{0,24}(?:\.[A-Za-z_$][\w$]{0,24})+$/;
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** Values that are public by design: Stripe publishable keys, Supabase publishable keys, Datadog client tokens. */
const PUBLIC_VALUE = /^(?:pk_(?:live|test)_|sb_publishable_|pub[0-9a-f]{32}$)/;
/** `XmlStringMaxLen256`, `Buffer|string`: a type name in a declaration (`password: SensitiveString2048`). */
const TYPE_NAME = /^(?:[A-Z][a-z]{1,20}(?:[A-Z][a-z]{0,20}|[0-9]{1,6}){1,8}|[A-Za-z][A-Za-z0-9]{1,20}(?:\|[A-Za-z][A-Za-z0-9]{1,20}){1,6})$/;
const PATH = /^(?:\.{0,2}\/|~\/)|\.(?:json|txt|pem|key|ya?ml|env|js|ts|py|sh|crt|p12|pfx|cfg|conf|ini)$/i;

/** A value that could be a random secret, not code, a reference, a hash label or an id. */
export function checkValue(value: string, minLength: number): Verdict {
  if (value.length < minLength) return { ok: false, reason: `shorter than ${minLength} characters` };
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return { ok: false, reason: "needs both letters and digits" };
  if (UUID.test(value)) return { ok: false, reason: "UUID (an identifier)" };
  if (PUBLIC_VALUE.test(value)) return { ok: false, reason: "public by design (publishable key or client token)" };
  if (INTEGRITY.test(value)) return { ok: false, reason: "integrity hash" };
  if (IDENTIFIER_CHAIN.test(value)) return { ok: false, reason: "property access in code, not a value" };
  if (CONSTANT_NAME.test(value)) return { ok: false, reason: "constant name, not a value" };
  if (TYPE_NAME.test(value)) return { ok: false, reason: "type name in a declaration, not a value" };
  if (PATH.test(value)) return { ok: false, reason: "file path" };
  if (new Set(value).size < Math.min(8, value.length - 2) || shannonEntropy(value) < 3) return { ok: false, reason: "low entropy" };
  return { ok: true };
}

const assignment = (id: string, title: string, core: string, keywords: string[], minLength: number): TokenRule => ({
  id,
  title,
  keywords,
  pattern: new RegExp(
    String.raw`${NAME_START}(?<evidence>${PREFIX}${core}${SUFFIX})${ASSIGN}(?<secret>${HAS_DIGIT}${VALUE}{${minLength},${VALUE_MAX}}={0,2})${END}`,
    "i",
  ),
  maxLength: 40 + 30 + SUFFIX_MAX + ASSIGN_MAX + VALUE_MAX + 2,
  confidence: "low",
  capabilities: [],
  lifetime: "unknown",
  validate: (value) => checkValue(value, minLength),
  infer: fixedInference("unidentified secret", [], "unknown", ["no provider recognised the value: what it grants is unknown"]),
});

export const detector: Detector = {
  id: "generic-secret",
  name: "Generic secret",
  docsUrl: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
  remediation: {
    revoke: "Rotate the credential at the service that issued it (the variable name says which), then remove it from the file and its history.",
    narrower:
      "Load secrets at runtime from the environment or a secret manager, never from committed files; ask the issuing service for a token limited to the operations and resources the code needs, with an expiry.",
  },
  related: {
    paths: ["**/.env*", "**/*.tfvars", "**/secrets.*", "**/credentials*", "**/config/*.y*ml"],
  },
  rules: [
    assignment(
      "secret-assignment",
      "Secret, token or API key assigned to a variable",
      SECRET_CORE,
      ["_secret", "-secret", "secret_", "secret-", "_token", "-token", "token_", "token-", "api_key", "api-key", "apikey"],
      12,
    ),
    assignment("password-assignment", "Password assigned to a variable", PASSWORD_CORE, ["password", "passwd", "pwd"], 8),
  ],
};
