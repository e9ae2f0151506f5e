/**
 * Square credentials.
 * - Access tokens (personal and OAuth, production and sandbox): `EAAA` + 60 characters. `EAAA` is
 *   common in base64 (source maps, fonts), so these are reported only under a Square key name.
 * - Legacy personal access tokens `sq0atp-` + 22, legacy OAuth application secrets `sq0csp-` + 43.
 * - Application ids (`sq0idp-`, `sq0idb-`) are public and never reported.
 * Docs: https://developer.squareup.com/docs/build-basics/access-tokens
 */
import { assignmentMaxLength, assignmentSource, fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference } from "../../src/detector-kit/index.js";

/** A seller's access token moves money (payments, refunds, payouts) and reads customers. */
const ACCESS_TOKEN: Capability[] = ["ACCOUNT_WIDE", "SPEND", "READ_PII", "DELETE_DATA", "PROD_REACH"];
/** The application secret turns authorization codes and refresh tokens into seller access tokens. */
const APPLICATION_SECRET: Capability[] = ["IAM_WRITE", "READ_PII"];

/** Case-sensitive `EAAA` under a case-insensitive key name: spell the name's case variants out. */
const anyCase = (word: string): string => [...word].map((c) => (/[a-z]/.test(c) ? `[${c.toUpperCase()}${c}]` : `\\${c}`)).join("");

/**
 * "square" alone is a common word (CSS, geometry): the key name must read square_…, squareAccess…,
 * squareToken, square-access…, square-token or square.access….
 */
const NAME_FORMS = ["square_", "squareaccess", "squaretoken", "square-access", "square-token", "square.access"];
const SQUARE_NAME = NAME_FORMS.map(anyCase).join("|");

const accessTokenInference = (note: string) => (): Inference => ({
  tokenClass: "access token",
  capabilities: [...ACCESS_TOKEN],
  lifetime: "long",
  notes: [note],
});

export const detector: Detector = {
  id: "square",
  name: "Square",
  docsUrl: "https://developer.squareup.com/docs/build-basics/access-tokens",
  remediation: {
    revoke: "https://developer.squareup.com/apps",
    narrower:
      "Replace the personal access token in the Developer Console (the application's Credentials page) or revoke the OAuth token (RevokeToken, or the seller's Square Dashboard > Apps), then use an OAuth access token that requests only the permissions the integration uses (for example PAYMENTS_READ instead of PAYMENTS_WRITE) and a sandbox token outside production.",
  },
  related: {
    paths: ["**/square*.json", "**/.square/**"],
    content: /connect\.squareup\.com|connect\.squareupsandbox\.com|squareup|require\(["']square["']\)|from ["']square["']|from square import|square\/square|squareconnect|SquareClient|SQUARE_(?:ACCESS_TOKEN|APPLICATION)/,
  },
  rules: [
    {
      id: "access-token",
      title: "Square access token",
      keywords: NAME_FORMS,
      pattern: new RegExp(assignmentSource(SQUARE_NAME, "EAAA[A-Za-z0-9_-]{60}")),
      maxLength: assignmentMaxLength(13, 64),
      confidence: "high",
      capabilities: ACCESS_TOKEN,
      lifetime: "long",
      infer: accessTokenInference(
        "Square access token (personal or OAuth; production or sandbox is not in the string): takes payments, issues refunds, reads customers and changes the catalog of the seller account.",
      ),
    },
    {
      id: "legacy-personal-access-token",
      title: "Square personal access token (legacy format)",
      keywords: ["sq0atp-"],
      pattern: new RegExp(`${NOT_AFTER_WORD}sq0atp-[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])`),
      maxLength: 7 + 22,
      confidence: "high",
      capabilities: ACCESS_TOKEN,
      lifetime: "long",
      infer: accessTokenInference("Legacy Square personal access token: full access to the seller account of its developer."),
    },
    {
      id: "application-secret",
      title: "Square OAuth application secret",
      keywords: ["sq0csp-"],
      pattern: new RegExp(`${NOT_AFTER_WORD}sq0csp-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`),
      maxLength: 7 + 43,
      confidence: "high",
      capabilities: APPLICATION_SECRET,
      lifetime: "long",
      infer: fixedInference("application secret", APPLICATION_SECRET, "long", [
        "Square OAuth application secret: with an authorization code or refresh token it mints access tokens for every seller who authorized the application.",
      ]),
    },
  ],
};
