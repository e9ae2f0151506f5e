/**
 * The walker on real trees: temp directories, real git repositories, real symlinks, FIFOs,
 * unreadable directories and names that are not UTF-8.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALPHABET, createRng, withBase62Crc } from "../src/detector-kit/index.js";
import { compileRules } from "../src/engine/index.js";
import { UsageError } from "../src/errors.js";
import { scanFile } from "../src/source/scan-file.js";
import type { Notice } from "../src/types.js";
import { walk, type DiskWalkEntry, type WalkOptions } from "../src/walk/walker.js";
import { detector as github } from "../detectors/github/index.js";

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) {
    chmodTree(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tokscan-walk-"));
  temps.push(dir);
  return dir;
}

/** Writes files (paths relative to `root`, POSIX) creating parent directories. */
function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function collect(roots: string[], options: Partial<WalkOptions> = {}): Promise<{ entries: DiskWalkEntry[]; notices: Notice[]; paths: string[] }> {
  const notices: Notice[] = [];
  const entries: DiskWalkEntry[] = [];
  for await (const entry of walk(roots, { includeIgnored: false, onNotice: (n) => notices.push(n), ...options })) entries.push(entry);
  return { entries, notices, paths: entries.map((e) => e.relPath) };
}

const rng = createRng(20240611);
const githubToken = (): string => `ghp_${withBase62Crc(rng.chars(ALPHABET.base62, 30))}`;
const ruleSet = compileRules([github]);

/** A notice as the CLI prints it: must be one line that names the file. */
const noticeLine = (n: Notice): string => `${n.path}: ${n.message}`;

function chmodTree(dir: string): void {
  try {
    execFileSync("chmod", ["-R", "u+rwx", dir], { stdio: "ignore" });
  } catch {
    // best effort: the temp dir is removed anyway
  }
}

