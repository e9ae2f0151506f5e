/** Shapes of the samples every detector carries (detectors/<id>/samples.ts). */
import type { Rng } from "./random.js";

export interface PositiveSample {
  /** Rule id inside the detector (without the detector prefix). */
  rule: string;
  /** The exact secret the engine must extract. */
  secret: string;
  /**
   * Key name the secret is assigned to when placed in contexts (.env, YAML, JSON, code...).
   * Required for rules that need a variable name as evidence.
   */
  name?: string;
  /** A complete file content to scan instead of generated contexts (multi-line formats, key files). */
  content?: string;
  /** File path to use for `content` (rules restricted by path). */
  path?: string;
}

export interface NegativeSample {
  /** File content that must yield no finding from this detector. */
  content: string;
  /** Why it must not be reported (placeholder, wrong checksum, documented example...). */
  why: string;
  path?: string;
}

export interface DetectorSamples {
  positive(rng: Rng): PositiveSample[];
  negative(rng: Rng): NegativeSample[];
}
