/**
 * Walks scan roots and yields the files to scan, one at a time.
 *
 * Directories are read depth-first, a directory's files before its subdirectories, names sorted
 * as bytes (so the order is deterministic). Names are read as raw bytes because a name may hold
 * a newline or bytes that are not UTF-8; fast-glob 3.3 silently drops a name with a newline (and
 * a whole directory named so), so it is not used for the traversal. All pattern semantics come
 * from the `ignore` package, one matcher per ignore file rooted at its own directory.
 *
 * Memory: the generator holds the git path lists of the current root (for exposure, about 100
 * bytes a tracked or untracked file), one matcher per ignore file met, the directories still to
 * visit (a stack of paths) and the listings of the current directory and at most 8 ahead. It
 * moves on only when the consumer asks for the next file, so it never runs ahead of the scan.
 */
import { lstatSync, realpathSync, statSync, type Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { Notice, WalkEntry } from "../types.js";
import { GitExposure, type ExposureIndex } from "./exposure.js";
import { chainInside, decide, findGitLayout, isWithin, outerRules, readRuleFile, RootedRules } from "./ignore-rules.js";
import { decodeName, displayPath } from "./names.js";

export interface WalkOptions {
  /** Also yield what .gitignore rules exclude (.tokscanignore and `exclude` still apply). */
  includeIgnored: boolean;
  /**
   * Not used to skip files here: scanFile skips a file over the limit with a "too-large" notice,
   * so an oversized file is counted and reported, never dropped silently.
   */
  maxFileSize?: number;
  onNotice(notice: Notice): void;
  /** Extra gitignore-style patterns (from config), rooted at each scan root; always applied. */
  exclude?: readonly string[];
}

/** A walk entry with the raw bytes of its path when a name in it is not valid UTF-8. */
export interface DiskWalkEntry extends WalkEntry {
  /**
   * Present only when `absPath` cannot be opened as a string (it then shows the bad bytes as
   * `\xNN`); open the file with these bytes. A Buffer here, a Uint8Array after a worker hop.
   */
  rawPath?: Uint8Array;
}

/** The name of the ignore file read at each scan root. */
export const TOKSCANIGNORE = ".tokscanignore";

const SLASH = Buffer.from("/");
/** Directories listed ahead of the one being processed (bounded, so memory stays flat). */
const READ_AHEAD = 8;
const GITIGNORE_SUFFIX = Buffer.from("/.gitignore");

/**
 * Yields every file to scan under the roots (a root may also be a single file, scanned whatever
 * ignore rules say). Throws UsageError when a root does not exist; every other problem is a
 * notice and the walk goes on.
 */
export async function* walk(roots: readonly string[], options: WalkOptions): AsyncGenerator<DiskWalkEntry> {
  // Check every root first so a typo in the last one fails before any scanning.
  const checked = await Promise.all(roots.map(checkRoot));
  const exposure = new GitExposure(options.onNotice);
  for (const root of checked) {
    if (root.kind === "directory") yield* walkDirectory(root.abs, options, exposure);
    else if (root.kind === "file") yield* walkSingleFile(root.abs, root.size, exposure, options.onNotice);
    else options.onNotice({ path: displayPath(root.abs), kind: "other", message: `not a regular file or directory (${root.kind}); skipped` });
  }
}

type CheckedRoot =
  | { abs: string; kind: "directory" }
  | { abs: string; kind: "file"; size: number }
  | { abs: string; kind: "fifo" | "socket" | "device" };

async function checkRoot(root: string): Promise<CheckedRoot> {
  const abs = resolve(root);
  try {
    const stats = await stat(abs);
    if (stats.isDirectory()) return { abs, kind: "directory" };
    if (stats.isFile()) return { abs, kind: "file", size: stats.size };
    return { abs, kind: stats.isFIFO() ? "fifo" : stats.isSocket() ? "socket" : "device" };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" || code === "ENOTDIR"
        ? "no such file or directory"
        : code === "ELOOP"
          ? "symlink loop"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : `cannot be read (${code ?? "error"})`;
    throw new UsageError(`scan path ${displayPath(root)}: ${reason}`, { cause: error });
  }
}

async function* walkSingleFile(abs: string, size: number, exposure: GitExposure, onNotice: (n: Notice) => void): AsyncGenerator<DiskWalkEntry> {
  let real: string;
  try {
    real = realpathSync.native(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "file disappeared during the walk" : `cannot resolve this path (${code ?? "error"}); not scanned`;
    onNotice({ path: displayPath(basename(abs)), kind: code === "ENOENT" ? "vanished" : "unreadable", message });
    return;
  }
  const index = await exposure.forFile(dirname(real), basename(real));
  yield { absPath: real, relPath: basename(abs), root: dirname(abs), size, exposure: index.exposureOf(basename(real)) };
}

/** A directory still to read. */
interface PendingDir {
  /** Relative to the root, POSIX, bad bytes as `\xNN` ("" for the root). */
  rel: string;
  /** Absolute path as bytes: always openable. */
  raw: Buffer;
  /** Absolute path as a string; undefined when a name on the way is not UTF-8. */
  abs: string | undefined;
  /** Ignore matchers that apply inside, deepest first. */
  chain: readonly RootedRules[];
  /** Walked only because git tracks files below it: everything else inside is ignored. */
  ignored: boolean;
  /** Its listing, once started (read-ahead). */
  listing?: Promise<Dirent<Buffer>[] | NodeJS.ErrnoException>;
}

async function* walkDirectory(root: string, options: WalkOptions, exposure: GitExposure): AsyncGenerator<DiskWalkEntry> {
  const { onNotice, includeIgnored } = options;
  let realRoot: string;
  let realRootBytes: string;
  try {
    realRoot = realpathSync.native(root);
    // Byte-exact form of the real root, to compare symlink targets byte by byte.
    realRootBytes = realpathSync.native(root, { encoding: "buffer" }).toString("latin1");
  } catch (error) {
    directoryNotice("", error as NodeJS.ErrnoException, onNotice);
    return;
  }
  // git runs while the root is listed.
  const indexReady = exposure.forDirectory(realRoot);
  const rootRaw = Buffer.from(root);
  const rootListing = listDirectory(rootRaw);
  const index: ExposureIndex = await indexReady;
  const always = [new RootedRules([...(readRuleFile(join(root, TOKSCANIGNORE), TOKSCANIGNORE, onNotice) ?? []), ...(options.exclude ?? [])], "")];
  let outer = includeIgnored ? [] : outerRules(realRoot, findGitLayout(realRoot), onNotice);
  // A root named explicitly is scanned even when a parent's rules ignore it (`tokscan vendor/lib`).
  if (decide(outer, "", true)) outer = [];

  const stack: PendingDir[] = [{ rel: "", raw: rootRaw, abs: root, chain: outer, ignored: false, listing: rootListing }];
  for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
    // Start listing the next few directories while this one is processed: the walk waits less on I/O.
    for (let i = stack.length - 1; i >= Math.max(0, stack.length - READ_AHEAD); i--) stack[i]!.listing ??= listDirectory(stack[i]!.raw);
    const listing = await (dir.listing ?? listDirectory(dir.raw));
    dir.listing = undefined;
    if (!Array.isArray(listing)) {
      directoryNotice(dir.rel, listing, onNotice);
      continue;
    }
    const dirents = listing;

    let chain = dir.chain;
    if (!includeIgnored && !dir.ignored) {
      const gitignore = dirents.find((d) => d.isFile() && d.name.toString("latin1") === ".gitignore");
      const patterns = gitignore && readRuleFile(Buffer.concat([dir.raw, GITIGNORE_SUFFIX]), joinRel(dir.rel, ".gitignore"), onNotice);
      if (patterns) chain = [new RootedRules(patterns, dir.rel), ...chain];
    }

    const subdirs: PendingDir[] = [];
    for (const dirent of dirents) {
      const name = decodeName(dirent.name);
      if (name.text === ".git") continue;
      const rel = joinRel(dir.rel, name.text);
      const isDir = dirent.isDirectory();
      if (decide(always, rel, isDir)) continue;

      let ignored = false;
      if (!includeIgnored) {
        ignored = dir.ignored || decide(chain, rel, isDir);
        // git keeps tracking a file that an ignore rule matches: it is still pushed, so scan it.
        if (ignored && !(isDir ? index.holdsTracked(rel) : index.isTracked(rel))) continue;
      }

      if (!name.exact) {
        onNotice({ path: displayPath(rel), kind: "not-utf8", message: "name is not valid UTF-8 (shown with \\x escapes); scanned all the same" });
      }
      const raw = Buffer.concat([dir.raw, SLASH, dirent.name]);
      const abs = dir.abs !== undefined && name.exact ? join(dir.abs, name.text) : undefined;

      if (isDir) {
        subdirs.push({ rel, raw, abs, chain: ignored || includeIgnored ? chain : chainInside(chain, rel), ignored });
      } else if (dirent.isFile()) {
        const entry = fileEntry(root, rel, raw, abs, index, onNotice);
        if (entry) yield entry;
      } else if (dirent.isSymbolicLink()) {
        checkSymlink(rel, raw, dir.raw, realRootBytes, onNotice);
      } else {
        onNotice({ path: displayPath(rel), kind: "other", message: `not a regular file (${specialKind(dirent)}); skipped` });
      }
    }
    // Reverse so the stack pops subdirectories in name order.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
}

/** The entries of a directory sorted by name bytes, or the error that stopped listing it. */
async function listDirectory(raw: Buffer): Promise<Dirent<Buffer>[] | NodeJS.ErrnoException> {
  try {
    const dirents = await readdir(raw, { withFileTypes: true, encoding: "buffer" });
    return dirents.sort((a, b) => Buffer.compare(a.name, b.name));
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

function directoryNotice(rel: string, error: NodeJS.ErrnoException, onNotice: (n: Notice) => void): void {
  const path = displayPath(rel === "" ? "." : rel);
  const code = error.code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    onNotice({ path, kind: "vanished", message: "directory disappeared during the walk" });
  } else {
    const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? "error");
    onNotice({ path, kind: "unreadable", message: `cannot list this directory (${reason}); its files are not scanned` });
  }
}

function fileEntry(
  root: string,
  rel: string,
  raw: Buffer,
  abs: string | undefined,
  index: ExposureIndex,
  onNotice: (n: Notice) => void,
): DiskWalkEntry | undefined {
  let size: number;
  try {
    size = lstatSync(raw).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") onNotice({ path: displayPath(rel), kind: "vanished", message: "file disappeared during the walk" });
    else onNotice({ path: displayPath(rel), kind: "unreadable", message: `cannot stat this file (${code ?? "error"}); not scanned` });
    return undefined;
  }
  const entry: DiskWalkEntry = { absPath: abs ?? join(root, rel), relPath: rel, root, size, exposure: index.exposureOf(rel) };
  if (abs === undefined) entry.rawPath = raw;
  return entry;
}

/**
 * Symlinks are never followed: a target inside the root is walked at its own path (so a linked
 * file is scanned once), one outside the root is out of scope, a link to an ancestor is a loop.
 */
function checkSymlink(rel: string, raw: Buffer, dirRaw: Buffer, realRootBytes: string, onNotice: (n: Notice) => void): void {
  const notice = (message: string, kind: Notice["kind"] = "symlink"): void => onNotice({ path: displayPath(rel), kind, message });
  let target: string;
  try {
    target = realpathSync.native(raw, { encoding: "buffer" }).toString("latin1");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") notice("symlink loop; not followed");
    else if (code === "ENOENT" || code === "ENOTDIR") notice("broken symlink (its target does not exist); skipped");
    else notice(`cannot resolve this symlink (${code ?? "error"}); skipped`, "unreadable");
    return;
  }
  if (!isWithin(target, realRootBytes)) {
    notice("symlink to a path outside the scan root; not followed");
    return;
  }
  let targetIsDir = false;
  try {
    targetIsDir = statSync(raw).isDirectory();
  } catch {
    return;
  }
  if (!targetIsDir) return;
  let realDir: string;
  try {
    realDir = realpathSync.native(dirRaw, { encoding: "buffer" }).toString("latin1");
  } catch {
    return;
  }
  if (isWithin(realDir, target)) notice("symlink to an ancestor directory (a loop); not followed");
}

function joinRel(dir: string, name: string): string {
  return dir === "" ? name : `${dir}/${name}`;
}

function specialKind(dirent: Dirent<Buffer>): string {
  if (dirent.isFIFO()) return "named pipe";
  if (dirent.isSocket()) return "socket";
  if (dirent.isCharacterDevice()) return "character device";
  if (dirent.isBlockDevice()) return "block device";
  return "unknown type";
}
