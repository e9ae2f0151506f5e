import type { Detector } from "../../src/detector-kit/index.js";

// TODO(stub): fill in.
export const detector: Detector = {
  id: "private-key",
  name: "private-key",
  docsUrl: "",
  remediation: { revoke: "", narrower: "" },
  related: {},
  rules: [],
};
