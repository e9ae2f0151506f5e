import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const accessToken = (rng: Rng): string => `EAAA${rng.pick(["l", "E"])}${rng.chars(ALPHABET.base64url, 59)}`;

export const samples: DetectorSamples = {
  positive: (rng) => [
    { rule: "access-token", secret: accessToken(rng), name: "SQUARE_ACCESS_TOKEN" },
    { rule: "access-token", secret: accessToken(rng), name: "SQUARE_TOKEN" },
    { rule: "access-token", secret: accessToken(rng), name: "PROD_SQUARE_ACCESS_TOKEN" },
    { rule: "legacy-personal-access-token", secret: `sq0atp-${rng.chars(ALPHABET.base64url, 22)}`, name: "SQUARE_ACCESS_TOKEN" },
    { rule: "legacy-personal-access-token", secret: `sq0atp-${rng.chars(ALPHABET.base64url, 22)}` },
    { rule: "application-secret", secret: `sq0csp-${rng.chars(ALPHABET.base64url, 43)}`, name: "SQUARE_APPLICATION_SECRET" },
  ],
  negative: (rng) => [
    { content: `SQUARE_APPLICATION_ID=sq0idp-${rng.chars(ALPHABET.base64url, 22)}`, why: "application id: public" },
    { content: `"mappings": ";AAAA,EAAA${rng.chars(ALPHABET.base64url, 60)};"`, path: "dist/app.js.map", why: "EAAA in a source map, no Square evidence" },
    { content: `ACCESS_TOKEN=${accessToken(rng)}`, why: "EAAA value with no Square evidence" },
    { content: `.square-grid { --id: ${accessToken(rng)}; }`, why: "\"square\" as an ordinary word" },
    { content: `SQUARE_ACCESS_TOKEN=EAAA${"X".repeat(60)}`, why: "placeholder" },
    { content: `SQUARE_ACCESS_TOKEN=${accessToken(rng).slice(0, 30)}`, why: "truncated" },
    { content: `id = "xsq0atp-${rng.chars(ALPHABET.base64url, 22)}"`, why: "part of a longer word" },
    { content: "SQUARE_ACCESS_TOKEN=${SQUARE_ACCESS_TOKEN}", why: "reference" },
    { content: "accessToken: process.env.SQUARE_ACCESS_TOKEN", why: "reference" },
    { content: "SQUARE_ACCESS_TOKEN: ${{ secrets.SQUARE_ACCESS_TOKEN }}", why: "reference to a secret store" },
  ],
};
