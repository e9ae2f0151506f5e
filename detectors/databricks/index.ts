/**
 * Databricks workspace credentials.
 * Personal access tokens: `dapi` + 32 hex (optionally `-<digit>`); OAuth client secrets of service
 * principals: `dose` + 32 hex. Docs: https://docs.databricks.com/en/dev-tools/auth/pat.html ,
 * https://docs.databricks.com/en/dev-tools/auth/oauth-m2m.html . ../shared/providers.md §3.13.
 */
import { fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** A PAT acts as its user in one workspace; a workspace admin's token manages users, tokens and secret scopes. */
const WORKSPACE_IDENTITY: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_INFRA", "SECRETS_READ", "IAM_WRITE", "SPEND", "READ_PII"];

export const detector: Detector = {
  id: "databricks",
  name: "Databricks",
  docsUrl: "https://docs.databricks.com/en/dev-tools/auth/pat.html",
  remediation: {
    revoke: "https://docs.databricks.com/en/dev-tools/auth/pat.html#revoke-a-personal-access-token",
    narrower:
      "Revoke the token in the workspace (Settings > Developer > Access tokens, or an admin through the Token Management API), then run the job as a service principal with OAuth machine-to-machine credentials, no admin group membership, only the entitlements and Unity Catalog grants it needs, and a short token lifetime.",
  },
  api,
  related: {
    paths: ["**/.databrickscfg", "**/databricks.yml", "**/databricks.yaml", "**/bundle.yml"],
    content: /cloud\.databricks\.com|azuredatabricks\.net|gcp\.databricks\.com|databricks-sdk|databricks-sql-connector|databricks\.sdk|@databricks\/|DATABRICKS_(?:HOST|TOKEN)/,
  },
  rules: [
    {
      id: "personal-access-token",
      title: "Databricks personal access token",
      keywords: ["dapi"],
      pattern: new RegExp(`${NOT_AFTER_WORD}dapi[0-9a-f]{32}(?:-[0-9])?${NOT_BEFORE_WORD}`),
      maxLength: 38,
      confidence: "high",
      capabilities: WORKSPACE_IDENTITY,
      lifetime: "long",
      infer: fixedInference("personal access token", WORKSPACE_IDENTITY, "long", [
        "Databricks personal access token: acts as its user in one workspace (clusters, jobs, notebooks, tables); a workspace admin's token also manages users, tokens and secret scopes.",
      ]),
    },
    {
      id: "oauth-secret",
      title: "Databricks OAuth client secret",
      keywords: ["dose"],
      pattern: new RegExp(`${NOT_AFTER_WORD}dose[0-9a-f]{32}${NOT_BEFORE_WORD}`),
      maxLength: 36,
      confidence: "high",
      capabilities: WORKSPACE_IDENTITY,
      lifetime: "long",
      infer: fixedInference("OAuth client secret", WORKSPACE_IDENTITY, "long", [
        "OAuth secret of a Databricks service principal: with the client id it mints access tokens for every workspace (or the account console) the principal belongs to.",
      ]),
    },
  ],
};
