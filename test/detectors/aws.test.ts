/** AWS: account id decoding, canary accounts, documented example keys, pairing evidence, Bedrock keys. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import type { EmulatorHandler } from "../../src/detector-kit/index.js";
import type { TokenInstance } from "../../src/types.js";
import { checkAllowed } from "../../src/net/allowlist.js";
import { foundToken, introspectOne, loopbacksClosedAfterEach } from "../support/introspection.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/aws/index.js";
import { accountFromKeyId, base32Decode, base32Encode, CANARY_ACCOUNTS } from "../../detectors/aws/account.js";
import { sampleAccount, sampleKeyId, sampleLongTermBedrock, sampleSecretKey, sampleSessionToken, sampleShortTermBedrock } from "../../detectors/aws/samples.js";
import { sha256Hex, signV4 } from "../../detectors/aws/sigv4.js";
import { api, iamBody, IDENTITY_BODY, MAX_PAIRS, pairsFor, principalOf, simulateBody } from "../../detectors/aws/api.js";
import { createAwsEmulator } from "../../detectors/aws/emulator.js";
import type { AwsKeyState } from "../../detectors/aws/emulator.js";

const rule = (id: string) => detector.rules.find((r) => r.id === id)!;
const ruleSet = compileRules([detector]);
const scan = (content: string, path = ".env") =>
  scanContent(Buffer.from(content), path, ruleSet).matches.map((m) => [m.ruleId, m.secret]);

// The vector given in ../shared/providers.md §2.3 (a published STS key id), split so that no
// literal here looks like a key id.
const PUBLISHED_KEY_ID = ["ASIA", "QNZGKIQY", "56JQ7WML"].join("");

describe("aws key id decoding", () => {
  it("decodes the published vector to its documented account", () => {
    expect(accountFromKeyId(PUBLISHED_KEY_ID)).toBe("029608264753");
  });

  it("round-trips base32 and rejects characters outside the alphabet", () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 9]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Decode("ABC1")).toBeUndefined();
  });

  it("recovers the account of every generated key id, and none for the old AKIAI/AKIAJ layout", () => {
    const rng = createRng(11);
    for (let i = 0; i < 50; i++) {
      const account = sampleAccount(rng);
      expect(accountFromKeyId(sampleKeyId(rng, "AKIA", account))).toBe(account);
    }
    expect(accountFromKeyId(`AKIAJ${"Q".repeat(15)}`)).toBeUndefined();
    expect(rule("access-key-id").infer!(`AKIAI${"QZ".repeat(7)}Q`).notes.join(" ")).toContain("not encoded");
  });

  it("infers class, lifetime and account offline", () => {
    const rng = createRng(2);
    const inference = rule("temporary-access-key-id").infer!(sampleKeyId(rng, "ASIA", "123456789012"));
    expect(inference).toMatchObject({ account: "123456789012", lifetime: "short" });
    expect(inference.tokenClass).toContain("temporary");
    expect(rule("access-key-id").infer!(sampleKeyId(rng, "AKIA")).lifetime).toBe("long");
  });

  it("marks canary-token accounts and says they are never contacted", () => {
    const rng = createRng(4);
    expect(CANARY_ACCOUNTS.size).toBe(26);
    for (const account of ["052310077262", "982842642351"]) {
      const inference = rule("access-key-id").infer!(sampleKeyId(rng, "AKIA", account));
      expect(inference.notes).toContain("known canary account: never contacted");
      // A decoy grants nothing: it must not rank beside real keys.
      expect(inference.capabilities).toEqual([]);
      expect(inference.tokenClass).toMatch(/canary-token account \(a decoy\)/);
    }
    expect(rule("access-key-id").infer!(sampleKeyId(rng, "AKIA", "111122223333")).notes.join(" ")).not.toContain("canary");
  });
});

describe("aws scanning", () => {
  it("never reports AWS's documented example keys, even with their names", () => {
    const content =
      "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
    expect(scan(content, ".aws/credentials")).toEqual([]);
    for (const id of ["access-key-id", "temporary-access-key-id"]) expect(rule(id).examples).toBeDefined();
    expect(rule("secret-access-key").examples).toContain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  });

  it("reports a key id and its secret from a credentials file, and the secret only with evidence", () => {
    const rng = createRng(8);
    const id = sampleKeyId(rng, "AKIA");
    const secret = sampleSecretKey(rng);
    expect(scan(`[default]\naws_access_key_id=${id}\naws_secret_access_key=${secret}\n`)).toEqual([
      ["aws/access-key-id", id],
      ["aws/secret-access-key", secret],
    ]);
    expect(scan(`const value = "${secret}";\n`)).toEqual([]);
    expect(scan(`${id},${secret}\n`, "accessKeys.csv")).toEqual([
      ["aws/access-key-id", id],
      ["aws/secret-access-key-beside-id", secret],
    ]);
  });

  it("rejects a hex digest assigned to a secret key name", () => {
    expect(rule("secret-access-key").validate!("0123abcd".repeat(5))).toMatchObject({ ok: false });
  });

  it("decodes both Bedrock key kinds offline", () => {
    const rng = createRng(5);
    const long = sampleLongTermBedrock(rng, "210987654321");
    expect(rule("bedrock-api-key").validate!(long)).toEqual({ ok: true });
    expect(rule("bedrock-api-key").infer!(long)).toMatchObject({ account: "210987654321" });
    const short = sampleShortTermBedrock(rng, sampleKeyId(rng, "ASIA", "052310077262"));
    const inference = rule("bedrock-short-term-api-key").infer!(short);
    expect(inference).toMatchObject({ account: "052310077262", expiresAt: "2025-07-09T00:00:00.000Z" });
    expect(inference.notes).toContain("known canary account: never contacted");
    expect(scan(`AWS_BEARER_TOKEN_BEDROCK=${short}\n`)).toContainEqual(["aws/bedrock-short-term-api-key", short]);
  });

  it("stays fast on a long run of key-id-like characters", () => {
    const content = `AKIA${"A".repeat(2_000_000)} ASIA${"Q2".repeat(1_000_000)}`;
    const started = Date.now();
    scan(content);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("aws SigV4", () => {
  it("reproduces the worked example of AWS's signing guide (IAM ListUsers, 2015-08-30)", () => {
    // Documented example credentials from https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
    const signed = signV4({
      method: "GET",
      host: "iam.amazonaws.com",
      path: "/",
      query: "Action=ListUsers&Version=2010-05-08",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: "",
      service: "iam",
      region: "us-east-1",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      date: new Date("2015-08-30T12:36:00Z"),
    });
    expect(sha256Hex(signed.canonicalRequest)).toBe("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
    expect(signed.headers["Authorization"]).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    );
  });

  it("builds request bodies that the allowlist accepts, and refuses others", () => {
    const iam = (body: string) => checkAllowed(api.allow, { method: "POST", path: "/", body, origin: "https://iam.amazonaws.com" }, api.baseUrl);
    expect(checkAllowed(api.allow, { method: "POST", path: "/", body: IDENTITY_BODY }, api.baseUrl).allowed).toBe(true);
    expect(iam(iamBody("ListAttachedUserPolicies", "UserName", "deploy+ci@acme")).allowed).toBe(true);
    expect(iam(simulateBody("arn:aws:iam::123456789012:user/team/deploy")).allowed).toBe(true);
    expect(iam("Action=CreateAccessKey&UserName=deploy&Version=2010-05-08").allowed).toBe(false);
    expect(iam("Action=DeleteUser&UserName=deploy&Version=2010-05-08").allowed).toBe(false);
    expect(checkAllowed(api.allow, { method: "POST", path: "/", body: "Action=AssumeRole&Version=2011-06-15" }, api.baseUrl).allowed).toBe(false);
  });

  it("classifies principals from their ARN", () => {
    expect(principalOf("arn:aws:iam::123456789012:root", "123456789012").kind).toBe("root");
    expect(principalOf("arn:aws:iam::123456789012:user/team/deploy", "123456789012")).toMatchObject({ kind: "user", name: "deploy" });
    expect(principalOf("arn:aws:sts::123456789012:assumed-role/app/i-1", "123456789012")).toMatchObject({
      kind: "role",
      iamArn: "arn:aws:iam::123456789012:role/app",
    });
  });
});

describe("aws introspection without a request", () => {
  const serve = loopbacksClosedAfterEach();
  const run = async (token: TokenInstance, handler: EmulatorHandler = () => ({ status: 500 })) => {
    const server = await serve(handler);
    return { result: await introspectOne(detector, token, server, { retryBaseDelayMs: 5 }), requests: server.requests };
  };
  const token = (ruleId: string, secret: string, companions: { ruleId: string; secret: string }[] = []): TokenInstance =>
    foundToken(ruleId, secret, companions, rule(ruleId).capabilities);

  it("never contacts AWS for a key of a known canary account, even with its secret", async () => {
    const rng = createRng(21);
    const keyId = sampleKeyId(rng, "AKIA", "052310077262");
    const { result, requests } = await run(token("access-key-id", keyId, [{ ruleId: "aws/secret-access-key", secret: sampleSecretKey(rng) }]));
    expect(result.liveness).toBe("unchecked");
    expect(result.reason).toMatch(/known canary account 052310077262: never contacted/);
    expect(requests).toEqual([]);
    const fromSecret = await run(token("secret-access-key", sampleSecretKey(rng), [{ ruleId: "access-key-id", secret: keyId }]));
    expect(fromSecret.result).toMatchObject({ liveness: "unchecked" });
    expect(fromSecret.requests).toEqual([]);
  });

  it("leaves a key id without a secret, and an ASIA key without its session token, unchecked with the reason", async () => {
    const rng = createRng(22);
    const alone = await run(token("access-key-id", sampleKeyId(rng, "AKIA")));
    expect(alone.result).toEqual({ liveness: "unchecked", reason: "no secret access key in the same file: a key id alone cannot sign a request" });
    const noSession = await run(token("temporary-access-key-id", sampleKeyId(rng, "ASIA"), [{ ruleId: "secret-access-key", secret: sampleSecretKey(rng) }]));
    expect(noSession.result.reason).toMatch(/without its session token/);
    expect([...alone.requests, ...noSession.requests]).toEqual([]);
  });

  it("tries at most three secrets per key id, and never sends a secret", async () => {
    const rng = createRng(23);
    const state: AwsKeyState = { keyId: sampleKeyId(rng, "AKIA"), secret: sampleSecretKey(rng), account: sampleAccount(rng), arn: "arn:aws:iam::1:user/x" };
    const wrong = Array.from({ length: 5 }, () => ({ ruleId: "secret-access-key", secret: sampleSecretKey(rng) }));
    expect(pairsFor(token("access-key-id", state.keyId, wrong)).pairs).toHaveLength(MAX_PAIRS);
    const { result, requests } = await run(token("access-key-id", state.keyId, wrong), createAwsEmulator([state]));
    expect(requests).toHaveLength(MAX_PAIRS);
    expect(result.liveness).toBe("unknown");
    expect(result.reason).toMatch(/none of the 3 secret\(s\) tried matches/);
    for (const request of requests) {
      const text = JSON.stringify(request);
      for (const w of wrong) expect(text.includes(w.secret)).toBe(false);
      expect(request.headers["authorization"]).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${state.keyId}/\\d{8}/us-east-1/sts/aws4_request`));
    }
  });

  it("sends the session token of an ASIA key and signs it", async () => {
    const rng = createRng(24);
    const sessionToken = sampleSessionToken(rng);
    const state: AwsKeyState = { keyId: sampleKeyId(rng, "ASIA"), secret: sampleSecretKey(rng), sessionToken, account: "210987654321", arn: "arn:aws:sts::210987654321:assumed-role/r/s", iamReadable: false };
    const { result, requests } = await run(
      token("temporary-access-key-id", state.keyId, [{ ruleId: "secret-access-key", secret: state.secret }, { ruleId: "session-token", secret: sessionToken }]),
      createAwsEmulator([state]),
    );
    expect(result).toMatchObject({ liveness: "live", account: "210987654321" });
    expect(requests[0]?.headers["x-amz-security-token"]).toBe(sessionToken);
    expect(requests[0]?.headers["authorization"]).toContain("x-amz-security-token");
  });
});
