/**
 * Endpoint overrides (src/introspect/endpoints.ts): `--endpoint p=url` and TOKSCAN_ENDPOINT_<P>, the
 * command line winning; unknown providers, bad URLs and plain http to non-loopback hosts rejected; and
 * never read from a file, even when the scanned directory holds one that tries.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import {
  endpointEnvName,
  endpointsFromEnv,
  isLoopbackHost,
  parseEndpointOptions,
  resolveEndpoints,
  validateEndpointUrl,
} from "../src/introspect/endpoints.js";
import { tempDir } from "./support/temp.js";

const ids = ["github", "google-cloud", "railway"];

describe("resolveEndpoints", () => {
  it("reads --endpoint values and TOKSCAN_ENDPOINT_* variables; the command line wins", () => {
    const endpoints = resolveEndpoints({
      cli: ["github=http://127.0.0.1:5000/api/v3/", "railway=https://railway.internal.example"],
      env: {
        TOKSCAN_ENDPOINT_GITHUB: "https://ghe.example.com/api/v3",
        TOKSCAN_ENDPOINT_GOOGLE_CLOUD: "http://localhost:7000",
        PATH: "/usr/bin",
      },
      providerIds: ids,
    });
    expect(Object.fromEntries(endpoints)).toEqual({
      github: "http://127.0.0.1:5000/api/v3",
      "google-cloud": "http://localhost:7000",
      railway: "https://railway.internal.example",
    });
  });

  it("defaults to every registered provider id", () => {
    expect(resolveEndpoints({ cli: ["github=https://ghe.example.com/api/v3"] }).get("github")).toBe("https://ghe.example.com/api/v3");
    expect(() => resolveEndpoints({ cli: ["nosuchprovider=https://x.example"] })).toThrow(UsageError);
  });

  it("env names upper-case the id and turn - into _", () => {
    expect(endpointEnvName("google-cloud")).toBe("TOKSCAN_ENDPOINT_GOOGLE_CLOUD");
    expect(endpointEnvName("github")).toBe("TOKSCAN_ENDPOINT_GITHUB");
  });

  it("empty variables are ignored", () => {
    expect(endpointsFromEnv({ TOKSCAN_ENDPOINT_GITHUB: "  " }, ids).size).toBe(0);
  });

  it.each([
    ["an unknown provider on the command line", () => parseEndpointOptions(["gitbub=https://x.example"], ids), /unknown provider "gitbub"/],
    ["an unknown provider in the environment", () => endpointsFromEnv({ TOKSCAN_ENDPOINT_GITBUB: "https://x.example" }, ids), /unknown provider "GITBUB"/],
    ["a value without =", () => parseEndpointOptions(["github"], ids), /expected <provider>=<baseUrl>/],
    ["a value without provider", () => parseEndpointOptions(["=https://x.example"], ids), /expected <provider>=<baseUrl>/],
    ["a malformed URL", () => parseEndpointOptions(["github=not a url"], ids), /is not a URL/],
    ["a file URL", () => parseEndpointOptions(["github=file:///etc/passwd"], ids), /only http\(s\)/],
    ["plain http to a public host", () => parseEndpointOptions(["github=http://ghe.example.com/api/v3"], ids), /plain http is only allowed for loopback/],
    ["plain http to a private address", () => parseEndpointOptions(["github=http://10.0.0.5"], ids), /plain http is only allowed for loopback/],
    ["plain http to a host that merely starts with localhost", () => parseEndpointOptions(["github=http://localhost.evil.example"], ids), /loopback/],
    ["plain http from the environment", () => endpointsFromEnv({ TOKSCAN_ENDPOINT_GITHUB: "http://evil.example" }, ids), /TOKSCAN_ENDPOINT_GITHUB: plain http/],
    ["credentials in the URL", () => parseEndpointOptions(["github=https://user:pw@ghe.example.com"], ids), /credentials/],
    ["a query string", () => parseEndpointOptions(["github=https://ghe.example.com/?x=1"], ids), /query or fragment/],
  ])("rejects %s with a UsageError", (_name, run, message) => {
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
  });

  it("accepts http for every loopback form, https anywhere", () => {
    for (const url of ["http://127.0.0.1:1", "http://127.8.9.10", "http://localhost:3000", "http://[::1]:8080/base", "https://ghe.example.com"]) {
      expect(() => validateEndpointUrl(url, "--endpoint github")).not.toThrow();
    }
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("128.0.0.1")).toBe(false);
    expect(isLoopbackHost("127.0.0.1.evil.example")).toBe(false);
  });

  it("ignores config and env files in the working directory: only the arguments it is given count", () => {
    const repo = tempDir({
      ".tokscan.yml": "endpoints:\n  github: https://attacker.example\ndetectors:\n  github:\n    baseUrl: https://attacker.example\n",
      ".env": "TOKSCAN_ENDPOINT_GITHUB=https://attacker.example\n",
      ".tokscanrc": '{"endpoint": ["github=https://attacker.example"]}',
    });
    const before = process.cwd();
    process.chdir(repo);
    try {
      expect(resolveEndpoints({ cli: [], env: {} }).size).toBe(0);
      expect(resolveEndpoints({}).size).toBe(0);
    } finally {
      process.chdir(before);
    }
  });

  it("the endpoints module reads no files and no process.env of its own", () => {
    const source = readFileSync(new URL("../src/introspect/endpoints.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/from "node:fs"|from "fs"|readFile|process\.env/);
  });
});
