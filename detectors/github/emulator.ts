/**
 * Loopback emulator of the GitHub REST API endpoints that api.ts reads (tests only, never shipped).
 * Answers as documented (checked 2026-11):
 * - https://docs.github.com/en/rest/users/users#get-the-authenticated-user : 200 user object; classic
 *   tokens get `X-OAuth-Scopes` (comma + space separated, possibly empty), fine-grained and app tokens
 *   get none; `github-authentication-token-expiration` when the token expires.
 * - https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api : 401
 *   `{"message":"Bad credentials",...}` for revoked, expired or unknown tokens.
 * - https://docs.github.com/en/rest/orgs/members#list-organization-memberships-for-the-authenticated-user
 * - https://docs.github.com/en/rest/repos/repos#list-repositories-for-the-authenticated-user
 * - https://docs.github.com/en/rest/apps/installations#list-repositories-accessible-to-the-app-installation
 *   (installation tokens get 403 "Resource not accessible by integration" on GET /user).
 */
import { ALPHABET, inactiveCase, withBase62Crc } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface GithubRepo {
  fullName: string;
  admin: boolean;
  push: boolean;
}

export interface GithubTokenState {
  token: string;
  kind: "classic" | "fine-grained" | "installation";
  login: string;
  revoked?: boolean;
  /** Classic scopes as granted (the header lists them, not their implied children). */
  scopes?: string[];
  /** `github-authentication-token-expiration` value, absent for non-expiring tokens. */
  expiration?: string;
  siteAdmin?: boolean;
  orgs?: { login: string; role: "admin" | "member" }[];
  repos?: GithubRepo[];
  /** Installation tokens: all repositories of the account or a selection. */
  repositorySelection?: "all" | "selected";
}

const DOCS = "https://docs.github.com/rest";

const json = (status: number, body: object, headers: Record<string, string> = {}): EmulatedResponse => ({
  status,
  headers: { "x-github-media-type": "github.v3; format=json", "x-github-api-version-selected": "2022-11-28", ...headers },
  body,
});

const badCredentials = (): EmulatedResponse => json(401, { message: "Bad credentials", documentation_url: DOCS, status: "401" });
const notFound = (): EmulatedResponse => json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });

function bearer(request: EmulatedRequest): string | undefined {
  const m = /^(?:bearer|token) (\S{1,300})$/i.exec(request.headers.authorization ?? "");
  return m?.[1];
}

function repoJson(repo: GithubRepo, index: number): object {
  const [owner = "", name = ""] = repo.fullName.split("/");
  return {
    id: 1000 + index,
    name,
    full_name: repo.fullName,
    private: true,
    owner: { login: owner, type: "User" },
    permissions: { admin: repo.admin, maintain: repo.admin, push: repo.push, triage: repo.push, pull: true },
  };
}

