/** Cloudflare: prefixed formats, unprefixed formats only with evidence, permission-group mapping. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/cloudflare/index.js";
import { capabilitiesOfPermission } from "../../detectors/cloudflare/api.js";

const set = compileRules([detector]);
const scan = (content: string, path = ".env") => scanContent(Buffer.from(content), path, set).matches;
const rng = createRng(13);

describe("cloudflare", () => {
  it("classifies user, account and global scannable credentials", () => {
    const cred = (prefix: string) => `${prefix}${rng.chars(ALPHABET.base62, 40)}${rng.hex(8)}`;
    const found = scan(`A=${cred("cfut_")}\nB=${cred("cfat_")}\nC=${cred("cfk_")}\n`).map((m) => m.ruleId);
    expect(found).toEqual(["cloudflare/user-api-token", "cloudflare/account-api-token", "cloudflare/global-api-key"]);
  });

  it("reports an unprefixed token or global key only under a Cloudflare key name, with that name as evidence", () => {
    const token = rng.chars(ALPHABET.base62, 40);
    const globalKey = rng.hex(37);
    const withEvidence = scan(`CLOUDFLARE_API_TOKEN=${token}\nexport CF_API_KEY="${globalKey}"\n`);
    expect(withEvidence.map((m) => [m.ruleId, m.secret, m.evidence])).toEqual([
      ["cloudflare/api-token-legacy", token, "CLOUDFLARE_API_TOKEN"],
      ["cloudflare/global-api-key-legacy", globalKey, "CF_API_KEY"],
    ]);
    expect(scan(`API_TOKEN=${token}\nKEY=${globalKey}\n`)).toEqual([]);
    expect(scan(`# Cloudflare\nTOKEN=${token}\n`)).toEqual([]);
  });

  it("maps permission groups to capabilities", () => {
    expect(capabilitiesOfPermission("DNS Write")).toEqual(["PROD_REACH", "DELETE_INFRA"]);
    expect(capabilitiesOfPermission("DNS Read")).toEqual([]);
    expect(capabilitiesOfPermission("Workers Scripts Write")).toEqual(["CODE_WRITE", "PROD_REACH"]);
    expect(capabilitiesOfPermission("User API Tokens Write")).toEqual(["IAM_WRITE"]);
    expect(capabilitiesOfPermission("Workers R2 Storage Write")).toEqual(["DELETE_DATA"]);
    expect(capabilitiesOfPermission("Logs Read")).toEqual(["READ_PII"]);
  });
});