describe("ignore rules", () => {
  it("applies nested .gitignore files each rooted at its own directory, with negations", async () => {
    const root = tempDir();
    writeTree(root, {
      ".gitignore": "*.log\nbuild/\n",
      "app.ts": "x",
      "a.log": "x",
      "local.txt": "x",
      "anchored.txt": "x",
      "build/out.js": "x",
      "sub/.gitignore": "!keep.log\nlocal.txt\n/anchored.txt\n",
      "sub/keep.log": "x",
      "sub/other.log": "x",
      "sub/local.txt": "x",
      "sub/anchored.txt": "x",
      "sub/deeper/keep.log": "x",
      "sub/deeper/anchored.txt": "x",
      "sub/deeper/local.txt": "x",
    });
    const { paths, notices } = await collect([root]);
    expect(paths.sort()).toEqual(
      [
        ".gitignore",
        "anchored.txt", // sub's /anchored.txt is anchored to sub/
        "app.ts",
        "local.txt", // sub's local.txt applies below sub/ only
        "sub/.gitignore",
        "sub/deeper/anchored.txt",
        "sub/deeper/keep.log", // re-included by sub's !keep.log
        "sub/keep.log",
      ].sort(),
    );
    expect(notices).toEqual([]);
  });

  it("agrees with git on which untracked files are ignored, on a tree of tricky rules", async () => {
    const root = tempDir();
    git(root, "init", "-q");
    const files = [
      "app.log", "important.log", "sub/important.log", "logs/a.txt", "sub/logs/a.md", "sub/logs/b.log",
      "build/out.js", "sub/build/out.js", "docs/x/y/z.tmp", "docs/z.tmp", "other/docs/x/q.tmp", "x.bak", "keep.bak",
      "sub/keep.bak", "a/b/c/deep.txt", "deep.txt", "name with space.txt", "#hash.txt", "trailing-space.txt",
      "sub/local-only.txt", "sub/deeper/local-only.txt", "sub/notes.txt", "sub/keep.txt", "sub/inner/read.txt",
      "sub/inner/read.md", "excluded-by-info.md", "sub/excluded-by-info.md", "Case.LOG", "dir.log/inside.md", "plain.md",
    ];
    writeTree(root, Object.fromEntries(files.map((f) => [f, "x"])));
    writeTree(root, {
      ".gitignore": "*.log\n!important.log\nlogs/\n/build\ndocs/**/*.tmp\n*.bak\n!/keep.bak\na/**/deep.txt\nname with space.txt\n\\#hash.txt\ntrailing-space.txt  \n",
      "sub/.gitignore": "!logs/\n/local-only.txt\n*.txt\n!keep.txt\n",
      "sub/inner/.gitignore": "!read.txt\n",
    });
    writeFileSync(join(root, ".git", "info", "exclude"), "excluded-by-info.md\n");
    const byGit = git(root, "-c", "core.excludesFile=/dev/null", "ls-files", "-z", "--others", "--exclude-standard").split("\0").filter(Boolean).sort();
    const { paths } = await collect([root]);
    expect(paths.sort()).toEqual(byGit);
    // The oracle itself is not trivial: these are ignored or re-included by the rules above.
    expect(byGit).toContain("sub/logs/a.md"); // sub's !logs/ re-includes the directory root's logs/ ignores
    expect(byGit).not.toContain("sub/logs/b.log"); // ...where root's *.log still applies to each file
    expect(byGit).toContain("important.log");
    expect(byGit).not.toContain("logs/a.txt");
    expect(byGit).not.toContain("sub/notes.txt");
  });

  it("honours .git/info/exclude and never yields anything under .git/", async () => {
    const root = tempDir();
    git(root, "init", "-q");
    writeTree(root, { "notes.txt": "x", "secret-notes.txt": "x", "sub/secret-notes.txt": "x" });
    writeFileSync(join(root, ".git", "info", "exclude"), "secret-notes.txt\n");
    const { paths } = await collect([root]);
    expect(paths).toEqual(["notes.txt"]);
    const all = await collect([root], { includeIgnored: true });
    expect(all.paths.sort()).toEqual(["notes.txt", "secret-notes.txt", "sub/secret-notes.txt"]);
    expect(all.paths.some((p) => p.startsWith(".git/"))).toBe(false);
  });

  it("always honours .tokscanignore and config excludes, even with includeIgnored", async () => {
    const root = tempDir();
    writeTree(root, {
      ".tokscanignore": "fixtures/\n*.snap\n",
      ".gitignore": "dist/\n",
      "src/a.ts": "x",
      "fixtures/keys.pem": "x",
      "src/__snapshots__/a.snap": "x",
      "dist/bundle.js": "x",
      "vendor/lib.js": "x",
    });
    const plain = await collect([root], { exclude: ["vendor/"] });
    expect(plain.paths.sort()).toEqual([".gitignore", ".tokscanignore", "src/a.ts"]);
    const all = await collect([root], { includeIgnored: true, exclude: ["vendor/"] });
    expect(all.paths.sort()).toEqual([".gitignore", ".tokscanignore", "dist/bundle.js", "src/a.ts"]);
  });

  it("with includeIgnored yields what .gitignore excludes, but still skips .git/", async () => {
    const root = tempDir();
    git(root, "init", "-q");
    writeTree(root, { ".gitignore": ".env\nnode_modules/\n", ".env": "x", "node_modules/pkg/index.js": "x", "index.js": "x" });
    expect((await collect([root])).paths.sort()).toEqual([".gitignore", "index.js"]);
    expect((await collect([root], { includeIgnored: true })).paths.sort()).toEqual([".env", ".gitignore", "index.js", "node_modules/pkg/index.js"]);
  });

  it("applies a parent's .gitignore to a root inside the repository, unless that root is itself ignored", async () => {
    const root = tempDir();
    git(root, "init", "-q");
    writeTree(root, {
      ".gitignore": "vendor/\n*.tmp\n",
      "vendor/lib/index.js": "x",
      "vendor/lib/cache.tmp": "x",
      "src/app/main.ts": "x",
      "src/app/cache.tmp": "x",
    });
    expect((await collect([join(root, "src", "app")])).paths).toEqual(["main.ts"]);
    // Named explicitly, an ignored directory is scanned whole: the rules that ignore it are set aside.
    expect((await collect([join(root, "vendor", "lib")])).paths).toEqual(["cache.tmp", "index.js"]);
  });
});

