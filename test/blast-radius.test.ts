import { describe, expect, it } from "vitest";
import {
  BLAST_RADIUS_WEIGHTS,
  chooseCapabilities,
  explainScore,
  scoreFinding,
  summaryLine,
  tierOf,
  type BlastRadiusWeights,
  type ScoreInput,
} from "../src/score/blast-radius.js";
import { CAPABILITIES, type Capability, type Exposure, type Finding, type Tier } from "../src/types.js";

const NOW = new Date("2026-06-01T00:00:00Z");
const DAY = 86_400_000;
const inDays = (days: number): string => new Date(NOW.getTime() + days * DAY).toISOString();

/** A live, tracked, related, high-confidence token with no lifetime information: every factor is 1. */
function scenario(overrides: Partial<ScoreInput> = {}): ScoreInput {
  return {
    provider: "Example",
    title: "Example API token",
    capabilities: [],
    liveness: "live",
    inference: { capabilities: [], notes: [] },
    exposure: "tracked",
    placement: { related: true, reason: ".env is a secrets file" },
    path: ".env",
    confidence: "high",
    now: NOW,
    ...overrides,
  };
}

const spend = (overrides: Partial<ScoreInput> = {}): ScoreInput => scenario({ capabilities: ["SPEND"], ...overrides });

/**
 * One or more scenarios per row of the weights table, each with its expected exact score and tier
 * written as literals. A row without a scenario fails the coverage test below; a row whose value
 * could change without changing any of its scenarios' outcomes fails the sensitivity test.
 */
