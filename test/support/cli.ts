/** Runs the built CLI (dist/) as a real child process. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { detectors } from "../../src/registry.js";
import { endpointEnvName } from "../../src/introspect/endpoints.js";

/**
 * Every provider points at a closed loopback port unless a test says otherwise, so no test can
 * reach a real provider even when it forgets an --endpoint.
 */
const CLOSED_PORT = "http://127.0.0.1:9";
const ISOLATED_ENDPOINTS = Object.fromEntries(detectors.map((d) => [endpointEnvName(d.id), CLOSED_PORT]));

export const CLI = join(import.meta.dirname, "..", "..", "dist", "src", "cli.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: options.cwd,
        env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...ISOLATED_ENDPOINTS, ...options.env },
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
