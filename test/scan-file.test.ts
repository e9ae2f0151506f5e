/**
 * scanFile on real files: encodings, line endings, binary and huge files, chunk boundaries,
 * files that vanish or cannot be opened. Every problem must be one notice line naming the file,
 * and no notice may carry a secret.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALPHABET, createRng, withBase62Crc } from "../src/detector-kit/index.js";
import { compileRules, scanContent } from "../src/engine/index.js";
import { scanFile, type ScanFileOptions } from "../src/source/scan-file.js";
import type { FileScanResult, Notice, RawMatch } from "../src/types.js";
import type { DiskWalkEntry } from "../src/walk/walker.js";
import { detector as github } from "../detectors/github/index.js";

const ruleSet = compileRules([github]);
const rng = createRng(77);
const githubToken = (): string => `ghp_${withBase62Crc(rng.chars(ALPHABET.base62, 30))}`;
const MiB = 1024 * 1024;
const options: ScanFileOptions = { maxFileSize: 64 * MiB };

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
const root = mkdtempSync(join(tmpdir(), "tokscan-scan-file-"));
temps.push(root);
chmodSync(root, 0o755);

/** Writes a file under the temp root and returns its walk entry. */
function fileEntry(rel: string, content: string | Buffer): DiskWalkEntry {
  const absPath = join(root, rel);
  writeFileSync(absPath, content);
  return { absPath, relPath: rel, root, size: statSync(absPath).size, exposure: "not-a-repo" };
}

/** One-, two-, three- and four-byte UTF-8 characters. */
const FILLER = ["a", "b", "c", " ", ",", "=", "é", "ß", "€", "😀"];

const noticeLine = (n: Notice): string => `${n.path}: ${n.message}`;
const secretsIn = (result: FileScanResult): string[] => result.matches.map((m) => m.secret);

/** The fields a chunked scan must reproduce exactly. */
const placement = (m: RawMatch) => ({
  ruleId: m.ruleId,
  secret: m.secret,
  start: m.start,
  end: m.end,
  line: m.line,
  column: m.column,
  endLine: m.endLine,
  endColumn: m.endColumn,
  lineText: m.lineText,
  previousLineText: m.previousLineText,
});

describe("content", () => {
  it("finds a token with its line and column, and lists the detector as related when the file uses its API", () => {
    const token = githubToken();
    const result = scanFile(fileEntry("client.ts", `import { Octokit } from "@octokit/rest";\nconst auth = "${token}";\n`), ruleSet, options);
    expect(result.notices).toEqual([]);
    expect(result.skipped).toBe(false);
    expect(result.matches.map((m) => [m.secret, m.line, m.column])).toEqual([[token, 2, 15]]);
    expect(result.relatedContent).toEqual(["github"]);
    expect(result.bytesScanned).toBe(statSync(join(root, "client.ts")).size);

    const plain = scanFile(fileEntry("notes.txt", `note: ${token}\n`), ruleSet, options);
    expect(secretsIn(plain)).toEqual([token]);
    expect(plain.relatedContent).toEqual([]);
  });

  it("finds a token next to bytes that are not UTF-8, with columns counted as an editor shows them", () => {
    const token = githubToken();
    const content = Buffer.concat([
      Buffer.from([0xff, 0xfe]), // two invalid bytes: one U+FFFD each
      Buffer.from("x "),
      Buffer.from(token),
      Buffer.from([0xc3]), // a truncated two-byte sequence right after the token
      Buffer.from("\n\xe9t\xe9 = ", "latin1"), // latin1 "été": each é is one invalid byte
      Buffer.from(token),
      Buffer.from([0x80, 0x0a]),
    ]);
    const result = scanFile(fileEntry("latin1.txt", content), ruleSet, options);
    expect(result.notices).toEqual([]);
    expect(result.matches.map((m) => [m.secret, m.line, m.column, m.endColumn])).toEqual([
      [token, 1, 5, 5 + token.length],
      [token, 2, 7, 7 + token.length],
    ]);
  });

  it("finds a token in a CRLF file with the right line, column and line text", () => {
    const token = githubToken();
    const result = scanFile(fileEntry("windows.env", `# tokscan test\r\nA=1\r\nGITHUB_TOKEN=${token}\r\nB=2\r\n`), ruleSet, options);
    expect(result.matches.map((m) => [m.line, m.column, m.endLine, m.endColumn, m.lineText, m.previousLineText])).toEqual([
      [3, 14, 3, 14 + token.length, `GITHUB_TOKEN=${token}`, "A=1"],
    ]);
  });

  it("scans a file whose NUL byte comes after the first 8000 bytes", () => {
    const token = githubToken();
    const content = Buffer.concat([Buffer.from(`${"a".repeat(8000)}\n${token}\n`), Buffer.from([0])]);
    expect(secretsIn(scanFile(fileEntry("late-nul.txt", content), ruleSet, options))).toEqual([token]);
  });

  it("tests related content against the first 4 MiB only", () => {
    const token = githubToken();
    const filler = `${"// nothing to see here\n".repeat(Math.ceil((4 * MiB) / 23))}`;
    const late = scanFile(fileEntry("late.ts", `const t = "${token}";\n${filler}fetch("https://api.github.com/user");\n`), ruleSet, options);
    expect(secretsIn(late)).toEqual([token]);
    expect(late.relatedContent).toEqual([]);
    const early = scanFile(fileEntry("early.ts", `fetch("https://api.github.com/user");\n${filler}const t = "${token}";\n`), ruleSet, options);
    expect(secretsIn(early)).toEqual([token]);
    expect(early.relatedContent).toEqual(["github"]);
  });
});