const ROW_SCENARIOS: Record<string, { input: ScoreInput; exact: number; tier: Tier }[]> = {
  "points.base": [{ input: scenario(), exact: 2.212, tier: "low" }],
  "points.DELETE_DATA": [{ input: scenario({ capabilities: ["DELETE_DATA"] }), exact: 7.1350, tier: "high" }],
  "points.DELETE_BACKUPS": [{ input: scenario({ capabilities: ["DELETE_BACKUPS"] }), exact: 7.1350, tier: "high" }],
  "points.DELETE_INFRA": [{ input: scenario({ capabilities: ["DELETE_INFRA"] }), exact: 6.3212, tier: "medium" }],
  "points.IAM_WRITE": [{ input: scenario({ capabilities: ["IAM_WRITE"] }), exact: 6.7535, tier: "medium" }],
  "points.SECRETS_READ": [{ input: scenario({ capabilities: ["SECRETS_READ"] }), exact: 5.8314, tier: "medium" }],
  "points.CODE_WRITE": [{ input: scenario({ capabilities: ["CODE_WRITE"] }), exact: 6.3212, tier: "medium" }],
  "points.SEND_AS_ORG": [{ input: scenario({ capabilities: ["SEND_AS_ORG"] }), exact: 4.6474, tier: "medium" }],
  "points.SPEND": [{ input: spend(), exact: 4.6474, tier: "medium" }],
  "points.READ_PII": [{ input: scenario({ capabilities: ["READ_PII"] }), exact: 4.6474, tier: "medium" }],
  "multipliers.ACCOUNT_WIDE": [{ input: spend({ capabilities: ["SPEND", "ACCOUNT_WIDE"] }), exact: 6.0839, tier: "medium" }],
  "multipliers.PROD_REACH": [{ input: spend({ capabilities: ["SPEND", "PROD_REACH"] }), exact: 7.1350, tier: "high" }],
  "multipliers.TEST_MODE": [
    { input: spend({ testMode: true }), exact: 0.6059, tier: "low" },
    { input: spend({ capabilities: ["SPEND", "TEST_MODE"] }), exact: 0.6059, tier: "low" },
  ],
  saturationPoints: [{ input: spend(), exact: 4.6474, tier: "medium" }],
  "liveness.live": [{ input: spend(), exact: 4.6474, tier: "medium" }],
  "liveness.unknown": [{ input: spend({ liveness: "unknown" }), exact: 4.4150, tier: "medium" }],
  "liveness.unchecked": [{ input: spend({ liveness: "unchecked" }), exact: 4.1826, tier: "medium" }],
  "liveness.inactive": [{ input: spend({ liveness: "inactive" }), exact: 2.3237, tier: "low" }],
  "exposure.tracked": [{ input: spend(), exact: 4.6474, tier: "medium" }],
  "exposure.history": [{ input: spend({ exposure: "history" }), exact: 4.4150, tier: "medium" }],
  "exposure.not-a-repo": [{ input: spend({ exposure: "not-a-repo" }), exact: 3.7179, tier: "low" }],
  "exposure.untracked": [{ input: spend({ exposure: "untracked" }), exact: 3.7179, tier: "low" }],
  "exposure.ignored": [{ input: spend({ exposure: "ignored" }), exact: 3.4855, tier: "low" }],
  "placement.related": [{ input: spend(), exact: 4.6474, tier: "medium" }],
  "placement.unrelated": [
    { input: spend({ placement: { related: false, reason: "src/ui/button.tsx has nothing to do with Example" } }), exact: 5.3445, tier: "medium" },
  ],
  "lifetime.long": [{ input: spend({ inference: { capabilities: [], notes: [], lifetime: "long" } }), exact: 4.8798, tier: "medium" }],
  "lifetime.unknown": [{ input: spend(), exact: 4.6474, tier: "medium" }],
  "lifetime.short": [{ input: spend({ lifetime: "short" }), exact: 3.9503, tier: "medium" }],
  "lifetime.expired": [{ input: spend({ inference: { capabilities: [], notes: [], expiresAt: inDays(-3) } }), exact: 1.8590, tier: "low" }],
  shortLivedDays: [
    { input: spend({ lifetime: "long", inference: { capabilities: [], notes: [], expiresAt: inDays(28) } }), exact: 3.9503, tier: "medium" },
    { input: spend({ lifetime: "long", inference: { capabilities: [], notes: [], expiresAt: inDays(32) } }), exact: 4.8798, tier: "medium" },
  ],
  "confidence.high": [{ input: spend(), exact: 4.6474, tier: "medium" }],
  "confidence.medium": [{ input: spend({ confidence: "medium" }), exact: 3.9503, tier: "medium" }],
  "confidence.low": [{ input: spend({ confidence: "low" }), exact: 2.7884, tier: "low" }],
  "tiers.critical": [
    { input: scenario({ capabilities: ["DELETE_DATA", "DELETE_BACKUPS", "SPEND"] }), exact: 9.2756, tier: "critical" },
    { input: scenario({ capabilities: ["DELETE_DATA", "DELETE_BACKUPS"] }), exact: 8.9460, tier: "high" },
  ],
  "tiers.high": [
    { input: scenario({ capabilities: ["DELETE_DATA"] }), exact: 7.1350, tier: "high" },
    { input: scenario({ capabilities: ["IAM_WRITE"] }), exact: 6.7535, tier: "medium" },
  ],
  "tiers.medium": [
    { input: spend({ liveness: "unchecked" }), exact: 4.1826, tier: "medium" },
    { input: spend({ exposure: "untracked" }), exact: 3.7179, tier: "low" },
  ],
};

type Leaf = { key: string; path: string[]; value: number };

function leaves(table: object, prefix: string[] = []): Leaf[] {
  return Object.entries(table).flatMap(([k, v]) =>
    typeof v === "number" ? [{ key: [...prefix, k].join("."), path: [...prefix, k], value: v }] : leaves(v as object, [...prefix, k]),
  );
}

function withRow(path: string[], value: number): BlastRadiusWeights {
  const copy = structuredClone(BLAST_RADIUS_WEIGHTS) as unknown as Record<string, unknown>;
  let node = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  return copy as unknown as BlastRadiusWeights;
}

function outcome(input: ScoreInput, weights?: BlastRadiusWeights): string {
  const exact = explainScore(input, weights).exact;
  const { tier } = scoreFinding(input, weights);
  return `${exact.toFixed(6)} ${tier}`;
}

