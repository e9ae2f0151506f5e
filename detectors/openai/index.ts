/**
 * OpenAI API keys. Every current key carries `T3BlbkFJ` (base64 of "OpenAI") at a fixed place.
 * Key types: https://platform.openai.com/docs/api-reference/authentication ; admin keys:
 * https://platform.openai.com/docs/api-reference/admin-api-keys . ../shared/providers.md §2.8.
 */
import { fixedInference, NOT_AFTER_WORD, prefixedTokenRule } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule } from "../../src/detector-kit/index.js";
import { api } from "./api.js";

const MARKER = "T3BlbkFJ";
/** Key bodies are URL-safe base64: a key must not run on into more of it. */
const END = "(?![0-9A-Za-z_-])";
/** Two body shapes are issued: 74 + marker + 74, or 58 + marker + 58. */
const PREFIXED_BODY = `(?:[0-9A-Za-z_-]{74}${MARKER}[0-9A-Za-z_-]{74}|[0-9A-Za-z_-]{58}${MARKER}[0-9A-Za-z_-]{58})`;
const PREFIXED_BODY_MAX = 74 + 8 + 74;

/** Inference is billed to the owner; files, vector stores and assistants may hold customer data. */
const PROJECT: Capability[] = ["SPEND", "READ_PII", "DELETE_DATA"];
const ADMIN: Capability[] = ["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_INFRA", "READ_PII"];
const LEGACY: Capability[] = ["ACCOUNT_WIDE", "SPEND", "READ_PII", "DELETE_DATA"];

const prefixed = (id: string, prefix: string, title: string, capabilities: readonly Capability[], tokenClass: string, notes: string[]): TokenRule =>
  prefixedTokenRule({ id, title, prefix, body: PREFIXED_BODY, bodyMax: PREFIXED_BODY_MAX, end: END, capabilities, lifetime: "long", tokenClass, notes });

export const detector: Detector = {
  id: "openai",
  name: "OpenAI",
  docsUrl: "https://platform.openai.com/docs/api-reference/authentication",
  remediation: {
    revoke: "https://platform.openai.com/api-keys",
    narrower:
      "Delete the key (API keys page; admin keys under Organization > Admin keys), then create a project key with Restricted permissions for only the endpoints the code calls, or a service-account key in a dedicated project with a budget limit; never ship admin keys in application code.",
  },
  related: {
    paths: ["**/.openai/**"],
    content: /api\.openai\.com|from openai|import openai|["']openai["']|@ai-sdk\/openai|langchain[_-]openai|OPENAI_API_KEY/,
  },
  api,
  rules: [
    prefixed("project-key", "sk-proj-", "OpenAI project API key", PROJECT, "project key", [
      "Project key: owned by a user or a project service account; its permissions (All, Restricted, Read only) are not in the string.",
    ]),
    prefixed("service-account-key", "sk-svcacct-", "OpenAI service account key", PROJECT, "service account key", [
      "Service-account key: scoped to one project and not tied to a person.",
    ]),
    prefixed("admin-key", "sk-admin-", "OpenAI admin API key", ADMIN, "admin key", [
      "Admin key: manages the organization's users, projects and API keys and reads usage and costs; it cannot call model endpoints.",
    ]),
    {
      id: "legacy-user-key",
      title: "OpenAI user API key (legacy format)",
      keywords: [MARKER.toLowerCase()],
      pattern: new RegExp(`${NOT_AFTER_WORD}sk-[0-9A-Za-z]{20}${MARKER}[0-9A-Za-z]{20}${END}`),
      maxLength: 3 + 20 + 8 + 20,
      confidence: "high",
      capabilities: LEGACY,
      lifetime: "long",
      infer: fixedInference("legacy user key", LEGACY, "long", ["Pre-2024 user key: acts for its owner across the whole organization."]),
    },
  ],
};
