#!/usr/bin/env node
/**
 * The `tokscan` command. Exit codes: 0 nothing at or above --fail-on, 1 findings that are,
 * 2 usage, config or fatal error.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { realpathSync } from "node:fs";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { loadConfig } from "./config/load.js";
import { TokscanError, UsageError } from "./errors.js";
import { resolveEndpoints } from "./introspect/endpoints.js";
import { printable, renderReport } from "./report/index.js";
import { TIERS } from "./report/common.js";
import { runScan } from "./scan/pipeline.js";
import { parseSize } from "./size.js";
import type { Finding, Notice } from "./types.js";
import { VERSION } from "./version.js";

const FAIL_ON = ["critical", "high", "medium", "low", "none"] as const;
/** Options that take one value (--endpoint is the only repeatable one). */
const SINGLE_VALUED = ["format", "output", "config", "max-file-size", "fail-on", "timeout", "workers"] as const;

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

const defaultIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Runs the CLI with these arguments; resolves to the exit code. Never calls process.exit. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let debug = argv.includes("--debug");
  try {
    const parser = yargs(argv)
      .scriptName("tokscan")
      .usage("$0 [path...]\n\nFind API tokens, ask each provider (read-only) what they can do, and rank findings by blast radius.")
      .command("$0 [paths..]", "scan directories or files (default: .)", (y) =>
        y.positional("paths", { type: "string", array: true, default: ["."], describe: "directories or files to scan" }),
      )
      .option("format", { alias: "f", choices: ["table", "json", "sarif"] as const, default: "table" as const, describe: "output format" })
      .option("output", { alias: "o", type: "string", describe: "write the report to this file instead of stdout" })
      .option("config", { alias: "c", type: "string", describe: "config file (default: .tokscan.yml in the first path)" })
      .option("include-ignored", { type: "boolean", default: false, describe: "also scan files .gitignore excludes: everything an agent here can read" })
      .option("max-file-size", { type: "string", default: "256MiB", describe: "skip (and report) files larger than this (e.g. 512KiB, 10MB, 1GiB)" })
      .option("fail-on", { choices: FAIL_ON, default: "low" as const, describe: "exit 1 when a finding is at or above this tier" })
      .option("offline", { type: "boolean", default: false, describe: "do not ask providers; infer what the token format tells" })
      .option("endpoint", { type: "string", array: true, default: [] as string[], describe: "provider=baseUrl: API base for one provider (tests, GitHub Enterprise, GitLab self-managed)" })
      .option("allow-exchange", { type: "boolean", default: false, describe: "allow credential exchange (GCP service-account JWT, Docker Hub login) to read scopes" })
      .option("timeout", { type: "number", default: 10_000, describe: "provider request timeout in milliseconds" })
      .option("workers", { type: "number", describe: "scanning threads (default: CPU count; 0 = in-process)" })
      .option("quiet", { alias: "q", type: "boolean", default: false, describe: "print only the report" })
      .option("debug", { type: "boolean", default: false, describe: "explain dropped candidates and show stack traces" })
      .version(VERSION)
      .alias("version", "v")
      .help()
      .alias("help", "h")
      .strict()
      .exitProcess(false)
      .fail((message, error) => {
        // yargs spreads some messages over lines ("Invalid values:\n  Argument: ..."): one line here.
        throw error ?? new UsageError(message.replace(/\s*\n\s*/g, " "));
      });
    let helpShown = false;
    const args = await parser.parseAsync(argv, {}, (_err, _parsed, output) => {
      if (output) {
        helpShown = true;
        io.stdout.write(`${output}\n`);
      }
    });
    if (helpShown || args["help"] || args["version"]) return 0;
    debug = args.debug;
    // yargs turns a repeated option into a list: `--fail-on low --fail-on high` would match no tier.
    for (const name of SINGLE_VALUED) {
      if (Array.isArray(args[name])) throw new UsageError(`--${name} was given more than once; give it once`);
    }

    const paths = (args.paths as string[] | undefined)?.length ? (args.paths as string[]) : ["."];
    const maxFileSize = parseSize(args["max-file-size"]);
    if (!Number.isInteger(args.timeout) || args.timeout <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, got ${args.timeout}`);
    if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 0)) {
      throw new UsageError(`--workers must be a whole number, got ${args.workers}`);
    }
    const endpoints = resolveEndpoints({ cli: args.endpoint.map(String), env: io.env });
    const config = loadConfig(args.config, paths[0]!);

    const started = Date.now();
    let lastProgress = 0;
    const progressOnTty = !args.quiet && io.stderr.isTTY === true;
    const result = await runScan({
      roots: paths,
      includeIgnored: args["include-ignored"],
      maxFileSize,
      offline: args.offline,
      endpoints,
      allowExchange: args["allow-exchange"],
      timeoutMs: args.timeout,
      config,
      workers: args.workers,
      onNotice: (n: Notice) => {
        if (!args.quiet) io.stderr.write(`${progressOnTty ? "\r\x1b[K" : ""}tokscan: ${printable(n.path)}: ${printable(n.message)}\n`);
      },
      onProgress: (p) => {
        const now = Date.now();
        if (progressOnTty && now - started > 2000 && now - lastProgress > 250) {
          lastProgress = now;
          io.stderr.write(`\r\x1b[Kscanning… ${p.files} files, ${(p.bytes / 1e6).toFixed(1)} MB`);
        }
      },
    });
    if (progressOnTty && lastProgress > 0) io.stderr.write("\r\x1b[K");
    if (debug) {
      for (const d of result.dropped) io.stderr.write(`tokscan: debug: ${printable(d.path)}:${d.line}: ${d.ruleId} candidate dropped: ${printable(d.reason)}\n`);
    }

    const toFile = args.output !== undefined;
    const color = !toFile && args.format === "table" && io.stdout.isTTY === true && !io.env["NO_COLOR"];
    const { filesScanned, bytesScanned, skipped, durationMs } = result.stats;
    const report = renderReport(args.format, result.findings, {
      tool: { version: VERSION },
      roots: paths,
      // SARIF carries no duration: the same input must give byte-identical SARIF.
      summary: { filesScanned, bytesScanned, skipped, ...(args.format === "sarif" ? {} : { durationMs }) },
      notices: result.notices,
      offline: args.offline,
      color,
    });
    if (toFile) writeReport(args.output!, report);
    else io.stdout.write(report);
    return failingFindings(result.findings, args["fail-on"]).length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof TokscanError) {
      io.stderr.write(`tokscan: ${printable(error.message)}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return 2;
    }
    io.stderr.write(`tokscan: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write("tokscan: run again with --debug for details\n");
    return 2;
  }
}

function writeReport(file: string, report: string): void {
  try {
    writeFileSync(file, report);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`--output ${file}: cannot write the report (${code})`);
  }
}

function failingFindings(findings: Finding[], failOn: (typeof FAIL_ON)[number]): Finding[] {
  if (failOn === "none") return [];
  // TIERS runs from critical down: a finding fails when its tier is at or before the threshold.
  const threshold = TIERS.indexOf(failOn);
  return findings.filter((f) => !f.suppressed && TIERS.indexOf(f.blastRadius.tier) <= threshold);
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  main(hideBin(process.argv)).then((code) => {
    process.exitCode = code;
  });
}
