/**
 * Shapes of the loopback emulators in detectors/<id>/emulator.ts. Emulators answer as the provider's
 * documented API does (status codes, headers, body shapes) and are used by tests only.
 */
import type { Capability, Liveness } from "../types.js";
import type { Rng } from "./random.js";

export interface EmulatedRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

export interface EmulatedResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON with content-type application/json. */
  body?: string | object;
  /** Wait this long before answering (to exercise timeouts). */
  delayMs?: number;
}

export type EmulatorHandler = (request: EmulatedRequest) => EmulatedResponse | Promise<EmulatedResponse>;

export interface IntrospectionCase {
  name: string;
  /** Rule id inside the detector. */
  rule: string;
  secret: string;
  companions?: { rule: string; secret: string }[];
  /** Answers as the provider would for this token's account state. */
  handler: EmulatorHandler;
  expect: {
    liveness: Liveness;
    owner?: string;
    account?: string;
    tokenClass?: string;
    /** Capabilities the result must include. */
    capabilities?: Capability[];
    /** Capabilities the result must not include. */
    absentCapabilities?: Capability[];
    /** Scopes the result must include. */
    scopes?: string[];
    /** Substrings that must appear among the facts/resources (e.g. "volume pg-data"). */
    mentions?: string[];
  };
}

export interface ProviderEmulator {
  /** At least one live and one inactive case. */
  cases(rng: Rng): IntrospectionCase[];
}
