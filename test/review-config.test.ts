/**
 * Security review: a config error names the file and line, never the offending value when that value
 * is a secret (a user who pastes the token instead of its fingerprint into `allow:`).
 */
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { tempDir } from "./support/temp.js";
import { githubToken } from "./support/tokens.js";

describe("review: config errors", () => {
  it("does not print a token pasted into allow: instead of its fingerprint", async () => {
    const token = githubToken(4501);
    const dir = tempDir({ ".tokscan.yml": `allow:\n  - fingerprint: ${token}\n    reason: test fixture\n` });
    const run = await runCli([dir, "--offline"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.tokscan\.yml:2/);
    expect(run.stderr).not.toContain(token);
  });
});