/** A handler that knows the given tokens and nothing else. */
export function createGithubEmulator(tokens: readonly GithubTokenState[]): EmulatorHandler {
  return (request) => {
    const state = tokens.find((t) => t.token === bearer(request));
    if (!state || state.revoked) return badCredentials();
    const rate = { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4990", "x-ratelimit-used": "10", "x-ratelimit-resource": "core" };
    const headers: Record<string, string> = { ...rate };
    if (state.kind === "classic") {
      headers["x-oauth-scopes"] = (state.scopes ?? []).join(", ");
      headers["x-accepted-oauth-scopes"] = "";
    }
    if (state.expiration) headers["github-authentication-token-expiration"] = state.expiration;
    if (request.method !== "GET") return notFound();
    const path = request.path.split("?", 1)[0];

    if (state.kind === "installation") {
      if (path === "/installation/repositories") {
        const repos = state.repos ?? [];
        return json(200, { total_count: repos.length, repository_selection: state.repositorySelection ?? "selected", repositories: repos.map(repoJson) }, headers);
      }
      if (path?.startsWith("/user")) return json(403, { message: "Resource not accessible by integration", documentation_url: DOCS, status: "403" }, headers);
      return notFound();
    }

    switch (path) {
      case "/user":
        return json(200, { login: state.login, id: 4242, type: "User", site_admin: state.siteAdmin ?? false, name: state.login }, headers);
      case "/user/memberships/orgs": {
        const scopes = state.scopes ?? [];
        if (state.kind === "classic" && !scopes.some((s) => ["read:org", "write:org", "admin:org", "user"].includes(s))) {
          return json(403, { message: "You need at least read:org scope or user scope to list your organization memberships.", documentation_url: DOCS, status: "403" }, headers);
        }
        return json(
          200,
          (state.orgs ?? []).map((org) => ({
            state: "active",
            role: org.role,
            organization: { login: org.login, id: 77 },
            user: { login: state.login },
          })),
          headers,
        );
      }
      case "/user/repos":
        return json(200, (state.repos ?? []).map(repoJson), headers);
      case "/installation/repositories":
        return json(403, { message: "This endpoint requires an installation access token", documentation_url: DOCS, status: "403" }, headers);
      default:
        return notFound();
    }
  };
}

const classicToken = (rng: Rng, prefix = "ghp"): string => `${prefix}_${withBase62Crc(rng.chars(ALPHABET.base62, 30))}`;
const fineGrainedToken = (rng: Rng): string => `github_pat_${rng.chars(ALPHABET.base62, 22)}_${rng.chars(ALPHABET.base62, 59)}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const admin = classicToken(rng);
    const narrow = classicToken(rng);
    const orgMember = classicToken(rng);
    const fineGrained = fineGrainedToken(rng);
    const revoked = classicToken(rng);
    const installation = classicToken(rng, "ghs");
    const revokedOauth = classicToken(rng, "gho");
    return [
      {
        name: "live classic token with admin scopes",
        rule: "classic-pat",
        secret: admin,
        handler: createGithubEmulator([
          {
            token: admin,
            kind: "classic",
            login: "octo-admin",
            scopes: ["admin:org", "delete_repo", "repo", "workflow", "write:packages"],
            orgs: [{ login: "acme", role: "admin" }, { login: "friends", role: "member" }],
            repos: [
              { fullName: "acme/api", admin: true, push: true },
              { fullName: "octo-admin/site", admin: true, push: true },
              { fullName: "friends/docs", admin: false, push: true },
            ],
          },
        ]),
        expect: {
          liveness: "live",
          owner: "octo-admin",
          tokenClass: "classic personal access token",
          scopes: ["repo", "admin:org", "read:org", "delete_repo", "workflow", "public_repo"],
          capabilities: ["DELETE_DATA", "IAM_WRITE", "ACCOUNT_WIDE", "CODE_WRITE", "SECRETS_READ"],
          mentions: ["admin of organizations acme", "acme/api", "never expires"],
        },
      },
      {
        name: "live narrow classic token (read:user only)",
        rule: "classic-pat",
        secret: narrow,
        handler: createGithubEmulator([
          { token: narrow, kind: "classic", login: "octo-reader", scopes: ["read:user"], expiration: "2027-01-31 12:00:00 UTC" },
        ]),
        expect: {
          liveness: "live",
          owner: "octo-reader",
          scopes: ["read:user"],
          absentCapabilities: ["DELETE_DATA", "CODE_WRITE", "IAM_WRITE", "SECRETS_READ", "ACCOUNT_WIDE"],
          mentions: ["expires 2027-01-31T12:00:00.000Z"],
        },
      },
      {
        name: "live classic token with admin:org, member of no organization as admin",
        rule: "classic-pat",
        secret: orgMember,
        handler: createGithubEmulator([
          { token: orgMember, kind: "classic", login: "octo-member", scopes: ["admin:org"], orgs: [{ login: "acme", role: "member" }] },
        ]),
        expect: {
          liveness: "live",
          owner: "octo-member",
          scopes: ["admin:org", "read:org"],
          absentCapabilities: ["IAM_WRITE", "DELETE_DATA"],
          mentions: ["admin of no organization"],
        },
      },
      {
        name: "live fine-grained token with push to one repository",
        rule: "fine-grained-pat",
        secret: fineGrained,
        handler: createGithubEmulator([
          {
            token: fineGrained,
            kind: "fine-grained",
            login: "octo-dev",
            expiration: "2026-12-01 10:00:00 +0100",
            repos: [{ fullName: "octo-dev/app", admin: false, push: true }],
          },
        ]),
        expect: {
          liveness: "live",
          owner: "octo-dev",
          tokenClass: "fine-grained personal access token",
          capabilities: ["CODE_WRITE"],
          absentCapabilities: ["DELETE_DATA"],
          mentions: ["reaches 1 repository", "expires 2026-12-01T09:00:00.000Z"],
        },
      },
      {
        name: "live app installation token on selected repositories",
        rule: "app-installation-token",
        secret: installation,
        handler: createGithubEmulator([
          {
            token: installation,
            kind: "installation",
            login: "acme-bot[bot]",
            repositorySelection: "selected",
            repos: [
              { fullName: "acme/api", admin: false, push: true },
              { fullName: "acme/web", admin: false, push: true },
            ],
          },
        ]),
        expect: {
          liveness: "live",
          account: "acme",
          tokenClass: "GitHub App installation token",
          capabilities: ["CODE_WRITE"],
          absentCapabilities: ["ACCOUNT_WIDE"],
          mentions: ["acme/api", "reaches 2 repositories"],
        },
      },
      inactiveCase("revoked classic token", "classic-pat", revoked, createGithubEmulator([{ token: revoked, kind: "classic", login: "octo-gone", revoked: true, scopes: ["repo"] }])),
      inactiveCase("unknown OAuth token", "oauth-token", revokedOauth, createGithubEmulator([])),
    ];
  },
};
