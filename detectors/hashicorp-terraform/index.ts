/**
 * HCP Terraform (Terraform Cloud) and Terraform Enterprise API tokens: user, team, organization and
 * agent tokens share one format, `<14-character id>.atlasv1.<60-70 characters>`.
 * Docs: https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
 */
import { fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";

/**
 * A user or organization token manages workspaces, runs and variables; state versions hold every
 * secret the configuration touched, and an apply can destroy the infrastructure.
 */
const API_TOKEN: Capability[] = ["ACCOUNT_WIDE", "DELETE_INFRA", "DELETE_DATA", "SECRETS_READ", "CODE_WRITE", "IAM_WRITE", "PROD_REACH"];

export const detector: Detector = {
  id: "hashicorp-terraform",
  name: "HCP Terraform",
  docsUrl: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
  remediation: {
    revoke: "https://app.terraform.io/app/settings/tokens",
    narrower:
      "Delete the token (user tokens: User Settings > Tokens; team and organization tokens: organization settings > API tokens), then use a team token for a team that holds only the workspace permissions the job needs, with an expiry date, or dynamic credentials in the run instead of a stored token.",
  },
  related: {
    paths: ["**/.terraformrc", "**/terraform.rc", "**/credentials.tfrc.json", "**/*.tf", "**/*.tfvars", "**/.terraform.d/**"],
    content: /app\.terraform\.io|backend\s{1,8}"remote"|\bcloud\s{0,8}\{|go-tfe|tfe_|TFE_TOKEN|TF_API_TOKEN|TF_TOKEN_app_terraform_io/,
  },
  rules: [
    {
      id: "api-token",
      title: "HCP Terraform API token",
      keywords: [".atlasv1."],
      pattern: new RegExp(`${NOT_AFTER_WORD}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}${NOT_BEFORE_WORD}`),
      maxLength: 14 + 9 + 70,
      confidence: "high",
      capabilities: API_TOKEN,
      lifetime: "long",
      infer: fixedInference("API token", API_TOKEN, "long", [
        "HCP Terraform / Terraform Enterprise API token (user, team, organization or agent): can queue applies and destroys, change variables, and read state, which holds every secret the configuration touched.",
      ]),
    },
  ],
};
