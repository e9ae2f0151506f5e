/** Google Cloud: service-account key files (plain and escaped JSON), API keys, OAuth client secrets. */
import { describe, expect, it } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import type { TokenInstance } from "../../src/types.js";
import { introspectAll } from "../../src/introspect/run.js";
import { foundToken, introspectOne, loopbacksClosedAfterEach } from "../support/introspection.js";
import { NEEDS_EXCHANGE, signAssertion, TOKEN_AUDIENCE } from "../../detectors/google-cloud/api.js";
import { createGoogleEmulator } from "../../detectors/google-cloud/emulator.js";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detectors } from "../../src/registry.js";
import { detector } from "../../detectors/google-cloud/index.js";
import { parseServiceAccount } from "../../detectors/google-cloud/service-account.js";
import { sampleKeyFile, samplePem } from "../../detectors/google-cloud/samples.js";

const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const all = compileRules(detectors);
const scan = (content: string, path = "key.json") => scanContent(Buffer.from(content), path, all).matches;

describe("google-cloud service-account keys", () => {
  it("reports a key file once, as the service-account rule, with project and account inferred", () => {
    const rng = createRng(3);
    const file = sampleKeyFile(rng);
    const text = JSON.stringify(file.json, null, 2);
    const matches = scan(`${text}\n`);
    expect(matches.map((m) => [m.ruleId, m.secret])).toEqual([["google-cloud/service-account-key", text]]);
    const inference = rule("service-account-key").infer!(text);
    expect(inference.account).toBe(file.projectId);
    expect(inference.notes).toContain(`service account ${file.clientEmail}`);
    expect(inference.notes.join(" ")).toContain(`key id ${file.json["private_key_id"]}`);
  });

  it("reads a key file escaped inside another JSON string, with the PEM's newlines restored", () => {
    const rng = createRng(4);
    const file = sampleKeyFile(rng);
    const escaped = JSON.stringify(JSON.stringify(file.json)).slice(1, -1);
    const parsed = parseServiceAccount(escaped);
    expect(parsed).toMatchObject({ projectId: file.projectId, clientEmail: file.clientEmail });
    expect(parsed!.privateKey).toBe(file.json["private_key"]);
    expect(scan(`{"credentials": "${escaped}"}`).map((m) => m.ruleId)).toEqual(["google-cloud/service-account-key"]);
  });

  it("names well-known service accounts", () => {
    const rng = createRng(5);
    const file = sampleKeyFile(rng);
    file.json["client_email"] = `firebase-adminsdk-abcde@${file.projectId}.iam.gserviceaccount.com`;
    expect(rule("service-account-key").infer!(JSON.stringify(file.json)).notes.join(" ")).toContain("Firebase Admin SDK");
  });

  it("drops key files without key material, of another type, or of the public Kubernetes test account", () => {
    const rng = createRng(6);
    const check = (json: Record<string, string>) => rule("service-account-key").validate!(JSON.stringify(json));
    expect(check(sampleKeyFile(rng).json)).toEqual({ ok: true });
    expect(check(sampleKeyFile(rng, "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n").json)).toMatchObject({ ok: false });
    expect(check({ ...sampleKeyFile(rng).json, type: "authorized_user" })).toMatchObject({ ok: false });
    expect(check({ ...sampleKeyFile(rng).json, client_email: "image-pulling@authenticated-image-pulling.iam.gserviceaccount.com" })).toEqual({
      ok: false,
      reason: "Kubernetes' intentionally public test service account",
    });
    // A PEM whose body is not DER (first byte not a SEQUENCE).
    const notDer = samplePem(rng).replace(/\n(.)/, (_, c: string) => `\n${c === "A" ? "B" : "A"}`);
    expect(check(sampleKeyFile(rng, notDer).json)).toMatchObject({ ok: false });
  });

  it("keeps the service-account match over the private-key rule for the key inside it", () => {
    const rng = createRng(7);
    const text = JSON.stringify(sampleKeyFile(rng).json);
    expect(scan(text).map((m) => m.ruleId)).toEqual(["google-cloud/service-account-key"]);
  });

  it("does not hang on many unbalanced braces around the keyword", () => {
    const content = `${"{".repeat(200_000)}"type": "service_account" ${"{ \"private_key\": 1, ".repeat(50_000)}`;
    const started = Date.now();
    scan(content, "big.json");
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe("google-cloud API keys and OAuth secrets", () => {
  it("finds an API key and wins over the generic rule under an api_key name", () => {
    const key = `AIza${createRng(8).chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-", 35)}`;
    expect(scan(`GOOGLE_API_KEY=${key}\n`, ".env").map((m) => [m.ruleId, m.secret])).toEqual([["google-cloud/api-key", key]]);
    expect(rule("api-key").infer!(key).capabilities).toEqual(["SPEND"]);
  });

  it("requires the exact OAuth client secret length", () => {
    const body = createRng(9).chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789", 28);
    expect(scan(`secret=GOCSPX-${body}\n`, ".env").map((m) => m.ruleId)).toEqual(["google-cloud/oauth-client-secret"]);
    expect(scan(`secret=GOCSPX-${body}9\n`, ".env").filter((m) => m.detectorId === "google-cloud")).toEqual([]);
  });
});

describe("google-cloud introspection", () => {
  const serve = loopbacksClosedAfterEach();
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const keyFile = (seed: number) => {
    const file = sampleKeyFile(createRng(seed), keys.privateKey);
    return { file, secret: JSON.stringify(file.json) };
  };
  const token = (secret: string): TokenInstance => foundToken("service-account-key", secret, [], rule("service-account-key").capabilities);

  it("without --allow-exchange: only the public key list is read, no credential leaves, result unchecked", async () => {
    const { file, secret } = keyFile(30);
    const { createPublicKey } = await import("node:crypto");
    const server = await serve(
      createGoogleEmulator([{ email: file.clientEmail, project: file.projectId, keys: [{ id: file.json["private_key_id"]!, publicKey: createPublicKey(keys.publicKey) }] }], createRng(1)),
    );
    const result = await introspectOne(detector, token(secret), server, { allowExchange: false });
    expect(result).toMatchObject({ liveness: "unchecked", reason: NEEDS_EXCHANGE, owner: file.clientEmail });
    expect(result.facts?.join(" ")).toContain("still listed");
    expect(server.requests.map((r) => [r.method, r.path])).toEqual([["GET", `/robot/v1/metadata/x509/${encodeURIComponent(file.clientEmail)}`]]);
    expect(server.requests[0]?.headers["authorization"]).toBeUndefined();
  });

  it("signs a JWT-bearer assertion for the fixed token endpoint, whatever token_uri the file names", async () => {
    const { file, secret } = keyFile(31);
    file.json["token_uri"] = "https://attacker.example/token";
    const urls: string[] = [];
    const fetchImpl: typeof fetch = async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      urls.push(url);
      if (url.includes("/robot/v1/metadata/x509/")) return Response.json({ [file.json["private_key_id"]!]: "cert" });
      return Response.json({ error: "invalid_grant", error_description: "Invalid JWT Signature." }, { status: 400 });
    };
    const results = await introspectAll([{ key: "k", detector, token: token(JSON.stringify(file.json)) }], { offline: false, endpoints: new Map(), allowExchange: true, fetchImpl });
    expect(results.get("k")?.liveness).toBe("inactive");
    expect(urls).toEqual([
      `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(file.clientEmail)}`,
      "https://oauth2.googleapis.com/token",
    ]);
    const assertion = signAssertion(parseServiceAccount(secret)!, new Date("2026-01-01T00:00:00Z"))!;
    const claims = JSON.parse(Buffer.from(assertion.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: file.clientEmail, aud: TOKEN_AUDIENCE, iat: 1767225600, exp: 1767226200 });
  });

  it("a key file whose private key does not parse is unknown, and is never sent", async () => {
    const rng = createRng(32);
    const secret = JSON.stringify(sampleKeyFile(rng).json);
    const id = JSON.parse(secret).private_key_id as string;
    const server = await serve(() => ({ status: 200, body: { [id]: "cert" } }));
    expect(await introspectOne(detector, token(secret), server, { allowExchange: true })).toMatchObject({ liveness: "unknown", reason: "the private key in the file does not parse: nothing to sign with" });
    expect(server.requests).toHaveLength(1);
  });
});