describe("weights table", () => {
  const rows = leaves(BLAST_RADIUS_WEIGHTS);

  it("has a scenario for every row, and no scenario for a row that does not exist", () => {
    expect(rows.map((r) => r.key).sort()).toEqual(Object.keys(ROW_SCENARIOS).sort());
  });

  for (const [key, scenarios] of Object.entries(ROW_SCENARIOS)) {
    it(`row ${key}: scores its scenarios as expected`, () => {
      for (const s of scenarios) {
        expect(explainScore(s.input).exact).toBeCloseTo(s.exact, 3);
        expect(scoreFinding(s.input).tier).toBe(s.tier);
      }
    });
  }

  for (const row of rows) {
    it(`row ${row.key}: raising or lowering it by 10% changes a scenario's outcome`, () => {
      const scenarios = ROW_SCENARIOS[row.key] ?? [];
      for (const factor of [1.1, 0.9]) {
        const changed = withRow(row.path, row.value * factor);
        const differs = scenarios.some((s) => outcome(s.input, changed) !== outcome(s.input));
        expect(differs, `${row.key} × ${factor}`).toBe(true);
      }
    });
  }
});

const RAILWAY_CEILING: Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_BACKUPS",
  "DELETE_INFRA",
  "PROD_REACH",
  "IAM_WRITE",
  "SECRETS_READ",
];

function railwayIncident(overrides: Partial<ScoreInput> = {}): ScoreInput {
  return {
    provider: "Railway",
    title: "Railway API token",
    tokenClass: "account token",
    capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "PROD_REACH"],
    liveness: "live",
    introspection: {
      liveness: "live",
      owner: "dev@acme.test",
      account: "acme",
      tokenClass: "account token",
      capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "PROD_REACH"],
      resources: ["volume pg-data in environment production"],
      facts: ["admin of workspace acme"],
    },
    inference: { capabilities: RAILWAY_CEILING, notes: [] },
    exposure: "tracked",
    placement: { related: false, reason: "scripts/custom-domains.sh has nothing to do with Railway" },
    path: "scripts/custom-domains.sh",
    confidence: "medium",
    lifetime: "long",
    now: NOW,
    ...overrides,
  };
}

