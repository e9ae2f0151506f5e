/**
 * PyPI API tokens (macaroons). The token decodes offline to its scope: whole account, a list of
 * projects, or a short-lived Trusted Publishing token, and its expiry.
 * https://pypi.org/help/#apitoken ; ../shared/providers.md §2.20.
 *
 * No introspection: PyPI has no read-only endpoint that accepts API tokens (only uploads do, and an
 * upload probe is a write), so validity stays unchecked and the scope comes from the caveats.
 */
import { epochToIso, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference, TokenRule, Verdict } from "../../src/detector-kit/index.js";
import { decodeMacaroon, tokenScope } from "./macaroon.js";

const CEILING: readonly Capability[] = ["ACCOUNT_WIDE", "CODE_WRITE"];
export const NO_READ_ONLY_CHECK = "PyPI has no read-only endpoint for API tokens: validity is not checked (an upload would be a write)";

const check = (location: string) => (secret: string): Verdict => {
  const macaroon = decodeMacaroon(secret);
  if (!macaroon) return { ok: false, reason: "does not decode as a macaroon" };
  if (macaroon.location !== location) return { ok: false, reason: `macaroon location is not ${location}` };
  return { ok: true };
};

function infer(secret: string, index: string, testMode: boolean): Inference {
  const macaroon = decodeMacaroon(secret);
  const scope = tokenScope(macaroon?.caveats ?? []);
  const notes: string[] = [];
  const capabilities: Capability[] = ["CODE_WRITE"];
  let tokenClass: string;
  let account: string | undefined;
  switch (scope.kind) {
    case "projects":
      tokenClass = "project-scoped upload token";
      notes.push(`can upload releases of ${scope.projects.join(", ") || "the listed projects"} on ${index}`);
      break;
    case "trusted-publisher":
      tokenClass = "Trusted Publishing (OIDC) token";
      notes.push("minted by Trusted Publishing for one workflow run; it expires within minutes");
      break;
    default:
      tokenClass = "user-wide upload token";
      capabilities.unshift("ACCOUNT_WIDE");
      account = scope.userId ? `user ${scope.userId}` : undefined;
      notes.push(`scoped to the entire account: can upload releases of every project the user maintains on ${index}`);
  }
  if (scope.unknown > 0) notes.push(`${scope.unknown} caveat(s) not understood`);
  if (testMode) capabilities.push("TEST_MODE");
  notes.push(NO_READ_ONLY_CHECK);
  return {
    tokenClass,
    capabilities,
    lifetime: scope.kind === "trusted-publisher" ? "short" : "long",
    expiresAt: epochToIso(scope.expiresAt),
    account,
    notes,
  };
}

const tokenRule = (id: string, title: string, location: string, prefix: string, testMode: boolean): TokenRule => ({
  id,
  title,
  keywords: [prefix.toLowerCase()],
  pattern: new RegExp(`${NOT_AFTER_WORD}${prefix}[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])`),
  maxLength: prefix.length + 1000,
  confidence: "high",
  capabilities: testMode ? ["CODE_WRITE", "TEST_MODE"] : CEILING,
  lifetime: "long",
  testMode,
  // Decoding is the real check; base64 of structured bytes repeats characters more than random text.
  skipPlaceholderCheck: true,
  validate: check(location),
  infer: (secret) => infer(secret, location, testMode),
});

export const detector: Detector = {
  id: "pypi",
  name: "PyPI",
  docsUrl: "https://pypi.org/help/#apitoken",
  remediation: {
    revoke: "https://pypi.org/manage/account/#api-tokens",
    narrower:
      "Remove the token (Account settings > API tokens), then publish with Trusted Publishing (OIDC from GitHub Actions, GitLab CI or Google Cloud) so no long-lived token exists; if a token is unavoidable, scope it to the single project it uploads.",
  },
  related: {
    paths: ["**/.pypirc", "**/pyproject.toml", "**/setup.cfg", "**/setup.py", "**/.github/workflows/**"],
    content: /twine|TWINE_PASSWORD|upload\.pypi\.org|pypa\/gh-action-pypi-publish|UV_PUBLISH_TOKEN|POETRY_PYPI_TOKEN/,
  },
  rules: [
    tokenRule("api-token", "PyPI API token", "pypi.org", "pypi-AgEIcHlwaS5vcmc", false),
    tokenRule("test-api-token", "TestPyPI API token", "test.pypi.org", "pypi-AgENdGVzdC5weXBpLm9yZw", true),
  ],
};
