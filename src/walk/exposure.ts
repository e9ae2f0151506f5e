/**
 * How exposed each file is, from git: tracked (it is pushed), untracked (local, but not ignored) or
 * ignored; "not-a-repo" outside a work tree. git runs twice per scan root (`ls-files` for tracked
 * and for untracked files), never per file.
 */
import { execFile } from "node:child_process";
import type { Exposure, Notice } from "../types.js";
import { escapeInvalidUtf8 } from "./names.js";

/** Output limit for `git ls-files`: about 10 million paths. */
const GIT_MAX_BUFFER = 1024 * 1024 * 1024;

export interface ExposureIndex {
  readonly inRepo: boolean;
  /** Exposure of a path relative to the root the index was built for (POSIX, non-UTF-8 bytes as `\xNN`). */
  exposureOf(relPath: string): Exposure;
  isTracked(relPath: string): boolean;
  /** True when git tracks files below this directory (relative to the root): an ignored directory must still be walked. */
  holdsTracked(relDir: string): boolean;
}

const NOT_A_REPO: ExposureIndex = {
  inRepo: false,
  exposureOf: () => "not-a-repo",
  isTracked: () => false,
  holdsTracked: () => false,
};

/** Reads exposure from git; says once per instance when git cannot be run. */
export class GitExposure {
  private gitMissingNoticed = false;

  constructor(private readonly onNotice: (notice: Notice) => void) {}

  /** Exposure of every file below `dir` (absolute), keyed by path relative to it. */
  forDirectory(dir: string): Promise<ExposureIndex> {
    return this.read(dir, []);
  }

  /** Exposure of the one file `name` in `dir`, keyed by `name`. */
  forFile(dir: string, name: string): Promise<ExposureIndex> {
    return this.read(dir, ["--", `:(literal)${name}`]);
  }

  private async read(cwd: string, pathspec: string[]): Promise<ExposureIndex> {
    const [tracked, untracked] = await Promise.all([
      runGit(["ls-files", "-z", ...pathspec], cwd),
      runGit(["ls-files", "-z", "--others", "--exclude-standard", ...pathspec], cwd),
    ]);
    for (const result of [tracked, untracked]) {
      if (result.ok) continue;      if (result.missing) {
        if (!this.gitMissingNoticed) {
          this.gitMissingNoticed = true;
          this.onNotice({ path: "git", kind: "other", message: "git could not be run; exposure is shown as not-a-repo" });
        }
      } else if (!/not a git repository|must be run in a work tree/i.test(result.stderr)) {
        const reason = result.stderr.split("\n").find((line) => line.trim() !== "") ?? "failed";
        this.onNotice({ path: "git", kind: "other", message: `git ls-files failed (${reason.trim().slice(0, 200)}); exposure is shown as not-a-repo` });
      }
      return NOT_A_REPO;
    }
    if (!tracked.ok || !untracked.ok) return NOT_A_REPO;
    return buildIndex(splitNul(tracked.stdout), splitNul(untracked.stdout));
  }
}

function buildIndex(trackedList: string[], untrackedList: string[]): ExposureIndex {
  const tracked = new Set(trackedList);
  const untracked = new Set<string>();
  // `ls-files --others` lists an untracked nested repository as one directory with a trailing slash.
  const untrackedDirs = new Set<string>();
  for (const path of untrackedList) {
    if (path.endsWith("/")) untrackedDirs.add(path.slice(0, -1));
    else untracked.add(path);
  }
  let trackedDirs: Set<string> | undefined;

  const ancestorIn = (relPath: string, set: Set<string>): boolean => {
    for (let i = relPath.lastIndexOf("/"); i > 0; i = relPath.lastIndexOf("/", i - 1)) {
      if (set.has(relPath.slice(0, i))) return true;
    }
    return false;
  };

  return {
    inRepo: true,
    exposureOf(relPath) {
      if (tracked.has(relPath)) return "tracked";
      if (untracked.has(relPath)) return "untracked";
      if (untrackedDirs.size > 0 && ancestorIn(relPath, untrackedDirs)) return "untracked";
      // A file inside a submodule: git lists the submodule as one tracked path.
      if (ancestorIn(relPath, tracked)) return "tracked";
      return "ignored";
    },
    isTracked: (relPath) => tracked.has(relPath),
    holdsTracked(relDir) {
      if (!trackedDirs) {
        trackedDirs = new Set();
        for (const path of tracked) {
          for (let i = path.lastIndexOf("/"); i > 0; i = path.lastIndexOf("/", i - 1)) {
            const dir = path.slice(0, i);
            if (trackedDirs.has(dir)) break;
            trackedDirs.add(dir);
          }
        }
      }
      return trackedDirs.has(relDir);
    },
  };
}

/** NUL-separated paths from git, with bytes that are not UTF-8 written `\xNN` (as the walker writes them). */
function splitNul(stdout: Buffer): string[] {
  const paths: string[] = [];
  let start = 0;
  for (let end = stdout.indexOf(0); end !== -1; end = stdout.indexOf(0, start)) {
    if (end > start) paths.push(escapeInvalidUtf8(stdout.subarray(start, end)));
    start = end + 1;
  }
  return paths;
}

type GitResult = { ok: true; stdout: Buffer } | { ok: false; missing: boolean; stderr: string };

function runGit(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, encoding: "buffer", maxBuffer: GIT_MAX_BUFFER, env: gitEnv(), windowsHide: true }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ ok: true, stdout });
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      resolve({ ok: false, missing: code === "ENOENT" || code === "EACCES", stderr: stderr.toString("utf8") });
    });
  });
}

/** The caller's environment without the variables that would point git at another repository (set inside git hooks). */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" };
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES"]) {
    delete env[name];
  }
  return env;
}