describe("exposure", () => {
  it("marks files tracked, untracked or ignored from git, and scans a tracked file an ignore rule matches", async () => {
    const root = tempDir();
    git(root, "init", "-q");
    writeTree(root, {
      ".gitignore": ".env\nlogs/\n",
      "tracked.txt": "x",
      "logs/committed.log": "x",
      "untracked.txt": "x",
      ".env": "x",
      "logs/local.log": "x",
    });
    git(root, "add", ".gitignore", "tracked.txt");
    git(root, "add", "-f", "logs/committed.log");
    git(root, "commit", "-q", "-m", "init");

    const plain = await collect([root]);
    const byPath = Object.fromEntries(plain.entries.map((e) => [e.relPath, e.exposure]));
    expect(byPath).toEqual({
      ".gitignore": "tracked",
      "tracked.txt": "tracked",
      "untracked.txt": "untracked",
      // Ignored by .gitignore but tracked: it is pushed, so it is scanned.
      "logs/committed.log": "tracked",
    });

    const all = await collect([root], { includeIgnored: true });
    const allByPath = Object.fromEntries(all.entries.map((e) => [e.relPath, e.exposure]));
    expect(allByPath).toMatchObject({ ".env": "ignored", "logs/local.log": "ignored", "untracked.txt": "untracked", "tracked.txt": "tracked" });
    expect(all.notices).toEqual([]);
  });

  it("is not-a-repo outside a git work tree", async () => {
    const root = tempDir();
    writeTree(root, { "a.txt": "x" });
    const { entries, notices } = await collect([root]);
    expect(entries.map((e) => e.exposure)).toEqual(["not-a-repo"]);
    expect(notices).toEqual([]);
  });

  it("keys exposure by paths relative to a root that is a subdirectory of the repository", async () => {
    const root = tempDir();
    git(root, "init", "-q");
    writeTree(root, { ".gitignore": "*.secret\n", "pkg/app/a.txt": "x", "pkg/app/b.txt": "x", "pkg/app/c.secret": "x" });
    git(root, "add", "pkg/app/a.txt");
    git(root, "commit", "-q", "-m", "init");
    const { entries } = await collect([join(root, "pkg", "app")]);
    expect(entries.map((e) => [e.relPath, e.exposure])).toEqual([
      ["a.txt", "tracked"],
      ["b.txt", "untracked"],
    ]);
  });

  it("falls back to not-a-repo with one notice when git cannot be run", async () => {
    const root = tempDir();
    git(root, "init", "-q");
    writeTree(root, { "a.txt": "x", "b.txt": "x" });
    const emptyBin = tempDir();
    const savedPath = process.env["PATH"];
    process.env["PATH"] = emptyBin;
    try {
      const second = tempDir();
      writeTree(second, { "c.txt": "x" });
      const { entries, notices } = await collect([root, second]);
      expect(entries.map((e) => e.exposure)).toEqual(["not-a-repo", "not-a-repo", "not-a-repo"]);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ path: "git", kind: "other" });
      expect(notices[0]!.message).toMatch(/git could not be run/);
    } finally {
      process.env["PATH"] = savedPath;
    }
  });

  it("gives the exposure of a single-file root", async () => {
    const root = tempDir();
    git(root, "init", "-q");
    writeTree(root, { ".gitignore": "*.env\n", "prod.env": "x", "a.txt": "x" });
    git(root, "add", "a.txt");
    git(root, "commit", "-q", "-m", "init");
    const ignored = await collect([join(root, "prod.env")]);
    expect(ignored.entries).toEqual([{ absPath: join(root, "prod.env"), relPath: "prod.env", root, size: 1, exposure: "ignored" }]);
    expect((await collect([join(root, "a.txt")])).entries[0]!.exposure).toBe("tracked");
  });
});

