/** Alibaba Cloud: AccessKey ids by prefix and length, secrets only under an Alibaba key name. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/alibaba/index.js";

const compiled = compileRules([detector]);
const found = (content: string, path = "config/app.env") =>
  scanContent(Buffer.from(content), path, compiled).matches.map((m) => [m.ruleId, m.secret, m.evidence]);

describe("alibaba detector", () => {
  const rng = createRng(41);

  it("accepts 16- and 24-character AccessKey ids and nothing in between", () => {
    const long = `LTAI${rng.chars(ALPHABET.base62, 20)}`;
    const short = `LTAI${rng.chars(ALPHABET.base62, 12)}`;
    const odd = `LTAI${rng.chars(ALPHABET.base62, 16)}`;
    expect(found(`a=${long}\nb=${short}\nc=${odd}\n`)).toEqual([
      ["alibaba/access-key-id", long, undefined],
      ["alibaba/access-key-id", short, undefined],
    ]);
  });

  it("reports a 30-character secret only under an Alibaba key name, and names the key", () => {
    const secret = rng.chars(ALPHABET.base62, 30);
    expect(found(`ALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`)).toEqual([
      ["alibaba/access-key-secret", secret, "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
    ]);
    expect(found(`AWS_SECRET=${secret}\n`)).toEqual([]);
    expect(found(`aliyun_secret: "${secret}x"\n`)).toEqual([]);
  });

  it("finds both halves of a key pair in the aliyun CLI config, and only the id elsewhere", () => {
    const id = `LTAI${rng.chars(ALPHABET.base62, 20)}`;
    const secret = rng.chars(ALPHABET.base62, 30);
    const json = JSON.stringify({ current: "default", profiles: [{ name: "default", mode: "AK", access_key_id: id, access_key_secret: secret }] });
    expect(found(json, "home/.aliyun/config.json").map(([rule, value]) => [rule, value])).toEqual([
      ["alibaba/access-key-id", id],
      ["alibaba/cli-config-secret", secret],
    ]);
    expect(found(json, "fixtures/profile.json").map(([rule]) => rule)).toEqual(["alibaba/access-key-id"]);
  });

  it("infers a key-pair class with account-wide worst case", () => {
    const inference = detector.rules[0]!.infer!(`LTAI${rng.chars(ALPHABET.base62, 20)}`);
    expect(inference.tokenClass).toBe("AccessKey ID");
    expect(inference.capabilities).toEqual(expect.arrayContaining(["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_BACKUPS"]));
  });
});
