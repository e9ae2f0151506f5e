import type { Detector } from "../../src/detector-kit/index.js";

// TODO(stub): fill in.
export const detector: Detector = {
  id: "pypi",
  name: "pypi",
  docsUrl: "",
  remediation: { revoke: "", narrower: "" },
  related: {},
  rules: [],
};
