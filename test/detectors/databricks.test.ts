/** Databricks: PATs with and without the `-N` suffix, OAuth secrets, word boundaries. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector } from "../../detectors/databricks/index.js";
import { createProviderHttp } from "../../src/net/provider-http.js";
import { api, WORKSPACE_UNKNOWN_REASON } from "../../detectors/databricks/api.js";

const compiled = compileRules([detector]);
const found = (content: string, path = ".env") =>
  scanContent(Buffer.from(content), path, compiled).matches.map((m) => [m.ruleId, m.secret]);

describe("databricks detector", () => {
  const rng = createRng(30);

  it("takes the optional -N suffix into the secret", () => {
    const pat = `dapi${rng.hex(32)}-3`;
    expect(found(`token = ${pat}\n`, ".databrickscfg")).toEqual([["databricks/personal-access-token", pat]]);
  });

  it("tells a PAT from a service principal OAuth secret", () => {
    const pat = `dapi${rng.hex(32)}`;
    const secret = `dose${rng.hex(32)}`;
    expect(found(`DATABRICKS_TOKEN=${pat}\nDATABRICKS_CLIENT_SECRET=${secret}\n`)).toEqual([
      ["databricks/personal-access-token", pat],
      ["databricks/oauth-secret", secret],
    ]);
  });

  it("ignores the prefixes inside longer words and hex of the wrong length", () => {
    expect(found(`overdose${rng.hex(32)} sdapi${rng.hex(32)} dapi${rng.hex(31)} dapi${rng.hex(33)}`)).toEqual([]);
  });

  it("marks both kinds as able to read secrets and spend", () => {
    for (const rule of detector.rules) {
      expect(rule.infer!(`${rule.id === "oauth-secret" ? "dose" : "dapi"}${rng.hex(32)}`).capabilities).toEqual(
        expect.arrayContaining(["SECRETS_READ", "SPEND", "DELETE_DATA"]),
      );
    }
  });

  it("leaves a token unchecked, without a request, when no workspace URL was given", async () => {
    const secret = `dapi${rng.hex(32)}`;
    const http = createProviderHttp({ providerId: "databricks", baseUrl: api.baseUrl, overridden: false, allow: api.allow, secret });
    const result = await api.introspect({ ruleId: "personal-access-token", secret, companions: [], inference: { capabilities: [], notes: [] } }, http, {
      allowExchange: false,
      now: new Date(),
    });
    expect(result).toEqual({ liveness: "unchecked", reason: WORKSPACE_UNKNOWN_REASON });
    expect(http.calls).toBe(0);
  });
});
