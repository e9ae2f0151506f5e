/**
 * Every detector, sorted by id. Adding a provider: a folder detectors/<id>/ (index.ts, samples.ts,
 * and emulator.ts when it has an API) and one line here. test/registry.test.ts checks both.
 */
import type { Detector } from "../src/types.js";
import { detector as github } from "./github/index.js";

export const detectors: readonly Detector[] = [
  github,
];