describe("chunked scanning", () => {
  it("finds a token straddling a chunk boundary exactly once, placed as in a whole-file scan", () => {
    const chunkSize = 4096;
    const token = githubToken();
    // Slide the token across the first boundary byte by byte.
    for (let offset = chunkSize - token.length - 2; offset <= chunkSize + 2; offset++) {
      const content = `${"x".repeat(offset - 1)} ${token} tail\n`;
      const result = scanFile(fileEntry("straddle.txt", content), ruleSet, { ...options, chunkSize });
      expect(result.matches.map(placement), `token at ${offset}`).toEqual(scanContent(Buffer.from(content), "straddle.txt", ruleSet).matches.map(placement));
      expect(result.matches).toHaveLength(1);
    }
  });

  it("gives the same matches as one whole-file scan on mixed content (CRLF, multi-byte text, long lines)", () => {
    const pieces: string[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < 400; i++) {
      const token = githubToken();
      tokens.push(token);
      const filler = Array.from({ length: rng.int(300) }, () => rng.pick(FILLER)).join("");
      const lineEnd = rng.int(3) === 0 ? "\r\n" : "\n";
      const allow = rng.int(4) === 0 ? `# tokscan:allow ${rng.chars("abc", rng.int(600))}${lineEnd}` : "";
      pieces.push(`${allow}${filler} GITHUB_TOKEN=${token} ${rng.chars("xyz ", rng.int(50))}${rng.int(5) === 0 ? "" : lineEnd}`);
    }
    const content = Buffer.from(pieces.join(""));
    const whole = scanContent(content, "mixed.txt", ruleSet).matches.map(placement);
    expect(whole.map((m) => m.secret)).toEqual(tokens);
    for (const chunkSize of [1000, 1531, 4096, 65536]) {
      const result = scanFile(fileEntry("mixed.txt", content), ruleSet, { ...options, chunkSize });
      expect(result.matches.map(placement), `chunk size ${chunkSize}`).toEqual(whole);
      expect(result.bytesScanned).toBe(content.length);
    }
  });

  it("resolves overlapping matches of two rules across a chunk boundary as one scan would", () => {
    const rule = (id: string, keyword: string, pattern: RegExp, maxLength: number, confidence: "high" | "medium") => ({
      id,
      title: id,
      keywords: [keyword],
      pattern,
      maxLength,
      confidence,
      capabilities: [],
      skipPlaceholderCheck: true,
    });
    const overlapping = compileRules([
      {
        id: "demo",
        name: "Demo",
        docsUrl: "https://example.invalid/",
        remediation: { revoke: "-", narrower: "-" },
        related: {},
        rules: [rule("long", "abcd-", /abcd-[0-9]{20}/, 25, "high"), rule("tail", "-end", /[0-9]{8}-end/, 12, "medium")],
      },
    ]);
    const chunkSize = 2048;
    const value = `abcd-${rng.chars(ALPHABET.digits, 20)}-end`;
    // "long" starts in the first chunk; "tail" (inside it) starts in the second.
    const content = Buffer.from(`${"q ".repeat((chunkSize - 10) / 2)}${value}\n${"q ".repeat(2000)}\n`);
    const whole = scanContent(content, "demo.txt", overlapping).matches.map(placement);
    expect(whole.map((m) => m.ruleId)).toEqual(["demo/long"]);
    const result = scanFile(fileEntry("demo.txt", content), overlapping, { ...options, chunkSize });
    expect(result.matches.map(placement)).toEqual(whole);
  });

  it("scans a 50 MB single-line file in bounded time and finds the tokens in it", () => {
    const size = 50 * 1000 * 1000;
    const first = githubToken();
    const straddling = githubToken();
    const last = githubToken();
    const line = Buffer.alloc(size, "Zm9vYmFyYmF6cXV4IHNvbWUgYmFzZTY0IGlzaCB0ZXh0IA==");
    const place = (token: string, at: number): void => void line.write(` ${token} `, at - 1, "latin1");
    place(first, 1234567);
    place(straddling, 16 * MiB - 10); // across the default 16 MiB chunk boundary
    place(last, size - 100);
    line[size - 1] = 0x0a;
    const entry = fileEntry("minified.js", line);
    const started = performance.now();
    const result = scanFile(entry, ruleSet, { maxFileSize: 100 * MiB });
    const seconds = (performance.now() - started) / 1000;
    expect(result.notices).toEqual([]);
    expect(result.matches.map((m) => [m.secret, m.line, m.column])).toEqual([
      [first, 1, 1234568],
      [straddling, 1, 16 * MiB - 9],
      [last, 1, size - 99],
    ]);
    expect(result.bytesScanned).toBe(size);
    expect(seconds).toBeLessThan(20);
  });
});

