/**
 * Hugging Face access tokens.
 * https://huggingface.co/docs/hub/security-tokens ; ../shared/providers.md §2.12.
 * The role (read, write, fine-grained) is not in the string.
 */
import { fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

/** A write token can overwrite or delete models, datasets and Spaces others pull (supply chain). */
const USER: Capability[] = ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA", "IAM_WRITE", "SPEND"];
const ORG: Capability[] = ["ACCOUNT_WIDE", "CODE_WRITE", "DELETE_DATA"];

export const detector: Detector = {
  id: "huggingface",
  name: "Hugging Face",
  docsUrl: "https://huggingface.co/docs/hub/security-tokens",
  remediation: {
    revoke: "https://huggingface.co/settings/tokens",
    narrower:
      "Invalidate it (Settings > Access Tokens), then create a fine-grained token limited to the repositories and permissions the job needs, or a read token when it only downloads.",
  },
  related: {
    paths: ["**/.cache/huggingface/**", "**/.huggingface/**"],
    content: /huggingface\.co|huggingface_hub|from transformers|@huggingface\/|HF_TOKEN|HUGGING_FACE_HUB_TOKEN/,
  },
  api,
  rules: [
    {
      id: "user-access-token",
      title: "Hugging Face user access token",
      keywords: ["hf_"],
      pattern: new RegExp(`${NOT_AFTER_WORD}hf_[A-Za-z]{34}${NOT_BEFORE_WORD}`),
      maxLength: 37,
      confidence: "high",
      capabilities: USER,
      lifetime: "long",
      infer: fixedInference("user access token", USER, "long", [
        "Its role (read, write or fine-grained) is not in the string; scored as a write token.",
      ]),
    },
    {
      id: "org-api-token",
      title: "Hugging Face organization API token (legacy)",
      keywords: ["api_org_"],
      pattern: new RegExp(`${NOT_AFTER_WORD}api_org_[A-Za-z]{34}${NOT_BEFORE_WORD}`),
      maxLength: 42,
      confidence: "high",
      capabilities: ORG,
      lifetime: "long",
      infer: fixedInference("organization API token", ORG, "long", ["Deprecated organization token: acts for the whole organization."]),
    },
  ],
};
