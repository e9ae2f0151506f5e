/** DigitalOcean: token classes, unprefixed tokens with evidence only, refresh tokens never sent. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { UNSUPPORTED_REASON } from "../../src/introspect/run.js";
import { detector } from "../../detectors/digitalocean/index.js";
import { foundToken, introspectOne, loopbacksClosedAfterEach } from "../support/introspection.js";

const set = compileRules([detector]);
const scan = (content: string) => scanContent(Buffer.from(content), ".env", set).matches;
const rng = createRng(17);

const serve = loopbacksClosedAfterEach();

describe("digitalocean", () => {
  it("classifies personal, OAuth and refresh tokens", () => {
    const found = scan(`A=dop_v1_${rng.hex(64)}\nB=doo_v1_${rng.hex(64)}\nC=dor_v1_${rng.hex(64)}\n`).map((m) => m.ruleId);
    expect(found).toEqual(["digitalocean/personal-access-token", "digitalocean/oauth-access-token", "digitalocean/oauth-refresh-token"]);
  });

  it("reports a 64-hex value only under a DigitalOcean key name", () => {
    const value = rng.hex(64);
    expect(scan(`DIGITALOCEAN_TOKEN=${value}\n`).map((m) => m.evidence)).toEqual(["DIGITALOCEAN_TOKEN"]);
    expect(scan(`CHECKSUM=${value}\n`)).toEqual([]);
  });

  it("never sends a refresh token (exchanging it would rotate the owner's credential)", async () => {
    const server = await serve(() => ({ status: 200, body: { account: { uuid: "x" } } }));
    const result = await introspectOne(detector, foundToken("oauth-refresh-token", `dor_v1_${rng.hex(64)}`), server);
    expect(result).toEqual({ liveness: "unchecked", reason: UNSUPPORTED_REASON });
    expect(server.requests).toEqual([]);
  });
});
