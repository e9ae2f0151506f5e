/**
 * Placement: does a token have a reason to be in the file it was found in? Related files are
 * secrets files (.env, key files, credential stores), the provider's own deploy configs, and code
 * that uses the provider; anything else (a UI component, an image script, docs) is unrelated, which
 * raises the blast-radius score: such tokens are forgotten, unowned, and read by whoever opens the file.
 * Every reason starts with the path, so the score can say "in <path>, which <rest>".
 */
import picomatch from "picomatch";
import type { Detector, Placement } from "./types.js";

export interface PlacementInput {
  /** Relative POSIX path of the file. */
  path: string;
  detector: Pick<Detector, "name" | "related">;
  /** The file's content matches the detector's `related.content` (uses its SDK or API). */
  relatedContent: boolean;
}

/**
 * Files whose job is to hold secrets. Patterns without a slash match the file name in any
 * directory; the others match the whole path (`**` also matches no directory).
 */
export const SECRETS_FILE_PATTERNS: readonly string[] = [
  ".env",
  ".env.*",
  "*.env",
  ".envrc",
  ".dev.vars",
  "*.pem",
  "*.key",
  "*.p12",
  "*.pfx",
  "*.keystore",
  "*.jks",
  "id_rsa",
  "id_dsa",
  "id_ecdsa",
  "id_ed25519",
  "secret.*",
  "secrets.*",
  "*.secret",
  "*.secrets",
  "*-secret.*",
  "*_secret.*",
  "*-secrets.*",
  "*_secrets.*",
  "*secret*.yaml",
  "*secret*.yml",
  "credentials",
  "credentials.*",
  "credentials-*",
  "credentials_*",
  ".credentials",
  ".credentials.*",
  "*.credentials",
  ".npmrc",
  ".yarnrc.yml",
  ".pypirc",
  ".netrc",
  "_netrc",
  ".git-credentials",
  ".pgpass",
  ".htpasswd",
  "kubeconfig",
  "*.kubeconfig",
  "terraform.tfvars",
  "*.auto.tfvars",
  "*.tfvars",
  "*.tfvars.json",
  "**/.docker/config.json",
  "**/.kube/config",
  "**/.aws/credentials",
  "**/.aws/config",
  "**/secrets/**",
  "**/.secrets/**",
];

const matchOptions = { dot: true, nocase: true } as const;

function compile(patterns: readonly string[]): (path: string) => boolean {
  const byName = patterns.filter((p) => !p.includes("/"));
  const byPath = patterns.filter((p) => p.includes("/"));
  const name = byName.length > 0 ? picomatch(byName as string[], matchOptions) : () => false;
  const whole = byPath.length > 0 ? picomatch(byPath as string[], matchOptions) : () => false;
  return (path) => name(basename(path)) || whole(path);
}

const isSecretsFile = compile(SECRETS_FILE_PATTERNS);

function basename(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? path : path.slice(slash + 1);
}

/** One compiled matcher per detector's path list (detectors are long-lived objects). */
const deployMatchers = new WeakMap<readonly string[], (path: string) => boolean>();

function deployConfigMatcher(paths: readonly string[]): (path: string) => boolean {
  let matcher = deployMatchers.get(paths);
  if (!matcher) {
    matcher = picomatch(paths as string[], { dot: true });
    deployMatchers.set(paths, matcher);
  }
  return matcher;
}

/** "a Railway", "an AWS": by the first letter, which is right for the provider names in the registry. */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

export function judgePlacement({ path, detector, relatedContent }: PlacementInput): Placement {
  if (isSecretsFile(path)) return { related: true, reason: `${path} is a secrets file` };
  const deployPaths = detector.related.paths ?? [];
  if (deployPaths.length > 0 && deployConfigMatcher(deployPaths)(path)) {
    return { related: true, reason: `${path} is ${article(detector.name)} ${detector.name} config file` };
  }
  if (relatedContent) return { related: true, reason: `${path} uses ${detector.name}` };
  const hasRelatedFiles = deployPaths.length > 0 || detector.related.content !== undefined;
  return {
    related: false,
    reason: hasRelatedFiles
      ? `${path} has nothing to do with ${detector.name}`
      : `${path} is not a secrets file`,
  };
}
