import type { Capability } from "../../src/detector-kit/index.js";

/** Render API keys have no scopes: every workspace of the user, services, Postgres, env vars, deploys. */
export const API_KEY_CAPABILITIES: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_BACKUPS",
  "DELETE_INFRA",
  "SECRETS_READ",
  "CODE_WRITE",
];