describe("symlinks", () => {
  it("never loops: a link to an ancestor and a link cycle are notices, the rest is walked", async () => {
    const root = tempDir();
    writeTree(root, { "sub/file.txt": "x", "z.txt": "x" });
    symlinkSync("..", join(root, "sub", "up"));
    symlinkSync(root, join(root, "sub", "root-abs"));
    symlinkSync("cycle-b", join(root, "cycle-a"));
    symlinkSync("cycle-a", join(root, "cycle-b"));
    const { paths, notices } = await collect([root]);
    expect(paths).toEqual(["z.txt", "sub/file.txt"]);
    expect(notices.map(noticeLine).sort()).toEqual([
      "cycle-a: symlink loop; not followed",
      "cycle-b: symlink loop; not followed",
      "sub/root-abs: symlink to an ancestor directory (a loop); not followed",
      "sub/up: symlink to an ancestor directory (a loop); not followed",
    ]);
  });

  it("never follows a link out of the root", async () => {
    const outside = tempDir();
    writeTree(outside, { "secret.env": "x", "dir/inner.txt": "x" });
    const root = tempDir();
    writeTree(root, { "in.txt": "x" });
    symlinkSync(join(outside, "secret.env"), join(root, "out-file"));
    symlinkSync(join(outside, "dir"), join(root, "out-dir"));
    symlinkSync("../../definitely-missing", join(root, "dangling"));
    const { paths, notices } = await collect([root]);
    expect(paths).toEqual(["in.txt"]);
    expect(notices.map(noticeLine).sort()).toEqual([
      "dangling: broken symlink (its target does not exist); skipped",
      "out-dir: symlink to a path outside the scan root; not followed",
      "out-file: symlink to a path outside the scan root; not followed",
    ]);
  });

  it("scans a file linked inside the root once, at its own path", async () => {
    const root = tempDir();
    const token = githubToken();
    writeTree(root, { "real/config.env": `GITHUB_TOKEN=${token}\n` });
    symlinkSync("real/config.env", join(root, "link.env"));
    symlinkSync("real", join(root, "linked-dir"));
    const { entries, notices } = await collect([root]);
    expect(entries.map((e) => e.relPath)).toEqual(["real/config.env"]);
    expect(notices).toEqual([]);
    const matches = entries.flatMap((e) => scanFile(e, ruleSet, { maxFileSize: 1 << 20 }).matches);
    expect(matches.map((m) => m.secret)).toEqual([token]);
  });
});

