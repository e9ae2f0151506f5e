/**
 * Loopback emulator of Postmark's GET /server and GET /servers (tests only, never shipped).
 * Answers as documented at https://postmarkapp.com/developer/api/overview : the server token in
 * `X-Postmark-Server-Token`, the account token in `X-Postmark-Account-Token`; a missing or wrong token
 * gets 401 `{"ErrorCode": 10, "Message": "..."}`.
 */
import { inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator } from "../../src/detector-kit/index.js";

export interface PostmarkState {
  serverTokens?: readonly { token: string; id: number; name: string }[];
  accountTokens?: readonly { token: string; servers: readonly { id: number; name: string }[] }[];
}

const unauthorized = (): EmulatedResponse => ({
  status: 401,
  body: { ErrorCode: 10, Message: "No Account or Server API tokens were supplied in the HTTP headers. Please add a header for either X-Postmark-Server-Token or X-Postmark-Account-Token." },
});

export function createPostmarkEmulator(state: PostmarkState): EmulatorHandler {
  return (request) => {
    const pathname = request.path.split("?", 1)[0];
    if (pathname === "/server") {
      const server = (state.serverTokens ?? []).find((s) => s.token === request.headers["x-postmark-server-token"]);
      if (!server) return unauthorized();
      return {
        status: 200,
        body: {
          ID: server.id,
          Name: server.name,
          ApiTokens: [server.token],
          Color: "blue",
          SmtpApiActivated: true,
          RawEmailEnabled: false,
          DeliveryType: "Live",
          ServerLink: `https://account.postmarkapp.com/servers/${server.id}/streams`,
          InboundAddress: `${server.id}abc@inbound.postmarkapp.com`,
          InboundHookUrl: "",
          TrackOpens: false,
        },
      };
    }
    if (pathname === "/servers") {
      const account = (state.accountTokens ?? []).find((a) => a.token === request.headers["x-postmark-account-token"]);
      if (!account) return unauthorized();
      return {
        status: 200,
        body: { TotalCount: account.servers.length, Servers: account.servers.slice(0, 1).map((s) => ({ ID: s.id, Name: s.name, ApiTokens: ["hidden"], DeliveryType: "Live" })) },
      };
    }
    return { status: 404, body: { ErrorCode: 404, Message: "Not found" } };
  };
}

export const emulator: ProviderEmulator = {
  cases(rng) {
    const server = rng.uuid();
    const account = rng.uuid();
    const misnamed = rng.uuid();
    const dead = rng.uuid();
    return [
      {
        name: "live server token",
        rule: "server-token",
        secret: server,
        handler: createPostmarkEmulator({ serverTokens: [{ token: server, id: 4242, name: "Acme Transactional" }] }),
        expect: {
          liveness: "live",
          owner: "Acme Transactional",
          tokenClass: "server token",
          capabilities: ["SEND_AS_ORG", "READ_PII"],
          absentCapabilities: ["ACCOUNT_WIDE", "DELETE_INFRA"],
          mentions: ['server "Acme Transactional"'],
        },
      },
      {
        name: "live account token",
        rule: "account-token",
        secret: account,
        handler: createPostmarkEmulator({ accountTokens: [{ token: account, servers: [{ id: 1, name: "a" }, { id: 2, name: "b" }, { id: 3, name: "c" }] }] }),
        expect: { liveness: "live", tokenClass: "account token", capabilities: ["ACCOUNT_WIDE", "DELETE_INFRA", "IAM_WRITE"], mentions: ["all 3 servers"] },
      },
      {
        name: "account token stored under a server-token name",
        rule: "server-token",
        secret: misnamed,
        handler: createPostmarkEmulator({ accountTokens: [{ token: misnamed, servers: [{ id: 1, name: "a" }] }] }),
        expect: { liveness: "live", tokenClass: "account token", capabilities: ["ACCOUNT_WIDE"], mentions: ["other kind of Postmark token"] },
      },
      inactiveCase("revoked token", "server-token", dead, createPostmarkEmulator({})),
    ];
  },
};
