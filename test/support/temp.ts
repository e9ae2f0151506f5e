/** Temporary directories and git repositories made for one test. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "tokscan-test-"));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=tokscan-test", "-c", "user.email=test@tokscan.invalid", "-c", "init.defaultBranch=main", ...args], {
    cwd: dir,
    encoding: "utf8",
  });
}

/** A git repository with `committed` committed and `uncommitted` written afterwards. */
export function tempRepo(committed: Record<string, string>, uncommitted: Record<string, string> = {}): string {
  const dir = tempDir(committed);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "initial");
  writeFiles(dir, uncommitted);
  return dir;
}
