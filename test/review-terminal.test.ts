/**
 * Security review: text that comes from a provider's answer reaches the terminal on stderr (notices).
 * Like file names in the table, it must be made printable: no raw escape sequences (title, clear, OSC 52).
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { startLoopback, type Loopback } from "./support/loopback.js";
import { tempDir } from "./support/temp.js";
import { githubToken } from "./support/tokens.js";

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("review: terminal output", () => {
  it("writes no raw control characters from a provider's error message to stderr", async () => {
    const server = await startLoopback(() => ({ status: 404, body: { message: "Not Found\u001b]0;retitled\u0007\u001b[2J" } }));
    servers.push(server);
    const dir = tempDir({ ".env": `GITHUB_TOKEN=${githubToken(4301)}\n` });
    const run = await runCli([dir, "--endpoint", `github=${server.url}`]);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(run.stderr).toContain("Not Found");
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
