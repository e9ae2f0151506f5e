/** The registered detectors as a list sorted by id (detectors/index.ts holds one export per provider). */
import * as registered from "../detectors/index.js";
import type { Detector } from "./types.js";

export const detectors: readonly Detector[] = Object.values(registered as Record<string, Detector>).sort((a, b) =>
  a.id.localeCompare(b.id),
);

export function detectorById(id: string): Detector | undefined {
  return detectors.find((d) => d.id === id);
}
