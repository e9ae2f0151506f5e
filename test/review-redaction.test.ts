/**
 * Security review: no output of the built CLI (table, json, sarif, stderr) may hold a full secret,
 * nor enough of one to rebuild it. Real files in temp dirs, real loopback servers, the built CLI.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ALPHABET, createRng, withBase62Crc } from "../src/detector-kit/index.js";
import { runCli } from "./support/cli.js";
import { startLoopback, unusedLoopbackUrl, type Loopback } from "./support/loopback.js";
import { tempDir } from "./support/temp.js";
import { githubToken } from "./support/tokens.js";

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const FORMATS = ["table", "json", "sarif"] as const;

/** Every output of one run per format, stdout and stderr together. */
async function allOutputs(args: string[]): Promise<string> {
  const runs = await Promise.all(FORMATS.map((format) => runCli([...args, "--format", format, "--timeout", "2000"])));
  return runs.map((run) => run.stdout + run.stderr).join("\n");
}

/** A Discord webhook URL built at test time: the last path segment is the credential. */
function discordWebhook(seed: number): { url: string; webhookToken: string } {
  const rng = createRng(seed);
  const id = `1${rng.chars("0123456789", 18)}`;
  const webhookToken = rng.chars(ALPHABET.base64url, 68);
  return { url: `https://discord.com/api/webhooks/${id}/${webhookToken}`, webhookToken };
}

describe("review: redaction", () => {
  it("never prints a Discord webhook's token when the webhook cannot be checked (network error)", async () => {
    const { url, webhookToken } = discordWebhook(4101);
    const dir = tempDir({ "notify.env": `DISCORD_WEBHOOK_URL=${url}\n` });
    const down = await unusedLoopbackUrl();
    const output = await allOutputs([dir, "--endpoint", `discord=${down}`]);
    expect(output).toContain("discord");
    expect(output).not.toContain(webhookToken);
  });

  it("never prints a Discord webhook's token when the provider answers 500", async () => {
    const { url, webhookToken } = discordWebhook(4102);
    const server = await startLoopback(() => ({ status: 500, body: { message: "Internal Server Error" } }));
    servers.push(server);
    const dir = tempDir({ "notify.env": `DISCORD_WEBHOOK_URL=${url}\n` });
    const output = await allOutputs([dir, "--endpoint", `discord=${server.url}`]);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(output).not.toContain(webhookToken);
  });

  it("never prints enough of a token to rebuild it when the provider echoes it at the end of a long error message", async () => {
    const token = githubToken(4103);
    // The provider's message puts the token where the 120-character cut of the reason lands inside it:
    // "ghp_" and the 30 random characters survive, and the 6-character checksum is computable from them.
    const lead = "Bad credentials; this token was not accepted: ".padEnd(120 - 34, ".");
    const server = await startLoopback((request) => {
      const sent = (request.headers["authorization"] ?? "").replace(/^(?:Bearer|token) /i, "");
      return { status: 401, body: { message: `${lead}${sent}` } };
    });
    servers.push(server);
    const dir = tempDir({ ".env": `GITHUB_TOKEN=${token}\n` });
    const output = await allOutputs([dir, "--endpoint", `github=${server.url}`]);
    expect(server.requests.length).toBeGreaterThan(0);
    const survivingPrefix = token.slice(0, 34);
    expect(withBase62Crc(survivingPrefix.slice(4)), "the prefix alone rebuilds the whole token").toBe(token.slice(4));
    expect(output).not.toContain(token);
    expect(output).not.toContain(survivingPrefix);
  });

  it("never prints a token that is part of a scanned file's path", async () => {
    const token = githubToken(4104);
    const dir = tempDir({ [`keys/${token}.env`]: `GITHUB_TOKEN=${token}\n` });
    const output = await allOutputs([dir, "--offline"]);
    expect(output).toContain("GitHub");
    expect(output).not.toContain(token);
  });
});
