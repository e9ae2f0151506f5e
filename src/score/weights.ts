/**
 * Every number the blast-radius score uses, in one table. test/blast-radius.test.ts checks each
 * row: it changes the row's value and expects a scenario's score to change.
 *
 * How the rows combine (see src/score/blast-radius.ts):
 *   points  = (base + Σ capability points) × Π capability multipliers
 *   impact  = 10 × (1 − e^(−points / saturationPoints))          (0..10, saturating)
 *   score   = impact × liveness × exposure × placement × lifetime × confidence   (clamped to 0..10)
 * Impact saturates so that "can delete everything" cannot be outweighed by piling up minor rights;
 * the context factors scale the result so that a dead or local token still ranks below a live,
 * pushed one of the same type (lower, never zero: a leak is still a leak).
 */
export const BLAST_RADIUS_WEIGHTS = {
  /** Points per capability (../shared/providers.md §0.2). `base`: any credential reaches something. */
  points: {
    base: 10,
    DELETE_DATA: 40,
    DELETE_BACKUPS: 40,
    DELETE_INFRA: 30,
    IAM_WRITE: 35,
    SECRETS_READ: 25,
    CODE_WRITE: 30,
    SEND_AS_ORG: 15,
    SPEND: 15,
    READ_PII: 15,
  },
  /** Capabilities that scale the points instead of adding to them. TEST_MODE also applies to rules marked testMode. */
  multipliers: {
    ACCOUNT_WIDE: 1.5,
    PROD_REACH: 2,
    TEST_MODE: 0.1,
  },
  /** Points at which impact reaches 63% of 10 (1 − 1/e); 3× this is 95%. */
  saturationPoints: 40,
  /**
   * Unknown and unchecked tokens are scored on their type's worst-case capabilities; the small
   * discount only ranks a confirmed-live token above an otherwise identical unconfirmed one.
   * Inactive tokens keep half: they stay in history and may be reactivated.
   */
  liveness: {
    live: 1,
    unknown: 0.95,
    unchecked: 0.9,
    inactive: 0.5,
  },
  /** Pushed (tracked, or in history) beats local; local still counts: any agent on the machine reads it. */
  exposure: {
    tracked: 1,
    history: 0.95,
    "not-a-repo": 0.8,
    untracked: 0.8,
    ignored: 0.75,
  },
  /** A token where it has no reason to be is forgotten, unowned, and found by whoever reads that file. */
  placement: {
    related: 1,
    unrelated: 1.15,
  },
  lifetime: {
    long: 1.05,
    unknown: 1,
    short: 0.85,
    expired: 0.4,
  },
  /** An expiry closer than this many days counts as short-lived. */
  shortLivedDays: 30,
  confidence: {
    high: 1,
    medium: 0.85,
    low: 0.6,
  },
  /** Lowest score of each tier (GitHub code scanning's bands). */
  tiers: {
    critical: 9,
    high: 7,
    medium: 4,
  },
} as const;

/** The shape of the table, with numbers widened so tests can pass a modified copy. */
export type BlastRadiusWeights = {
  [K in keyof typeof BLAST_RADIUS_WEIGHTS]: (typeof BLAST_RADIUS_WEIGHTS)[K] extends number
    ? number
    : { [R in keyof (typeof BLAST_RADIUS_WEIGHTS)[K]]: number };
};
