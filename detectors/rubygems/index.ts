/**
 * RubyGems.org API keys: `rubygems_` + 48 hex. A key's scopes (push, yank, owner management...) and
 * gem restriction are not in the string.
 * Docs: https://guides.rubygems.org/api-key-scopes/
 */
import { fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";

/** Push a malicious version of every gem the user owns, yank versions, add owners. */
const API_KEY: Capability[] = ["CODE_WRITE", "DELETE_DATA", "IAM_WRITE", "ACCOUNT_WIDE"];

export const detector: Detector = {
  id: "rubygems",
  name: "RubyGems",
  docsUrl: "https://guides.rubygems.org/api-key-scopes/",
  remediation: {
    revoke: "https://rubygems.org/profile/api_keys",
    narrower:
      "Delete the key (rubygems.org > Settings > API keys), then publish with trusted publishing (OIDC) from CI, or a key with only the push_rubygem scope, limited to one gem, with MFA required and an expiry.",
  },
  related: {
    paths: ["**/.gem/credentials", "**/*.gemspec", "**/Gemfile", "**/.gemrc"],
    content: /rubygems\.org|gem push|GEM_HOST_API_KEY|RUBYGEMS_API_KEY|rubygems_api_key/,
  },
  rules: [
    {
      id: "api-key",
      title: "RubyGems API key",
      keywords: ["rubygems_"],
      pattern: new RegExp(`${NOT_AFTER_WORD}rubygems_[0-9a-f]{48}${NOT_BEFORE_WORD}`),
      maxLength: 9 + 48,
      confidence: "high",
      capabilities: API_KEY,
      lifetime: "long",
      infer: fixedInference("API key", API_KEY, "long", [
        "RubyGems.org API key: its scopes are not in the string; at worst it pushes new versions of every gem its owner maintains (supply chain), yanks versions and adds owners.",
      ]),
    },
  ],
};