describe("bad input", () => {
  it("throws a UsageError for a root that does not exist, before yielding anything", async () => {
    const root = tempDir();
    writeTree(root, { "a.txt": "x" });
    const missing = join(root, "nope");
    const error = await collect([root, missing]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).name).toBe("UsageError");
    expect((error as Error).message).toContain("no such file or directory");
  });

  it("yields nothing and says nothing for an empty directory", async () => {
    const root = tempDir();
    mkdirSync(join(root, "empty", "nested"), { recursive: true });
    expect(await collect([root])).toEqual({ entries: [], notices: [], paths: [] });
    expect(await collect([join(root, "empty")])).toEqual({ entries: [], notices: [], paths: [] });
  });

  it("walks and scans names holding a newline, with notices on one line", async () => {
    const root = tempDir();
    const token = githubToken();
    writeTree(root, { "line\nbreak.env": `GITHUB_TOKEN=${token}\n`, "dir\nname/inner.txt": "x" });
    execFileSync("mkfifo", [join(root, "pipe\nname")]);
    const { entries, notices } = await collect([root]);
    expect(entries.map((e) => e.relPath)).toEqual(["line\nbreak.env", "dir\nname/inner.txt"]);
    const result = scanFile(entries[0]!, ruleSet, { maxFileSize: 1 << 20 });
    expect(result.matches.map((m) => m.secret)).toEqual([token]);
    expect(notices.map(noticeLine)).toEqual(["pipe\\nname: not a regular file (named pipe); skipped"]);
  });

  it("walks and scans names that are not UTF-8, named in notices with \\x escapes", async () => {
    const root = tempDir();
    const token = githubToken();
    const rootBytes = Buffer.from(root);
    const badFile = Buffer.concat([rootBytes, Buffer.from("/bad-"), Buffer.from([0xff, 0xfe]), Buffer.from(".env")]);
    const badDir = Buffer.concat([rootBytes, Buffer.from("/dir-"), Buffer.from([0xc3, 0x28])]);
    writeFileSync(badFile, `GITHUB_TOKEN=${token}\n`);
    mkdirSync(badDir);
    writeFileSync(Buffer.concat([badDir, Buffer.from("/inner.env")]), `TOKEN=${token}\n`);
    writeTree(root, { "ok.txt": "x" });
    git(root, "init", "-q");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "init");

    const { entries, notices } = await collect([root]);
    expect(entries.map((e) => [e.relPath, e.exposure, e.rawPath !== undefined])).toEqual([
      ["bad-\\xff\\xfe.env", "tracked", true],
      ["ok.txt", "tracked", false],
      ["dir-\\xc3(/inner.env", "tracked", true],
    ]);
    expect(notices.map(noticeLine)).toEqual([
      "bad-\\xff\\xfe.env: name is not valid UTF-8 (shown with \\x escapes); scanned all the same",
      "dir-\\xc3(: name is not valid UTF-8 (shown with \\x escapes); scanned all the same",
    ]);
    for (const entry of entries.filter((e) => e.rawPath)) {
      const result = scanFile(entry, ruleSet, { maxFileSize: 1 << 20 });
      expect(result.notices).toEqual([]);
      expect(result.matches.map((m) => m.secret)).toEqual([token]);
    }
  });

  it("reports an unreadable directory and goes on (run as an unprivileged user when root)", async () => {
    const root = tempDir();
    chmodSync(root, 0o755);
    writeTree(root, { "locked/inside.txt": "x", "open/visible.txt": "x" });
    chmodSync(join(root, "locked"), 0o000);
    const { paths, notices } = await asUnprivileged(() => collect([root]));
    expect(paths).toEqual(["open/visible.txt"]);
    expect(notices.map(noticeLine)).toEqual(["locked: cannot list this directory (permission denied); its files are not scanned"]);
  });

  it("yields a file that is deleted before it is read; scanFile then says it vanished", async () => {
    const root = tempDir();
    const token = githubToken();
    writeTree(root, { "a.env": `GITHUB_TOKEN=${token}\n`, "b.env": "x" });
    const { entries } = await collect([root]);
    unlinkSync(join(root, "a.env"));
    const result = scanFile(entries[0]!, ruleSet, { maxFileSize: 1 << 20 });
    expect(result.skipped).toBe(true);
    expect(result.notices.map(noticeLine)).toEqual(["a.env: file disappeared before it could be read"]);
  });

  it("walks in a deterministic (byte-sorted, depth-first) order", async () => {
    const root = tempDir();
    writeTree(root, { "b/2.txt": "x", "a.txt": "x", "b/1.txt": "x", "C.txt": "x", "a/z.txt": "x" });
    // A directory's files first, then its subdirectories.
    expect((await collect([root])).paths).toEqual(["C.txt", "a.txt", "a/z.txt", "b/1.txt", "b/2.txt"]);
  });

  it("walks several roots, a single file among them", async () => {
    const one = tempDir();
    const two = tempDir();
    writeTree(one, { "x.txt": "x" });
    writeTree(two, { "y.env": "xy" });
    const { entries } = await collect([one, join(two, "y.env")]);
    expect(entries.map((e) => [e.root, e.relPath, e.size])).toEqual([
      [one, "x.txt", 1],
      [two, "y.env", 2],
    ]);
  });
});

/**
 * Runs `action` with the effective uid of `nobody` when the process is root (root reads anything,
 * so chmod 000 alone proves nothing); the kernel then refuses for real. Restores root afterwards.
 */
async function asUnprivileged<T>(action: () => Promise<T>): Promise<T> {
  if (process.getuid?.() !== 0) return action();
  process.seteuid!(65534);
  try {
    return await action();
  } finally {
    process.seteuid!(0);
  }
}
