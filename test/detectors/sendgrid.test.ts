/** SendGrid: key shape, key id in the inference, scope mapping. */
import { describe, expect, it } from "vitest";
import { ALPHABET, createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/sendgrid/index.js";
import { capabilitiesOfScope } from "../../detectors/sendgrid/api.js";

const set = compileRules([detector]);
const rng = createRng(23);

describe("sendgrid", () => {
  it("finds SG keys but not msg.<...> property chains", () => {
    const id = rng.chars(ALPHABET.base64url, 22);
    const secret = `SG.${id}.${rng.chars(ALPHABET.base64url, 43)}`;
    const matches = scanContent(Buffer.from(`SENDGRID_API_KEY=${secret}\nlog(msg.${id}.${rng.chars(ALPHABET.base64url, 43)})\n`), ".env", set).matches;
    expect(matches.map((m) => m.secret)).toEqual([secret]);
    expect(detector.rules[0]!.infer!(secret).notes[0]).toBe(`Key id ${id}.`);
  });

  it("maps scopes to capabilities", () => {
    expect(capabilitiesOfScope("mail.send")).toEqual(["SEND_AS_ORG"]);
    expect(capabilitiesOfScope("api_keys.create")).toEqual(["IAM_WRITE"]);
    expect(capabilitiesOfScope("teammates.delete")).toEqual(["IAM_WRITE", "DELETE_DATA"]);
    expect(capabilitiesOfScope("marketing.read")).toEqual(["READ_PII"]);
    expect(capabilitiesOfScope("user.webhooks.parse.settings.create")).toEqual(["READ_PII"]);
    expect(capabilitiesOfScope("stats.read")).toEqual([]);
  });
});