describe("bad input", () => {
  it("skips a binary file with one notice", () => {
    const token = githubToken();
    const content = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.from([0]), Buffer.from(token)]);
    const result = scanFile(fileEntry("archive.zip", content), ruleSet, options);
    expect(result.skipped).toBe(true);
    expect(result.matches).toEqual([]);
    expect(result.notices.map(noticeLine)).toEqual(["archive.zip: binary file (NUL byte in the first 8000 bytes); skipped"]);
  });

  it("skips a 1 GB sparse file as binary after one small read", () => {
    const path = join(root, "disk.img");
    writeFileSync(path, "");
    truncateSync(path, 1024 * MiB);
    const entry: DiskWalkEntry = { absPath: path, relPath: "disk.img", root, size: 1024 * MiB, exposure: "not-a-repo" };
    const started = performance.now();
    const result = scanFile(entry, ruleSet, { maxFileSize: 2048 * MiB });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.skipped).toBe(true);
    expect(result.bytesScanned).toBe(0);
    expect(result.notices.map((n) => n.kind)).toEqual(["binary"]);
    unlinkSync(path);
  });

  it("skips a text file over the size limit with a notice naming its size, the limit and the flag", () => {
    const token = githubToken();
    const result = scanFile(fileEntry("big.env", `GITHUB_TOKEN=${token}\n`.repeat(100)), ruleSet, { maxFileSize: 1024 });
    expect(result.skipped).toBe(true);
    expect(result.matches).toEqual([]);
    expect(result.notices.map(noticeLine)).toEqual([
      "big.env: 5.3 KiB (5400 bytes) is above the 1.0 KiB (1024 bytes) limit; not scanned (raise it with --max-file-size)",
    ]);
  });

  it("says a file vanished when it was deleted after the walk", () => {
    const entry = fileEntry("gone.env", `GITHUB_TOKEN=${githubToken()}\n`);
    unlinkSync(entry.absPath);
    const result = scanFile(entry, ruleSet, options);
    expect(result.skipped).toBe(true);
    expect(result.notices.map((n) => [n.kind, noticeLine(n)])).toEqual([["vanished", "gone.env: file disappeared before it could be read"]]);
  });

  it("says permission denied for a file it cannot open (EACCES from the kernel, as an unprivileged user when root)", () => {
    const entry = fileEntry("locked.env", `GITHUB_TOKEN=${githubToken()}\n`);
    chmodSync(entry.absPath, 0o000);
    const result = asUnprivileged(() => scanFile(entry, ruleSet, options));
    expect(result.skipped).toBe(true);
    expect(result.notices.map((n) => [n.kind, noticeLine(n)])).toEqual([["unreadable", "locked.env: permission denied; not scanned"]]);
    // The same file, readable again, is scanned: the notice came from the permission, not the content.
    chmodSync(entry.absPath, 0o644);
    expect(asUnprivileged(() => scanFile(entry, ruleSet, options)).matches).toHaveLength(1);
  });

  it("does not hang on a FIFO swapped in for a file since the walk", () => {
    const entry = fileEntry("swapped.env", "x");
    unlinkSync(entry.absPath);
    execFileSync("mkfifo", [entry.absPath]);
    const result = scanFile(entry, ruleSet, options);
    expect(result.skipped).toBe(true);
    expect(result.notices.map(noticeLine)).toEqual(["swapped.env: not a regular file any more; skipped"]);
  });

  it("does not follow a symlink swapped in for a file since the walk", () => {
    const entry = fileEntry("swapped-link.env", "x");
    const outside = join(root, "outside.env");
    writeFileSync(outside, `GITHUB_TOKEN=${githubToken()}\n`);
    unlinkSync(entry.absPath);
    execFileSync("ln", ["-s", outside, entry.absPath]);
    const result = scanFile(entry, ruleSet, options);
    expect(result.matches).toEqual([]);
    expect(result.notices.map(noticeLine)).toEqual(["swapped-link.env: replaced by a symlink since the walk; not followed"]);
  });

  it("names a file with a newline on one notice line", () => {
    const entry = fileEntry("two\nlines.bin", Buffer.from([1, 0, 2]));
    const result = scanFile(entry, ruleSet, options);
    expect(result.notices.map(noticeLine)).toEqual(["two\\nlines.bin: binary file (NUL byte in the first 8000 bytes); skipped"]);
  });

  it("keeps every finding of the good files when bad ones sit next to them, and no notice holds a secret", () => {
    const dir = join(root, "mixed");
    mkdirSync(dir);
    const tokens = [githubToken(), githubToken(), githubToken()];
    const entries = [
      fileEntry("mixed/a.env", `GITHUB_TOKEN=${tokens[0]}\n`),
      fileEntry("mixed/b.bin", Buffer.concat([Buffer.from(`${tokens[1]}`), Buffer.from([0])])),
      fileEntry("mixed/c.env", `GITHUB_TOKEN=${tokens[1]}\r\n`),
      fileEntry("mixed/d.env", `GITHUB_TOKEN=${tokens[2]}\n`.repeat(50)),
      fileEntry("mixed/e.env", `X=${tokens[2]}\n`),
    ];
    unlinkSync(entries[4]!.absPath);
    const results = entries.map((e) => scanFile(e, ruleSet, { maxFileSize: 1000 }));
    expect(results.flatMap(secretsIn)).toEqual([tokens[0], tokens[1]]);
    const notices = results.flatMap((r) => r.notices);
    expect(notices.map((n) => [n.path, n.kind])).toEqual([
      ["mixed/b.bin", "binary"],
      ["mixed/d.env", "too-large"],
      ["mixed/e.env", "vanished"],
    ]);
    for (const notice of notices) {
      for (const token of tokens) expect(noticeLine(notice)).not.toContain(token.slice(4, 12));
      expect(noticeLine(notice)).not.toContain("\n");
    }
  });
});

/** As in walk.test.ts: root reads anything, so drop to `nobody` for the call, then restore. */
function asUnprivileged<T>(action: () => T): T {
  if (process.getuid?.() !== 0) return action();
  process.seteuid!(65534);
  try {
    return action();
  } finally {
    process.seteuid!(0);
  }
}
