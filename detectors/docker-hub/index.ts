import type { Detector } from "../../src/detector-kit/index.js";

// TODO(stub): fill in.
export const detector: Detector = {
  id: "docker-hub",
  name: "docker-hub",
  docsUrl: "",
  remediation: { revoke: "", narrower: "" },
  related: {},
  rules: [],
};