describe("calibration", () => {
  it("the incident: a live Railway account token that can delete production data and backups, in an unrelated committed file, is critical near 10", () => {
    const result = scoreFinding(railwayIncident());
    expect(result.tier).toBe("critical");
    expect(result.score).toBeGreaterThanOrEqual(9.8);
    expect(result.reasons.slice(0, 3)).toEqual([
      "live Railway account token; admin of workspace acme",
      "can delete volume pg-data in environment production, and its backups with it",
      "acts for the whole account, not one project",
    ]);
    expect(result.reasons).toContain("in scripts/custom-domains.sh, which has nothing to do with Railway");
    expect(result.reasons).toContain("committed to git: anyone with the repository can read it");
    // The unrelated placement comes before the exposure: it is what makes this case unusual.
    const placementAt = result.reasons.indexOf("in scripts/custom-domains.sh, which has nothing to do with Railway");
    expect(placementAt).toBeLessThan(result.reasons.indexOf("committed to git: anyone with the repository can read it"));
  });

  it("an unchecked GitHub classic PAT in a committed .env is high or critical", () => {
    const input = scenario({
      provider: "GitHub",
      title: "GitHub classic personal access token",
      capabilities: ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "SECRETS_READ", "IAM_WRITE"],
      liveness: "unchecked",
      lifetime: "long",
    });
    const result = scoreFinding(input);
    expect(["high", "critical"]).toContain(result.tier);
    expect(result.reasons[0]).toBe("unchecked GitHub classic personal access token: scored on the worst case for its type");
    expect(result.reasons).toContain("could push code, packages or CI changes (a supply-chain risk)");
  });

  it("a Stripe sk_test_ key is low", () => {
    const result = scoreFinding(
      scenario({
        provider: "Stripe",
        title: "Stripe test-mode secret key",
        capabilities: ["TEST_MODE"],
        testMode: true,
        liveness: "unchecked",
        lifetime: "long",
        placement: { related: false, reason: "src/pay.ts has nothing to do with Stripe" },
        path: "src/pay.ts",
      }),
    );
    expect(result.tier).toBe("low");
    expect(result.reasons[1]).toBe("test-mode credential: no real money or customer data");
  });

  it("a generic low-confidence password is low or medium, wherever it is", () => {
    for (const exposure of ["tracked", "untracked"] as Exposure[]) {
      for (const related of [true, false]) {
        const result = scoreFinding(
          scenario({
            provider: "Generic",
            title: "Password assignment",
            liveness: "unchecked",
            confidence: "low",
            exposure,
            placement: { related, reason: related ? "config/.env is a secrets file" : "src/db.ts is not a secrets file" },
            path: related ? "config/.env" : "src/db.ts",
          }),
        );
        expect(["low", "medium"]).toContain(result.tier);
        expect(result.reasons).toContain("low-confidence match: it may not be a real secret");
      }
    }
  });

  it("an inactive token is at most medium, however bad its type and placement, and never zero", () => {
    const everything = CAPABILITIES.filter((c) => c !== "TEST_MODE");
    let lowest = 10;
    for (const exposure of Object.keys(BLAST_RADIUS_WEIGHTS.exposure) as Exposure[]) {
      for (const related of [true, false]) {
        for (const lifetime of ["long", "unknown", "short"] as const) {
          const result = scoreFinding(
            scenario({
              capabilities: everything,
              liveness: "inactive",
              exposure,
              lifetime,
              placement: { related, reason: "x" },
            }),
          );
          expect(["medium", "low"], `${exposure} ${related} ${lifetime}`).toContain(result.tier);
          lowest = Math.min(lowest, result.score);
        }
      }
    }
    expect(lowest).toBeGreaterThan(0);
    expect(scoreFinding(railwayIncident({ liveness: "inactive" })).reasons[0]).toBe(
      "inactive Railway account token: Railway rejected it, but it stays where it was found and may be reactivated; admin of workspace acme",
    );
  });

  it("unrelated placement raises, local exposure lowers but keeps a meaningful score, expiry lowers", () => {
    const base = scoreFinding(spend()).score;
    expect(scoreFinding(spend({ placement: { related: false, reason: "a has nothing to do with Example" } })).score).toBeGreaterThan(base);
    const local = scoreFinding(spend({ exposure: "untracked" })).score;
    expect(local).toBeLessThan(base);
    expect(local).toBeGreaterThan(base / 2);
    expect(scoreFinding(spend({ inference: { capabilities: [], notes: [], expiresAt: inDays(-1) } })).score).toBeLessThan(base);
  });

  it("a live token whose scopes were read scores on them, not on its type's ceiling", () => {
    const narrow = railwayIncident({
      capabilities: chooseCapabilities(RAILWAY_CEILING, {
        liveness: "live",
        capabilities: ["SECRETS_READ"],
      }),
      introspection: { liveness: "live", capabilities: ["SECRETS_READ"] },
      placement: { related: true, reason: "railway.toml is a Railway config file" },
      path: "railway.toml",
    });
    expect(narrow.capabilities).toEqual(["SECRETS_READ"]);
    expect(scoreFinding(narrow).score).toBeLessThan(scoreFinding(railwayIncident()).score);
    expect(scoreFinding(narrow).reasons).toContain("can read other secrets (environment variables, CI variables, secret stores)");
  });
});

