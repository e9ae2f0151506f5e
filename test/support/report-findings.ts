/**
 * Findings for reporter tests, built the way the pipeline builds them (placement, blast radius and
 * summary from the real modules) from secrets made at test time by the seeded generator, so the
 * tests can assert that no secret reaches any output.
 */
import { createHash } from "node:crypto";
import { ALPHABET, createRng, withBase62Crc } from "../../src/detector-kit/index.js";
import { judgePlacement } from "../../src/placement.js";
import { redact } from "../../src/redact.js";
import type { ReportContext } from "../../src/report/index.js";
import { detectorById } from "../../src/registry.js";
import { scoreFinding, summaryLine } from "../../src/score/blast-radius.js";
import type {
  Capability,
  Confidence,
  Detector,
  Encoding,
  Exposure,
  Finding,
  Introspection,
  Lifetime,
  Liveness,
  Suppression,
} from "../../src/types.js";

export const NOW = new Date("2026-06-01T00:00:00Z");

export interface FindingSpec {
  detectorId: string;
  rule: string;
  provider: string;
  title: string;
  tokenType?: string;
  secret: string;
  path: string;
  line?: number;
  column?: number;
  exposure?: Exposure;
  liveness?: Liveness;
  capabilities: Capability[];
  introspection?: Introspection;
  relatedContent?: boolean;
  confidence?: Confidence;
  testMode?: boolean;
  lifetime?: Lifetime;
  suppressed?: Suppression;
  encoding?: Encoding;
  notes?: string[];
}

export function buildFinding(spec: FindingSpec): Finding {
  const detector: Pick<Detector, "name" | "related"> = detectorById(spec.detectorId) ?? { name: spec.provider, related: {} };
  const placement = judgePlacement({ path: spec.path, detector, relatedContent: spec.relatedContent ?? false });
  const liveness = spec.liveness ?? "unchecked";
  const inference = { capabilities: spec.capabilities, notes: spec.notes ?? [], ...(spec.lifetime ? { lifetime: spec.lifetime } : {}) };
  const line = spec.line ?? 1;
  const column = spec.column ?? 1;
  const capabilities = liveness === "live" && spec.introspection?.capabilities ? spec.introspection.capabilities : spec.capabilities;
  const blastRadius = scoreFinding({
    provider: spec.provider,
    title: spec.title,
    capabilities,
    liveness,
    introspection: spec.introspection,
    inference,
    exposure: spec.exposure ?? "tracked",
    placement,
    path: spec.path,
    confidence: spec.confidence ?? "high",
    testMode: spec.testMode,
    lifetime: spec.lifetime,
    now: NOW,
  });
  const finding: Finding = {
    ruleId: `${spec.detectorId}/${spec.rule}`,
    detectorId: spec.detectorId,
    provider: spec.provider,
    tokenType: spec.tokenType ?? spec.rule,
    title: spec.title,
    path: spec.path,
    line,
    column,
    endLine: line,
    endColumn: column + spec.secret.length,
    redacted: redact(spec.secret),
    fingerprint: createHash("sha256").update(`${spec.detectorId}/${spec.rule}\0${spec.secret}`).digest("hex").slice(0, 32),
    confidence: spec.confidence ?? "high",
    exposure: spec.exposure ?? "tracked",
    placement,
    inference,
    liveness,
    capabilities,
    blastRadius,
    summary: "",
    ...(spec.introspection ? { introspection: spec.introspection } : {}),
    ...(spec.suppressed ? { suppressed: spec.suppressed } : {}),
    ...(spec.encoding ? { encoding: spec.encoding } : {}),
  };
  finding.summary = summaryLine(finding);
  return finding;
}

/** Seeded token-shaped values; never committed as literals. */
export function makeSecrets(seed: number) {
  const rng = createRng(seed);
  return {
    githubClassic: `ghp_${withBase62Crc(rng.chars(ALPHABET.base62, 30))}`,
    githubFineGrained: `github_pat_${rng.chars(ALPHABET.base62, 22)}_${rng.chars(ALPHABET.base62, 59)}`,
    railway: rng.uuid(),
    stripeTest: `sk_test_${rng.chars(ALPHABET.base62, 24)}`,
    stripeLive: `sk_live_${rng.chars(ALPHABET.base62, 24)}`,
    password: rng.chars(ALPHABET.base62, 20),
    slack: `xoxb-${rng.chars(ALPHABET.digits, 12)}-${rng.chars(ALPHABET.digits, 12)}-${rng.chars(ALPHABET.base62, 24)}`,
    openai: `sk-proj-${rng.chars(ALPHABET.base64url, 48)}`,
  };
}

