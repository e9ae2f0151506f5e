/** The claims of a Supabase legacy project key (a JWT), decoded offline. */
import { jwtPayload } from "../../src/detector-kit/index.js";

export interface SupabaseClaims {
  role?: string;
  ref?: string;
  iss?: string;
  exp?: number;
}

export function supabaseClaims(token: string): SupabaseClaims | undefined {
  const payload = jwtPayload(token);
  if (!payload) return undefined;
  const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
  return {
    role: str(payload["role"]),
    ref: str(payload["ref"]),
    iss: str(payload["iss"]),
    exp: typeof payload["exp"] === "number" ? payload["exp"] : undefined,
  };
}
