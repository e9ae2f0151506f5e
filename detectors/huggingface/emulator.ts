/**
 * Loopback emulator of Hugging Face's GET /api/whoami-v2 (tests only, never shipped). Answers as
 * documented at https://huggingface.co/docs/hub/api#get-apiwhoami-v2 and as huggingface_hub reads it:
 * 200 `{type, name, fullname, orgs[{name, roleInOrg}], auth: {type: "access_token", accessToken:
 * {displayName, role, createdAt, fineGrained?: {global, scoped[{entity {type, name, _id}, permissions}]}}}}`;
 * 401 `{"error": "Invalid credentials in Authorization header"}`.
 */
import { ALPHABET, bearerTokenOf, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface HfTokenState {
  token: string;
  name: string;
  type?: "user" | "org";
  role?: "read" | "write" | "fineGrained";
  orgs?: { name: string; roleInOrg: "admin" | "write" | "contributor" | "read" }[];
  fineGrained?: { global: string[]; scoped: { entity: { type: string; name: string }; permissions: string[] }[] };
  revoked?: boolean;
}

const unauthorized = (): EmulatedResponse => ({
  status: 401,
  headers: { "x-error-message": "Invalid credentials in Authorization header" },
  body: { error: "Invalid credentials in Authorization header" },
});

export function createHfEmulator(tokens: readonly HfTokenState[]): EmulatorHandler {
  return (request) => {
    const bearer = bearerTokenOf(request);
    const state = tokens.find((t) => t.token === bearer);
    if (!state || state.revoked) return unauthorized();
    if (request.method !== "GET" || request.path.split("?", 1)[0] !== "/api/whoami-v2") return { status: 404, body: { error: "Not Found" } };
    return {
      status: 200,
      headers: { "x-request-id": "emulated" },
      body: {
        type: state.type ?? "user",
        id: "64f0c0ffee0000000000beef",
        name: state.name,
        fullname: state.name,
        isPro: false,
        orgs: (state.orgs ?? []).map((o) => ({ type: "org", name: o.name, fullname: o.name, roleInOrg: o.roleInOrg, isEnterprise: false })),
        auth: {
          type: "access_token",
          accessToken: {
            displayName: `${state.name}-token`,
            role: state.role,
            createdAt: "2026-02-01T10:00:00.000Z",
            ...(state.fineGrained
              ? {
                  fineGrained: {
                    canReadGatedRepos: false,
                    global: state.fineGrained.global,
                    scoped: state.fineGrained.scoped.map((s) => ({ entity: { ...s.entity, _id: "65aa00000000000000000001" }, permissions: s.permissions })),
                  },
                }
              : {}),
          },
        },
      },
    };
  };
}

const token = (rng: Rng): string => `hf_${rng.chars(ALPHABET.letters, 34)}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const writer = token(rng);
    const reader = token(rng);
    const fine = token(rng);
    const revoked = token(rng);
    return [
      {
        name: "live write token of an organization admin",
        rule: "user-access-token",
        secret: writer,
        handler: createHfEmulator([{ token: writer, name: "alice", role: "write", orgs: [{ name: "acme-ml", roleInOrg: "admin" }] }]),
        expect: {
          liveness: "live",
          owner: "alice",
          tokenClass: "write token",
          scopes: ["write"],
          capabilities: ["CODE_WRITE", "DELETE_DATA", "IAM_WRITE", "ACCOUNT_WIDE"],
          mentions: ["organization acme-ml (admin)"],
        },
      },
      {
        name: "live read token",
        rule: "user-access-token",
        secret: reader,
        handler: createHfEmulator([{ token: reader, name: "bob", role: "read" }]),
        expect: {
          liveness: "live",
          owner: "bob",
          tokenClass: "read token",
          absentCapabilities: ["CODE_WRITE", "DELETE_DATA", "IAM_WRITE", "SPEND", "ACCOUNT_WIDE"],
          mentions: ["role read"],
        },
      },
      {
        name: "live fine-grained token that writes one model repository",
        rule: "user-access-token",
        secret: fine,
        handler: createHfEmulator([
          {
            token: fine,
            name: "carol",
            role: "fineGrained",
            orgs: [{ name: "acme-ml", roleInOrg: "write" }],
            fineGrained: {
              global: ["discussion.write"],
              scoped: [{ entity: { type: "model", name: "carol/tiny-model" }, permissions: ["repo.content.read", "repo.write"] }],
            },
          },
        ]),
        expect: {
          liveness: "live",
          tokenClass: "fineGrained token",
          capabilities: ["CODE_WRITE"],
          absentCapabilities: ["ACCOUNT_WIDE", "IAM_WRITE", "SPEND"],
          mentions: ["model carol/tiny-model: repo.content.read, repo.write"],
        },
      },
      inactiveCase("revoked token", "user-access-token", revoked, createHfEmulator([{ token: revoked, name: "dave", role: "write", revoked: true }])),
    ];
  },
};
