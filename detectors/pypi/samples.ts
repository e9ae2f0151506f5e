import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";
import { encodeToken } from "./macaroon.js";

const signature = (rng: Rng): Buffer => Buffer.from(rng.hex(64), "hex");

/** A token shaped as PyPI issues them; the signature is random (no key signs it). */
export function sampleToken(rng: Rng, caveats: unknown[], location = "pypi.org"): string {
  return encodeToken({
    location,
    identifier: rng.uuid(),
    caveats: caveats.map((c) => JSON.stringify(c)),
    signature: signature(rng),
  });
}

export const userWide = (rng: Rng): string => sampleToken(rng, [[3, rng.uuid()]]);
export const projectScoped = (rng: Rng, names: string[]): string =>
  sampleToken(rng, [[1, names], [2, [rng.uuid()]], [3, rng.uuid()]]);

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inPypirc = userWide(rng);
    return [
      { rule: "api-token", secret: userWide(rng), name: "TWINE_PASSWORD" },
      { rule: "api-token", secret: projectScoped(rng, ["acme-tools"]), name: "PYPI_TOKEN" },
      { rule: "api-token", secret: sampleToken(rng, [[0, 1_900_000_000, 1_700_000_000], [1, ["acme-core", "acme-cli"]]]) },
      { rule: "api-token", secret: sampleToken(rng, [{ version: 1, permissions: "user" }]), name: "UV_PUBLISH_TOKEN" },
      {
        rule: "api-token",
        secret: inPypirc,
        path: ".pypirc",
        content: `[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = ${inPypirc}\n`,
      },
      { rule: "test-api-token", secret: sampleToken(rng, [[3, rng.uuid()]], "test.pypi.org"), name: "TEST_PYPI_TOKEN" },
    ];
  },
  negative: (rng) => {
    const good = userWide(rng);
    const prefix = "pypi-AgEIcHlwaS5vcmc";
    return [
      { content: `TWINE_PASSWORD=${prefix}${"x".repeat(60)}\n`, why: "placeholder body" },
      { content: `TWINE_PASSWORD=${good.slice(0, -6)}\n`, why: "truncated: the signature is cut" },
      { content: `TWINE_PASSWORD=${good}AAAA\n`, why: "bytes after the signature: not a macaroon" },
      { content: `TWINE_PASSWORD=${good.replace("pypi-AgEIcHlwaS5vcmcCJ", "pypi-AgEIcHlwaS5vcmcCK")}\n`, why: "identifier length does not fit the data" },
      { content: "TWINE_PASSWORD=${PYPI_API_TOKEN}\n", why: "shell reference" },
      { content: "password: ${{ secrets.PYPI_API_TOKEN }}\n", why: "GitHub Actions secret reference" },
      { content: "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc...\n", why: "documentation placeholder", path: ".pypirc" },
    ];
  },
};