const RAILWAY_ALL: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "PROD_REACH", "IAM_WRITE", "SECRETS_READ"];

/**
 * A scan's worth of findings: every tier, suppressed ones of both kinds, and paths with spaces,
 * unicode, `#`, `%`, a newline and a non-UTF-8 byte (a lone surrogate after decoding).
 */
export function sampleFindings(seed = 7): { findings: Finding[]; secrets: string[] } {
  const s = makeSecrets(seed);
  /** The same classic token, found in several places. */
  const githubClassicAt = (where: Pick<FindingSpec, "path" | "line" | "column" | "liveness" | "exposure">): Finding =>
    buildFinding({
      detectorId: "github",
      rule: "classic-pat",
      provider: "GitHub",
      title: "GitHub classic personal access token",
      secret: s.githubClassic,
      capabilities: ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "SECRETS_READ", "IAM_WRITE"],
      lifetime: "long",
      ...where,
    });
  const findings = [
    buildFinding({
      detectorId: "railway",
      rule: "api-token",
      provider: "Railway",
      title: "Railway API token",
      secret: s.railway,
      path: "scripts/custom-domains.sh",
      line: 3,
      column: 21,
      liveness: "live",
      capabilities: RAILWAY_ALL,
      confidence: "medium",
      lifetime: "long",
      introspection: {
        liveness: "live",
        owner: "dev@acme.test",
        account: "acme",
        tokenClass: "account token",
        capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "PROD_REACH", "IAM_WRITE"],
        resources: ["volume pg-data in environment production"],
        facts: ["admin of workspace acme"],
      },
    }),
    githubClassicAt({ path: "my dir/a b.env", line: 2, column: 14 }),
    githubClassicAt({ path: "ünïcödé/日本語 🔑.ts", line: 10, column: 5, liveness: "inactive", exposure: "history" }),
    buildFinding({
      detectorId: "github",
      rule: "fine-grained-pat",
      provider: "GitHub",
      title: "GitHub fine-grained personal access token",
      secret: s.githubFineGrained,
      path: "src/#temp/config.ts",
      line: 5,
      column: 11,
      capabilities: ["CODE_WRITE", "SECRETS_READ", "DELETE_DATA"],
      lifetime: "long",
      relatedContent: true,
    }),
    buildFinding({
      detectorId: "stripe",
      rule: "secret-key-live",
      provider: "Stripe",
      title: "Stripe live secret key",
      secret: s.stripeLive,
      path: "docs/#notes 100%.md",
      line: 40,
      column: 3,
      capabilities: ["ACCOUNT_WIDE", "PROD_REACH", "SPEND", "READ_PII", "DELETE_DATA"],
      exposure: "untracked",
      encoding: "base64",
      suppressed: { by: "comment" },
    }),
    buildFinding({
      detectorId: "slack",
      rule: "bot-token",
      provider: "Slack",
      title: "Slack bot token",
      secret: s.slack,
      path: "ops/notify\nline.sh",
      capabilities: ["SEND_AS_ORG", "READ_PII"],
      exposure: "ignored",
      suppressed: { by: "config", reason: "rotated in INC-42" },
    }),
    buildFinding({
      detectorId: "openai",
      rule: "project-key",
      provider: "OpenAI",
      title: "OpenAI project API key",
      secret: s.openai,
      path: "odd/na\uD800me.py",
      line: 7,
      column: 9,
      capabilities: ["SPEND"],
      relatedContent: true,
    }),
    buildFinding({
      detectorId: "stripe",
      rule: "secret-key-test",
      provider: "Stripe",
      title: "Stripe test-mode secret key",
      secret: s.stripeTest,
      path: "test/fixtures/pay.test.ts",
      line: 12,
      column: 17,
      capabilities: ["TEST_MODE"],
      testMode: true,
    }),
    buildFinding({
      detectorId: "generic-secret",
      rule: "password-assignment",
      provider: "Generic",
      title: "Password assignment",
      secret: s.password,
      path: "src/db.ts",
      line: 4,
      column: 20,
      capabilities: [],
      confidence: "low",
    }),
  ];
  return { findings, secrets: Object.values(s) };
}

export function sampleContext(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    tool: { version: "0.1.0" },
    roots: ["."],
    summary: { filesScanned: 120, bytesScanned: 1_234_567, skipped: { binary: 2, "too-large": 1, unreadable: 0 }, durationMs: 1_450 },
    notices: [
      { path: "assets/logo.png", kind: "binary", message: "binary file skipped" },
      { path: "dump.sql", kind: "too-large", message: "larger than --max-file-size (10 MB); skipped" },
    ],
    offline: true,
    ...overrides,
  };
}
