/**
 * Slack tokens and incoming-webhook URLs.
 * Token types: https://api.slack.com/authentication/token-types ; rotation:
 * https://api.slack.com/authentication/rotation . ../shared/providers.md §2.5.
 */
import { fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Lifetime, TokenRule } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** Slack token bodies are alphanumeric with `-` separators: a token must not run on into more of them. */
const END = "(?![0-9A-Za-z_-])";

/** History and file reads expose whatever was pasted in Slack: secrets and customer data. */
const BOT: Capability[] = ["SEND_AS_ORG", "READ_PII", "SECRETS_READ"];
const USER: Capability[] = ["SEND_AS_ORG", "READ_PII", "SECRETS_READ", "DELETE_DATA", "IAM_WRITE"];

const rule = (
  id: string,
  title: string,
  keywords: string[],
  source: string,
  maxLength: number,
  capabilities: readonly Capability[],
  tokenClass: string,
  notes: string[],
  lifetime: Lifetime = "long",
  extra: Partial<TokenRule> = {},
): TokenRule => ({
  id,
  title,
  keywords,
  pattern: new RegExp(`${NOT_AFTER_WORD}${source}${END}`),
  maxLength,
  confidence: "high",
  capabilities,
  lifetime,
  infer: fixedInference(tokenClass, capabilities, lifetime, notes),
  ...extra,
});

export const detector: Detector = {
  id: "slack",
  name: "Slack",
  docsUrl: "https://api.slack.com/authentication/token-types",
  remediation: {
    revoke: "https://api.slack.com/apps",
    narrower:
      "Revoke it (your app > OAuth & Permissions, or Incoming Webhooks for a webhook URL), reinstall to get a new one, then use a bot token with only the scopes the job needs and token rotation turned on; to post notifications, use an incoming webhook bound to one channel instead of a token.",
  },
  related: {
    paths: ["**/manifest.json", "**/manifest.yml", "**/manifest.yaml", "**/slack*.{yml,yaml,json}"],
    content: /slack\.com\/api|@slack\/|slack_sdk|slack_bolt|slack-ruby|slack-go|SLACK_(?:BOT|APP|TOKEN|WEBHOOK|SIGNING)/,
  },
  api,
  rules: [
    rule(
      "bot-token",
      "Slack bot token",
      ["xoxb-"],
      "xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[0-9A-Za-z]{18,34}",
      5 + 15 + 15 + 34,
      BOT,
      "bot token",
      ["Acts as the app's bot user in one workspace, with the scopes the app was granted."],
    ),
    rule(
      "user-token",
      "Slack user token",
      ["xoxp-"],
      "xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[0-9A-Za-z]{28,34}",
      5 + 3 * 15 + 34,
      USER,
      "user token",
      ["Acts as the person who installed the app: their messages, files and, for admins, workspace administration."],
    ),
    rule(
      "rotating-access-token",
      "Slack rotating access token",
      ["xoxe.xox"],
      "xoxe\\.xox[bp]-[0-9]-[0-9A-Za-z]{146,180}",
      12 + 180,
      USER,
      "rotating access token",
      ["Short-lived (12 h) bot or user token from an app with token rotation."],
      "short",
    ),
    rule(
      "refresh-token",
      "Slack refresh token",
      ["xoxe-"],
      "xoxe-[0-9]-[0-9A-Za-z]{130,160}",
      7 + 160,
      USER,
      "refresh token",
      ["Mints new access tokens; single use, so tokscan never exchanges it."],
    ),
    rule(
      "app-level-token",
      "Slack app-level token",
      ["xapp-"],
      "xapp-[0-9]-[0-9A-Z]{8,14}-[0-9]{8,16}-[0-9A-Za-z]{32,80}",
      7 + 15 + 17 + 80,
      ["READ_PII"],
      "app-level token",
      ["Opens Socket Mode connections: receives the app's events (messages it can see) across installations."],
    ),
    rule(
      "legacy-token",
      "Slack legacy token",
      ["xoxa-", "xoxs-", "xoxo-"],
      "(?:xoxa-(?:[0-9]-)?[0-9A-Za-z]{8,48}|xox[os]-[0-9]{1,14}-[0-9]{1,14}-[0-9]{1,14}-[0-9A-Fa-f]{16,64})",
      5 + 45 + 64,
      USER,
      "legacy token",
      ["Legacy workspace-app or session token: usually the full power of the user who made it."],
    ),
    rule(
      "legacy-refresh-token",
      "Slack legacy workspace-app refresh token",
      ["xoxr-"],
      "xoxr-(?:[0-9]-)?[0-9A-Za-z]{8,48}",
      7 + 48,
      USER,
      "legacy refresh token",
      ["Mints workspace-app tokens; never exchanged by tokscan."],
    ),
    rule(
      "browser-session-token",
      "Slack browser session token",
      ["xoxc-"],
      "xoxc-[0-9]{1,14}-[0-9]{1,14}-[0-9]{1,14}-[0-9a-f]{64}",
      5 + 45 + 64,
      USER,
      "browser session token",
      ["A signed-in browser session (used with the `d` cookie): everything the person can do."],
      "short",
    ),
    {
      id: "webhook-url",
      title: "Slack incoming webhook URL",
      keywords: ["hooks.slack.com/"],
      pattern: new RegExp(
        String.raw`https?://hooks\.slack\.com/(?:services/T[0-9A-Z]{8,12}/B[0-9A-Z]{8,12}/[0-9A-Za-z]{24}(?![0-9A-Za-z])|(?:workflows|triggers)/T[0-9A-Z]{8,12}/[0-9A-Za-z]{8,20}(?:/[0-9]{8,20})?/[0-9A-Za-z]{24,40}(?![0-9A-Za-z]))`,
      ),
      // The longer branch: `https://hooks.slack.com/workflows/T…/A…/<id>/<secret>`.
      maxLength: 24 + 10 + 13 + 1 + 20 + 21 + 1 + 40,
      confidence: "high",
      capabilities: ["SEND_AS_ORG"],
      lifetime: "long",
      infer: fixedInference("incoming webhook", [
        "SEND_AS_ORG"], "long", ["Posts messages into a channel as the app; no read-only check exists, so it is never called.",
      ]),
    },
  ],
};
