import type { Detector } from "../../src/detector-kit/index.js";

// TODO(stub): fill in.
export const detector: Detector = {
  id: "google-cloud",
  name: "google-cloud",
  docsUrl: "",
  remediation: { revoke: "", narrower: "" },
  related: {},
  rules: [],
};
