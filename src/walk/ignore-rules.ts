/**
 * gitignore-style rule files, each matched against paths relative to its own directory (the
 * `ignore` package does the pattern semantics). A cascade asks the deepest file first: the first
 * file with an opinion (ignored, or re-included by a `!` pattern) decides, as git does.
 */
import { readFileSync, statSync, type PathLike, type Stats } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ignore from "ignore";
import type { Notice } from "../types.js";
import { displayPath } from "./names.js";

/** `ignore` caches every path it tests; rebuilding after this many tests keeps memory flat on huge trees. */
const TESTS_BEFORE_REBUILD = 50_000;
const MAX_RULE_FILE_SIZE = 16 * 1024 * 1024;

export type IgnoreVerdict = "ignored" | "unignored" | undefined;

/** The rules of one ignore file (or of config patterns). */
export class RootedRules {
  private matcher: ignore.Ignore;
  private tests = 0;

  /**
   * @param patterns gitignore lines
   * @param base where the file sits, relative to the walk root (`""` for the root itself); null when above the root
   * @param prefix for files above the root: the root's path relative to the file's directory, with a trailing `/`
   */
  constructor(
    private readonly patterns: string[],
    readonly base: string | null,
    private readonly prefix = "",
  ) {
    this.matcher = this.build();
  }

  private build(): ignore.Ignore {
    // git is case-sensitive on Linux; `allowRelativePaths` keeps names like `...` from throwing.
    // Each rule is marked with its line index so that `withoutRuleIgnoring` can drop it.
    return ignore({ ignorecase: false, allowRelativePaths: true }).add(this.patterns.map((pattern, line) => ({ pattern, mark: String(line) })));
  }

  /** The verdict of these rules on a path relative to the walk root (`isDir` adds the trailing slash). */
  verdict(relPath: string, isDir: boolean): IgnoreVerdict {
    const result = this.test(relPath, isDir);
    return result === undefined ? undefined : result.ignored ? "ignored" : result.unignored ? "unignored" : undefined;
  }

  /** The same rules without the one that ignores this path (or its nearest ignored parent), if any. */
  withoutRuleIgnoring(relPath: string, isDir: boolean): RootedRules | undefined {
    const line = Number(this.test(relPath, isDir)?.rule?.mark);
    if (!Number.isInteger(line)) return undefined;
    const patterns = [...this.patterns];
    patterns[line] = "";
    return new RootedRules(patterns, this.base, this.prefix);
  }

  private test(relPath: string, isDir: boolean): ignore.TestResult | undefined {
    const local =
      this.base === null
        ? relPath === ""
          ? this.prefix.slice(0, -1)
          : this.prefix + relPath
        : this.base === ""
          ? relPath
          : relPath.slice(this.base.length + 1);
    if (local === "") return undefined;
    if (++this.tests > TESTS_BEFORE_REBUILD) {
      this.matcher = this.build();
      this.tests = 0;
    }
    return this.matcher.test(isDir ? `${local}/` : local);
  }
}

/** Deepest rules first; the first with a verdict decides. */
export function decide(chain: readonly RootedRules[], relPath: string, isDir: boolean): boolean {
  for (const rules of chain) {
    const verdict = rules.verdict(relPath, isDir);
    if (verdict) return verdict === "ignored";
  }
  return false;
}

/**
 * The chain to use inside a directory that is not ignored. When a deeper file re-included it
 * (`!logs/`) over a shallower file that ignores it (`logs/`), the shallower file's rules that
 * ignore the directory are dropped below it: `ignore` would otherwise pass its verdict on the
 * directory down to every file inside, where git applies the shallower file's other patterns
 * (`*.log`) to each path itself.
 */
export function chainInside(chain: readonly RootedRules[], relDir: string): readonly RootedRules[] {
  const decidedBy = chain.findIndex((rules) => rules.verdict(relDir, true) !== undefined);
  if (decidedBy === -1 || decidedBy === chain.length - 1) return chain;
  let changed = false;
  const shallower = chain.slice(decidedBy + 1).map((rules) => {
    let current = rules;
    for (let guard = 0; guard < 10_000 && current.verdict(relDir, true) === "ignored"; guard++) {
      const next = current.withoutRuleIgnoring(relDir, true);
      if (!next) break;
      current = next;
      changed = true;
    }
    return current;
  });
  return changed ? [...chain.slice(0, decidedBy + 1), ...shallower] : chain;
}

/** Reads an ignore file's lines; a missing file is no rules, an unreadable one a notice. */
export function readRuleFile(absPath: PathLike, noticePath: string, onNotice: (n: Notice) => void): string[] | undefined {
  let text: string;
  try {
    // git itself refuses ignore files this large; reading one must not exhaust memory.
    if (statSync(absPath).size > MAX_RULE_FILE_SIZE) {
      onNotice({ path: displayPath(noticePath), kind: "too-large", message: `ignore file above ${MAX_RULE_FILE_SIZE / 1024 / 1024} MiB; its rules are not applied` });
      return undefined;
    }
    text = readFileSync(absPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return undefined;
    onNotice({
      path: displayPath(noticePath),
      kind: "unreadable",
      message: `cannot read this ignore file (${code ?? "error"}); its rules are not applied`,
    });
    return undefined;
  }
  return text.split(/\r?\n/);
}

/** Where a git work tree starts and where its private files live. */
export interface GitLayout {
  /** Top directory of the work tree (holds `.git`). */
  top: string;
  /** Directory holding `info/exclude` (the common dir for linked worktrees). */
  commonDir: string;
}

/** Finds the work tree holding `dir` (a real path) by looking for `.git` upwards. */
export function findGitLayout(dir: string): GitLayout | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const dotGit = join(current, ".git");
    const stat = statOrUndefined(dotGit);
    if (stat?.isDirectory()) return { top: current, commonDir: dotGit };
    if (stat?.isFile()) {
      // Linked worktrees and submodules: `.git` is a file "gitdir: <path>".
      const gitDir = readPointer(dotGit, current, /^gitdir:\s*(.+)$/m);
      if (gitDir) return { top: current, commonDir: readPointer(join(gitDir, "commondir"), gitDir, /^(.+)$/m) ?? gitDir };
    }
    if (dirname(current) === current) return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function readPointer(file: string, from: string, pattern: RegExp): string | undefined {
  try {
    const match = pattern.exec(readFileSync(file, "utf8"));
    return match ? resolve(from, match[1]!.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The rules that apply to a walk root from outside its tree, deepest first: `.gitignore` files in
 * the directories between the work-tree top and the root, then `.git/info/exclude`.
 */
export function outerRules(realRoot: string, layout: GitLayout | undefined, onNotice: (n: Notice) => void): RootedRules[] {
  if (!layout) return [];
  const chain: RootedRules[] = [];
  for (let dir = dirname(realRoot); isWithin(dir, layout.top); dir = dirname(dir)) {
    const patterns = readRuleFile(join(dir, ".gitignore"), relative(realRoot, join(dir, ".gitignore")), onNotice);
    if (patterns) chain.push(new RootedRules(patterns, null, `${relative(dir, realRoot).split(sep).join("/")}/`));
    if (dir === layout.top) break;
  }
  const exclude = readRuleFile(join(layout.commonDir, "info", "exclude"), ".git/info/exclude", onNotice);
  if (exclude) {
    const prefix = realRoot === layout.top ? "" : `${relative(layout.top, realRoot).split(sep).join("/")}/`;
    chain.push(new RootedRules(exclude, null, prefix));
  }
  return chain;
}

export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}