describe("chooseCapabilities", () => {
  it("uses the provider's answer only for a live token that has one; the ceiling otherwise", () => {
    expect(chooseCapabilities(["DELETE_DATA", "SPEND"], { liveness: "live", capabilities: ["SPEND"] })).toEqual(["SPEND"]);
    expect(chooseCapabilities(["DELETE_DATA", "SPEND"], { liveness: "live" })).toEqual(["DELETE_DATA", "SPEND"]);
    expect(chooseCapabilities(["DELETE_DATA"], { liveness: "inactive", capabilities: [] })).toEqual(["DELETE_DATA"]);
    expect(chooseCapabilities(["DELETE_DATA"], { liveness: "unknown", capabilities: [] })).toEqual(["DELETE_DATA"]);
    expect(chooseCapabilities(["DELETE_DATA"])).toEqual(["DELETE_DATA"]);
  });
});

describe("reasons and tiers", () => {
  it("tiers follow GitHub's bands at their edges", () => {
    expect([tierOf(10), tierOf(9), tierOf(8.9), tierOf(7), tierOf(6.9), tierOf(4), tierOf(3.9), tierOf(0)]).toEqual([
      "critical", "critical", "high", "high", "medium", "medium", "low", "low",
    ]);
  });

  it("scores have one decimal and stay within 0..10", () => {
    const everything = CAPABILITIES.filter((c) => c !== "TEST_MODE");
    const top = scoreFinding(scenario({ capabilities: everything, placement: { related: false, reason: "x" }, lifetime: "long" }));
    expect(top.score).toBe(10);
    for (const s of Object.values(ROW_SCENARIOS).flat()) {
      const { score } = scoreFinding(s.input);
      expect(Math.round(score * 10) / 10).toBe(score);
    }
  });

  it("says when the lifetime matters, and names unknown liveness with its reason", () => {
    const unknown = scoreFinding(
      spend({ liveness: "unknown", introspection: { liveness: "unknown", reason: "timed out after 10 s" }, lifetime: "long" }),
    );
    expect(unknown.reasons[0]).toBe("Example API token whose liveness is unknown (timed out after 10 s): scored on the worst case for its type");
    expect(unknown.reasons).toContain("long-lived: does not expire");
    expect(unknown.reasons).toContain("could spend money on the owner's account");
    const expired = scoreFinding(spend({ inference: { capabilities: [], notes: ["JWT for project abc"], expiresAt: "2026-05-01T00:00:00Z" } }));
    expect(expired.reasons).toContain("expired on 2026-05-01: probably no longer usable");
    expect(expired.reasons[expired.reasons.length - 1]).toBe("JWT for project abc");
  });

  it("lists production reach separately only when no named resource already says production", () => {
    const withoutResources = scoreFinding(scenario({ capabilities: ["DELETE_DATA", "PROD_REACH"], liveness: "unchecked" }));
    expect(withoutResources.reasons).toContain("could reach production");
    expect(scoreFinding(railwayIncident()).reasons).not.toContain("reaches production");
  });
});

describe("summaryLine", () => {
  function finding(input: ScoreInput): Finding {
    return {
      ruleId: "railway/api-token",
      detectorId: "railway",
      provider: input.provider,
      tokenType: "account token",
      title: input.title,
      path: input.path,
      line: 3,
      column: 14,
      endLine: 3,
      endColumn: 50,
      redacted: "1a2b…9f",
      fingerprint: "0".repeat(16),
      confidence: input.confidence,
      exposure: input.exposure,
      placement: input.placement,
      inference: input.inference,
      liveness: input.liveness,
      introspection: input.introspection,
      capabilities: [...input.capabilities],
      blastRadius: scoreFinding(input),
      summary: "",
    };
  }

  it("says in one line what the token is, the worst it can do, and where it sits", () => {
    expect(summaryLine(finding(railwayIncident()))).toBe(
      "Live Railway account token that can delete volume pg-data in environment production, and its backups with it; in an unrelated file; committed to git",
    );
    expect(summaryLine(finding(spend({ capabilities: ["TEST_MODE"], liveness: "unchecked", exposure: "untracked" })))).toBe(
      "Unchecked Example API token (test-mode credential: no real money or customer data); in an untracked local file",
    );
  });
});
