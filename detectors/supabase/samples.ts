import { ALPHABET, makeJwt } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

export const sampleRef = (rng: Rng): string => rng.chars("abcdefghijklmnopqrstuvwxyz", 20);

/** A legacy project key JWT as Supabase issues them (10-year expiry); the signature is random. */
export function sampleProjectJwt(rng: Rng, role: string, ref = sampleRef(rng), iss = "supabase"): string {
  const iat = 1_700_000_000 + rng.int(10_000_000);
  return makeJwt({ iss, ref, role, iat, exp: iat + 315_360_000 }, rng.chars(ALPHABET.base64url, 43));
}

export const sampleSecretKey = (rng: Rng): string => `sb_secret_${rng.chars(ALPHABET.base62, 22)}_${rng.chars(ALPHABET.base62, 8)}`;
export const sampleManagementToken = (rng: Rng): string => `sbp_${rng.hex(40)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "service-role-key", secret: sampleProjectJwt(rng, "service_role"), name: "SUPABASE_SERVICE_ROLE_KEY" },
    { rule: "service-role-key", secret: sampleProjectJwt(rng, "service_role") },
    // Claims in another order shift `service_role` to another base64 alignment.
    {
      rule: "service-role-key",
      secret: makeJwt({ role: "service_role", iss: "supabase", ref: sampleRef(rng), exp: 2_000_000_000 }, rng.chars(ALPHABET.base64url, 43)),
    },
    {
      rule: "service-role-key",
      secret: makeJwt({ ref: sampleRef(rng), iss: "supabase", role: "service_role" }, rng.chars(ALPHABET.base64url, 43)),
    },
    { rule: "secret-key", secret: sampleSecretKey(rng), name: "SUPABASE_SECRET_KEY" },
    { rule: "management-token", secret: sampleManagementToken(rng), name: "SUPABASE_ACCESS_TOKEN" },
    { rule: "jwt-secret", secret: rng.chars(ALPHABET.base64, 40), name: "SUPABASE_JWT_SECRET" },
    { rule: "jwt-secret", secret: rng.chars(ALPHABET.base62, 40), name: "GOTRUE_JWT_SECRET" },
  ],
  negative: (rng) => {
    const service = sampleProjectJwt(rng, "service_role");
    const [head, , signature] = service.split(".");
    return [
      { content: `NEXT_PUBLIC_SUPABASE_ANON_KEY=${sampleProjectJwt(rng, "anon")}\n`, why: "anon key is publishable" },
      {
        content: `SUPABASE_ANON_KEY=${sampleProjectJwt(rng, "anon")}\nSUPABASE_ROLE=service_role\nSUPABASE_AUTHENTICATED=${sampleProjectJwt(rng, "authenticated")}\n`,
        why: "anon and user JWTs next to the words service_role",
      },
      { content: `NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=sb_publishable_${rng.chars(ALPHABET.base62, 31)}\n`, why: "publishable key" },
      { content: "SUPABASE_SERVICE_ROLE_KEY=your-service-role-key\nSUPABASE_SECRET_KEY=sb_secret_xxxxxxxxxxxxxxxxxxxxxxxx\n", why: "placeholders" },
      { content: "SUPABASE_SERVICE_ROLE_KEY=${SUPABASE_SERVICE_ROLE_KEY}\n", why: "shell reference" },
      { content: "SUPABASE_ACCESS_TOKEN: ${{ secrets.SUPABASE_ACCESS_TOKEN }}\n", why: "GitHub Actions secret reference" },
      { content: `key = "${head}.eyJc2VydmljZV9yb2xl${rng.chars(ALPHABET.base62, 30)}.${signature}"\n`, why: "payload that does not decode" },
      { content: `SUPABASE_ACCESS_TOKEN=sbp_${rng.hex(38)}\n`, why: "management token of the wrong length" },
      { content: "SUPABASE_JWT_SECRET=your-super-secret-jwt-token-with-at-least-32-characters-long\n", why: "self-hosting docs placeholder" },
    ];
  },
};
