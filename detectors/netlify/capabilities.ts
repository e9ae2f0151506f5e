import type { Capability } from "../../src/detector-kit/index.js";

/** Netlify PATs have no scopes: the user's full rights on every team (sites, DNS, env vars, deploys, members). */
export const PAT_CAPABILITIES: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_INFRA",
  "DELETE_DATA",
  "SECRETS_READ",
  "CODE_WRITE",
  "IAM_WRITE",
];
