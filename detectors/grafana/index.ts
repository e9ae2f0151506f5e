/**
 * Grafana and Grafana Cloud tokens.
 * - Cloud access policy tokens: `glc_` + base64 of `{"o":<org id>,"n":<name>,"k":<key>,"m":{"r":<region>}}`.
 * - Service account tokens: `glsa_` + 32 alphanumerics + `_` + 8 hex digits, the CRC-32 of
 *   `glsa_<32 characters>` as little-endian bytes (grafana/grafana pkg/components/satokengen).
 * - Legacy API keys (Grafana and Grafana Cloud): base64 of `{"k":<key>,"n":<name>,"id":<number>}`,
 *   so they start with `eyJrIjoi`.
 * Docs: https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/ ,
 * https://grafana.com/docs/grafana/latest/administration/service-accounts/ .
 */
import { crc32Of, fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD, validWhen } from "../../src/detector-kit/index.js";
import type { Capability, Detector, Inference } from "../../src/detector-kit/index.js";

/** Access policies may hold stack, policy and data scopes across the whole Cloud organization. */
const ACCESS_POLICY: Capability[] = ["ACCOUNT_WIDE", "DELETE_INFRA", "DELETE_DATA", "IAM_WRITE", "READ_PII", "SPEND"];
/** Service accounts and API keys carry an instance role (up to Admin). */
const INSTANCE_ROLE: Capability[] = ["DELETE_DATA", "IAM_WRITE", "SECRETS_READ", "READ_PII"];

const AFTER_BASE64 = "(?![A-Za-z0-9_+/=])";

/** The JSON object a base64 token encodes, or undefined. */
export function decodeJsonPayload(base64: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(base64, "base64").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const cloudPayload = (secret: string) => {
  const payload = decodeJsonPayload(secret.slice(4));
  return payload && typeof payload["k"] === "string" && typeof payload["o"] === "string" ? payload : undefined;
};

const apiKeyPayload = (secret: string) => {
  const payload = decodeJsonPayload(secret);
  return payload && typeof payload["k"] === "string" && typeof payload["n"] === "string" && typeof payload["id"] === "number"
    ? payload
    : undefined;
};

/** CRC-32 of `glsa_<secret>`, little-endian, as 8 hex digits. */
export function serviceAccountChecksum(prefixedSecret: string): string {
  const crc = crc32Of(prefixedSecret);
  return Buffer.from([crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, (crc >>> 24) & 0xff]).toString("hex");
}

export const detector: Detector = {
  id: "grafana",
  name: "Grafana",
  docsUrl: "https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/",
  remediation: {
    revoke: "https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/using-an-access-policy-token/",
    narrower:
      "Delete the token (Grafana Cloud portal > Access Policies for glc_ tokens; Administration > Users and access > Service accounts for glsa_ tokens; API keys are deprecated: migrate them), then create an access policy limited to one stack and the scopes the job uses (for example metrics:write only), or a service account with the Viewer role, with an expiry date.",
  },
  related: {
    paths: ["**/grafana.ini", "**/provisioning/**", "**/grafana/**", "**/alloy/**", "**/*.alloy", "**/agent.yaml"],
    content: /grafana\.net|grafana\.com|@grafana\/|grafana-api|grafana_client|grafana\/grafana|GRAFANA_(?:API_KEY|TOKEN|SERVICE_ACCOUNT)/,
  },
  rules: [
    {
      id: "cloud-access-policy-token",
      title: "Grafana Cloud access policy token",
      keywords: ["glc_eyj"],
      pattern: new RegExp(`${NOT_AFTER_WORD}glc_eyJ[A-Za-z0-9+/]{40,400}={0,2}${AFTER_BASE64}`),
      maxLength: 4 + 3 + 400 + 2,
      confidence: "high",
      capabilities: ACCESS_POLICY,
      lifetime: "long",
      validate: validWhen(cloudPayload, "does not decode to a Grafana Cloud token payload"),
      infer: (secret: string): Inference => {
        const payload = cloudPayload(secret);
        const region = payload?.["m"] && typeof payload["m"] === "object" ? (payload["m"] as Record<string, unknown>)["r"] : undefined;
        return {
          tokenClass: "access policy token",
          capabilities: [...ACCESS_POLICY],
          lifetime: "long",
          account: typeof payload?.["o"] === "string" ? `org ${payload["o"]}` : undefined,
          notes: [
            `Grafana Cloud access policy token${typeof payload?.["n"] === "string" ? ` "${payload["n"]}"` : ""}${typeof region === "string" ? ` (region ${region})` : ""}: its scopes and stacks are set on the policy, possibly across the whole Cloud organization.`,
          ],
        };
      },
    },
    {
      id: "service-account-token",
      title: "Grafana service account token",
      keywords: ["glsa_"],
      pattern: new RegExp(`${NOT_AFTER_WORD}glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}${NOT_BEFORE_WORD}`),
      maxLength: 5 + 32 + 1 + 8,
      confidence: "high",
      capabilities: INSTANCE_ROLE,
      lifetime: "long",
      validate: validWhen((secret) => serviceAccountChecksum(secret.slice(0, 37)) === secret.slice(38), "checksum"),
      infer: fixedInference("service account token", INSTANCE_ROLE, "long", [
        "Grafana service account token: acts with the service account's role on one Grafana instance (up to Admin: users, data sources, dashboards).",
      ]),
    },
    {
      id: "api-key",
      title: "Grafana API key (legacy)",
      keywords: ["eyjrijoi"],
      pattern: new RegExp(`${NOT_AFTER_WORD}eyJrIjoi[A-Za-z0-9+/]{40,400}={0,2}${AFTER_BASE64}`),
      maxLength: 8 + 400 + 2,
      confidence: "high",
      capabilities: INSTANCE_ROLE,
      lifetime: "long",
      validate: validWhen(apiKeyPayload, "does not decode to a Grafana API key payload"),
      infer: (secret: string): Inference => {
        const payload = apiKeyPayload(secret);
        return {
          tokenClass: "API key",
          capabilities: [...INSTANCE_ROLE],
          lifetime: "long",
          notes: [
            `Legacy Grafana API key${typeof payload?.["n"] === "string" ? ` "${payload["n"]}"` : ""}: acts with the role it was created with (Viewer, Editor or Admin).`,
          ],
        };
      },
    },
  ],
};
