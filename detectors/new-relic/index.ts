import type { Detector } from "../../src/detector-kit/index.js";

// TODO(stub): fill in.
export const detector: Detector = {
  id: "new-relic",
  name: "new-relic",
  docsUrl: "",
  remediation: { revoke: "", narrower: "" },
  related: {},
  rules: [],
};
