import type { Capability } from "../../src/detector-kit/index.js";

/** The account API key is `global`: every app of the user and of their teams, add-ons, config vars, members. */
export const GLOBAL_CAPABILITIES: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_BACKUPS",
  "DELETE_INFRA",
  "SECRETS_READ",
  "CODE_WRITE",
  "IAM_WRITE",
  "SPEND",
];
