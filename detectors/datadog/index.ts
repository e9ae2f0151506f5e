/**
 * Datadog keys (../shared/providers.md §2.19): API keys (32 hex) and application keys (40 hex), both
 * unprefixed, so reported only under a Datadog name (DD_API_KEY, DD_APP_KEY, DATADOG_*) or header
 * (DD-API-KEY, DD-APPLICATION-KEY). https://docs.datadoghq.com/account_management/api-app-keys/
 * Client tokens (`pub` + 32 hex) are public by design (browser RUM/logs) and are not reported.
 */
import { assignmentMaxLength, assignmentSource, fixedInference } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule } from "../../src/detector-kit/index.js";
import { datadogApi } from "./api.js";

/** An API key only submits data (metrics, logs, events): custom metrics are billed, alerts can be spoofed. */
export const API_KEY_CAPABILITIES: readonly Capability[] = ["SPEND"];
/** An unscoped application key has every permission of its user; an admin's can delete and read everything. */
export const APP_KEY_CAPABILITIES: readonly Capability[] = [
  "ACCOUNT_WIDE",
  "DELETE_DATA",
  "DELETE_INFRA",
  "IAM_WRITE",
  "SECRETS_READ",
  "READ_PII",
];

// `dd` must start a word: ADD_API_KEY is not Datadog's.
const API_KEY_NAME = String.raw`(?<![A-Za-z0-9])dd[_.-]?api[_.-]?key(?![A-Za-z0-9])|datadog[A-Za-z0-9_.-]{0,12}api[_.-]?key`;
const APP_KEY_NAME = String.raw`(?<![A-Za-z0-9])dd[_.-]?app(?:lication)?[_.-]?key(?![A-Za-z0-9])|datadog[A-Za-z0-9_.-]{0,12}app(?:lication)?[_.-]?key`;

export const rules: readonly TokenRule[] = [
  {
    id: "api-key",
    title: "Datadog API key",
    keywords: ["datadog", "dd_api_key", "dd-api-key", "ddapikey"],
    pattern: new RegExp(assignmentSource(API_KEY_NAME, "[0-9a-f]{32}"), "i"),
    maxLength: assignmentMaxLength("datadog".length + 12 + "api_key".length, 32),
    confidence: "medium",
    capabilities: API_KEY_CAPABILITIES,
    lifetime: "long",
    infer: fixedInference("API key", API_KEY_CAPABILITIES, "long", [
      "Datadog API key: submits metrics, logs and events for the whole organization (billed custom metrics, spoofed alerts); it cannot read data on its own, but it pairs with an application key for the full API.",
    ]),
  },
  {
    id: "application-key",
    title: "Datadog application key",
    keywords: ["datadog", "dd_app_key", "dd_application_key", "dd-application-key", "dd-app-key", "ddappkey", "ddapplicationkey"],
    pattern: new RegExp(assignmentSource(APP_KEY_NAME, "[0-9a-f]{40}"), "i"),
    maxLength: assignmentMaxLength("datadog".length + 12 + "application_key".length, 40),
    confidence: "medium",
    capabilities: APP_KEY_CAPABILITIES,
    lifetime: "long",
    infer: fixedInference("application key", APP_KEY_CAPABILITIES, "long", [
      "Datadog application key: with an API key it acts as its user through the whole API. Unscoped keys carry all the user's permissions: an admin's can delete monitors (silencing production alerting), users and log archives, and read logs that often hold secrets and customer data. Assumed unscoped.",
    ]),
  },
];

export const detector: Detector = {
  id: "datadog",
  name: "Datadog",
  docsUrl: "https://docs.datadoghq.com/account_management/api-app-keys/",
  remediation: {
    revoke:
      "https://app.datadoghq.com/organization-settings/api-keys (API keys), https://app.datadoghq.com/organization-settings/application-keys (application keys); use your site's host outside US1",
    narrower:
      "Replace an application key with a scoped one (only the authorization scopes the job needs), owned by a service account rather than a person; agents and log shippers need only an API key.",
  },
  related: {
    paths: ["**/datadog.yaml", "**/datadog.yml", "**/conf.d/**", "**/datadog*.{yaml,yml,json}"],
    content: /datadoghq\.(?:com|eu)|ddog-gov\.com|dd-trace|datadog-api-client|@datadog\/|datadog\/agent|DD_SITE/,
  },
  rules,
  api: datadogApi,
};
