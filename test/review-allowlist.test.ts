/**
 * Security review: the allowlist must refuse, before anything is sent, every request that is not one of
 * the documented read-only calls, including ones that a server would read as a different operation
 * (a method-override header, a Query-API action in the query string) and ones whose answer carries
 * secret values (providers.md §0.3: "Reading secret values when a metadata call suffices").
 */
import { afterEach, describe, expect, it } from "vitest";
import { api as awsApi, IDENTITY_BODY } from "../detectors/aws/api.js";
import { ALLOW as RAILWAY_ALLOW, API_TOKEN_QUERY, graphqlBody } from "../detectors/railway/queries.js";
import { createRng } from "../src/detector-kit/index.js";
import { checkAllowed } from "../src/net/allowlist.js";
import { createProviderHttp, ProviderRequestError } from "../src/net/provider-http.js";
import { runCli } from "./support/cli.js";
import { startLoopback, type Loopback } from "./support/loopback.js";
import { tempDir } from "./support/temp.js";
import { githubToken } from "./support/tokens.js";

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("review: allowlist", () => {
  for (const header of ["X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"]) {
    it(`refuses, before sending, an allowed GET that carries ${header}: DELETE`, async () => {
      const server = await startLoopback(() => ({ status: 200, body: { login: "octo" } }));
      servers.push(server);
      const http = createProviderHttp({
        providerId: "github",
        baseUrl: server.url,
        overridden: true,
        allow: [{ method: "GET", path: "/user" }],
        secret: githubToken(4201),
      });
      const error = await refusalOf(http.request("GET", "/user", { headers: { [header]: "DELETE" } }));
      expect(server.requests.map((r) => r.headers[header.toLowerCase()])).toEqual([]);
      expect(error).toBeInstanceOf(ProviderRequestError);
      expect((error as ProviderRequestError).kind).toBe("refused");
    });
  }

  it("refuses an AWS Query-API POST whose query string names another action", () => {
    const verdict = checkAllowed(
      awsApi.allow,
      { method: "POST", path: "/?Action=DeleteUser&UserName=admin&Version=2010-05-08", body: IDENTITY_BODY },
      awsApi.baseUrl,
    );
    expect(verdict.allowed).toBe(false);
  });

  it("refuses a GraphQL POST whose query string carries a mutation (servers such as express-graphql read it first)", () => {
    const mutation = encodeURIComponent('mutation { volumeDelete(volumeId: "00000000-0000-4000-8000-000000000000") }');
    const verdict = checkAllowed(
      RAILWAY_ALLOW,
      { method: "POST", path: `/graphql/v2?query=${mutation}`, body: graphqlBody(API_TOKEN_QUERY) },
      "https://backboard.railway.com",
    );
    expect(verdict.allowed).toBe(false);
  });

  it("never lists DigitalOcean database clusters, whose answer carries connection passwords", async () => {
    const token = `dop_v1_${createRng(4202).hex(64)}`;
    const server = await startLoopback((request) => {
      const path = request.path.split("?", 1)[0];
      if (path === "/v2/account") return { status: 200, body: { account: { uuid: "u-1", email: "ops@example.test", status: "active" } } };
      if (path === "/v2/databases") {
        // Shape of the documented answer: each cluster carries its connection details and users.
        return {
          status: 200,
          body: {
            databases: [
              {
                id: "c-1",
                name: "prod-db",
                engine: "pg",
                connection: { host: "db.example.test", user: "doadmin", password: "answer-holds-a-password" },
                users: [{ name: "doadmin", role: "primary", password: "answer-holds-a-password" }],
              },
            ],
          },
        };
      }
      return { status: 200, body: {} };
    });
    servers.push(server);
    const dir = tempDir({ ".env": `DIGITALOCEAN_TOKEN=${token}\n` });
    const run = await runCli([dir, "--format", "json", "--endpoint", `digitalocean=${server.url}`]);
    expect(run.code).toBe(1);
    expect(server.requests.some((r) => r.path === "/v2/account")).toBe(true);
    expect(server.requests.map((r) => r.path).filter((p) => /^\/v2\/databases(?:[?/]|$)/.test(p))).toEqual([]);
  });
});
