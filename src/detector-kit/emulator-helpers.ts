/**
 * Helpers for the loopback emulators in detectors/<id>/emulator.ts (used by tests only): reading the
 * credential a request carries, and the usual "rejected token" case.
 */
import type { EmulatedRequest, EmulatorHandler, IntrospectionCase } from "./emulator.js";

/** The token of an `Authorization: Bearer <token>` header of at most `maxLength` characters, or undefined. */
export function bearerTokenOf(request: EmulatedRequest, maxLength = 200): string | undefined {
  return new RegExp(`^Bearer (\\S{1,${maxLength}})$`).exec(request.headers["authorization"] ?? "")?.[1];
}

/** A case whose token the provider rejects (revoked, deleted, unknown): introspection must say inactive. */
export function inactiveCase(name: string, rule: string, secret: string, handler: EmulatorHandler): IntrospectionCase {
  return { name, rule, secret, handler, expect: { liveness: "inactive" } };
}
