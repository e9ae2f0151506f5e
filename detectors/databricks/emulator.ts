/**
 * Loopback emulator of a Databricks workspace's SCIM `Me` endpoint (tests only, never shipped).
 * Answers as documented at https://docs.databricks.com/api/workspace/currentuser/me : 200 with a SCIM
 * user `{id, userName, displayName, active, emails, groups[{display, value, $ref}], entitlements[{value}]}`;
 * 403 `{"error_code": "403", "message": "Invalid access token."}` for a revoked or unknown token.
 */
import { bearerTokenOf, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatorHandler, ProviderEmulator } from "../../src/detector-kit/index.js";

export interface WorkspaceUser {
  token: string;
  userName: string;
  groups: readonly string[];
  entitlements: readonly string[];
}

export function createDatabricksEmulator(users: readonly WorkspaceUser[]): EmulatorHandler {
  return (request) => {
    const bearer = bearerTokenOf(request);
    const user = users.find((u) => u.token === bearer);
    if (!user) return { status: 403, body: { error_code: "403", message: "Invalid access token." } };
    if (request.path.split("?", 1)[0] !== "/api/2.0/preview/scim/v2/Me") {
      return { status: 404, body: { error_code: "ENDPOINT_NOT_FOUND", message: "No API found" } };
    }
    return {
      status: 200,
      headers: { "content-type": "application/scim+json" },
      body: {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:workspace:2.0:User"],
        id: "4871927430012345",
        userName: user.userName,
        displayName: user.userName.split("@")[0],
        active: true,
        emails: [{ type: "work", value: user.userName, primary: true }],
        name: { givenName: user.userName.split("@")[0] },
        groups: user.groups.map((g, i) => ({ display: g, type: "direct", value: String(1000 + i), $ref: `Groups/${1000 + i}` })),
        entitlements: user.entitlements.map((value) => ({ value })),
      },
    };
  };
}

export const emulator: ProviderEmulator = {
  cases(rng) {
    const admin = `dapi${rng.hex(32)}`;
    const analyst = `dapi${rng.hex(32)}-2`;
    const revoked = `dapi${rng.hex(32)}`;
    return [
      {
        name: "live token of a workspace admin",
        rule: "personal-access-token",
        secret: admin,
        handler: createDatabricksEmulator([{ token: admin, userName: "ops@acme.example", groups: ["admins", "users"], entitlements: ["allow-cluster-create"] }]),
        expect: {
          liveness: "live",
          owner: "ops@acme.example",
          tokenClass: "personal access token (workspace admin)",
          scopes: ["group:admins"],
          capabilities: ["IAM_WRITE", "SECRETS_READ", "DELETE_DATA", "ACCOUNT_WIDE"],
          mentions: ["workspace admins group"],
        },
      },
      {
        name: "live token of an analyst",
        rule: "personal-access-token",
        secret: analyst,
        handler: createDatabricksEmulator([{ token: analyst, userName: "ana@acme.example", groups: ["analysts"], entitlements: ["databricks-sql-access"] }]),
        expect: {
          liveness: "live",
          owner: "ana@acme.example",
          capabilities: ["READ_PII"],
          absentCapabilities: ["IAM_WRITE", "ACCOUNT_WIDE", "SPEND"],
          mentions: ["not a workspace admin", "entitlements databricks-sql-access"],
        },
      },
      inactiveCase("revoked token", "personal-access-token", revoked, createDatabricksEmulator([])),
    ];
  },
};
