/**
 * Render credentials (../shared/providers.md §3.3): API keys `rnd_` + base62 (length not published:
 * observed 28-36, bounded 24-48) and deploy hook URLs `https://api.render.com/deploy/srv-…?key=…`.
 * https://render.com/docs/api#1-create-an-api-key ; https://render.com/docs/deploy-hooks
 */
import { fixedInference, NOT_AFTER_WORD } from "../../src/detector-kit/index.js";
import type { Detector, TokenRule } from "../../src/detector-kit/index.js";
import { renderApi } from "./api.js";
import { API_KEY_CAPABILITIES } from "./capabilities.js";

export { API_KEY_CAPABILITIES };

export const rules: readonly TokenRule[] = [
  {
    id: "api-key",
    title: "Render API key",
    keywords: ["rnd_"],
    pattern: new RegExp(`${NOT_AFTER_WORD}rnd_[A-Za-z0-9]{24,48}(?![A-Za-z0-9_-])`),
    maxLength: 52,
    confidence: "high",
    capabilities: API_KEY_CAPABILITIES,
    lifetime: "long",
    infer: fixedInference("API key", API_KEY_CAPABILITIES, "long", [
      "Render API keys have no scopes: it acts as its user in every workspace, and can delete services and Postgres instances (their backups go with them), read environment variables and deploy.",
    ]),
  },
  {
    id: "deploy-hook",
    title: "Render deploy hook URL",
    keywords: ["api.render.com/deploy/"],
    pattern: /api\.render\.com\/deploy\/(?<evidence>srv-[a-z0-9]{20})\?key=(?<secret>[A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/,
    maxLength: "api.render.com/deploy/".length + 24 + 5 + 11,
    confidence: "high",
    capabilities: [],
    lifetime: "long",
    infer: fixedInference("deploy hook", [
      ], "long", ["Deploy hook of one Render service: anyone with the URL can trigger deploys of it (and interrupt it); it reads and deletes nothing.",
    ]),
  },
];

export const detector: Detector = {
  id: "render",
  name: "Render",
  docsUrl: "https://render.com/docs/api",
  remediation: {
    revoke: "https://dashboard.render.com/u/settings#api-keys (API keys); deploy hooks: the service's Settings → Deploy Hook → Regenerate",
    narrower:
      "Render API keys cannot be scoped: for deploys use the service's deploy hook (stored as a CI secret) or Render's Git auto-deploy instead of an API key.",
  },
  related: {
    paths: ["**/render.yaml", "**/render.yml", "**/.render/**"],
    content: /api\.render\.com|onrender\.com|render-oss|RENDER_SERVICE_ID|johnbeynon\/render-deploy-action/,
  },
  rules,
  api: renderApi,
};
