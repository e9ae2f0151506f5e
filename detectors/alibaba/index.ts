/**
 * Alibaba Cloud (Aliyun) AccessKey pairs.
 * AccessKey IDs of RAM users and of the root account start with `LTAI` (16 or 24 characters);
 * the AccessKey secret is 30 alphanumerics with no prefix, so it is reported only when assigned to a
 * key whose name says Alibaba. Docs: https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair
 */
import { assignmentMaxLength, assignmentSource, fixedInference, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "../../src/detector-kit/index.js";
import type { Capability, Detector } from "../../src/detector-kit/index.js";

/** A key pair acts as its RAM user, or as the whole account when it belongs to the root account. */
const KEY_PAIR: Capability[] = ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "IAM_WRITE", "SECRETS_READ", "SPEND", "READ_PII"];

const EVIDENCE = "alibaba|aliyun|alicloud";

export const detector: Detector = {
  id: "alibaba",
  name: "Alibaba Cloud",
  docsUrl: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
  remediation: {
    revoke: "https://ram.console.aliyun.com/users",
    narrower:
      "Disable and delete the AccessKey pair in the RAM console (never keep AccessKeys on the root account); give the workload a RAM user or RAM role whose policy grants only the actions and resources it uses, and prefer STS temporary credentials (AssumeRole, or an instance/ECI RAM role) over long-lived AccessKeys.",
  },
  related: {
    paths: ["**/.aliyun/config.json", "**/.alibabacloud/**", "**/s.yaml", "**/template.yml"],
    content: /aliyuncs\.com|@alicloud\/|@alipay\/|aliyun-sdk|alibabacloud|aliyunsdkcore|alibaba-cloud-sdk|ALIBABA_CLOUD_|ALICLOUD_/,
  },
  rules: [
    {
      id: "access-key-id",
      title: "Alibaba Cloud AccessKey ID",
      keywords: ["ltai"],
      pattern: new RegExp(`${NOT_AFTER_WORD}LTAI(?:[A-Za-z0-9]{20}|[A-Za-z0-9]{12})${NOT_BEFORE_WORD}`),
      maxLength: 24,
      confidence: "high",
      capabilities: KEY_PAIR,
      lifetime: "long",
      infer: fixedInference("AccessKey ID", KEY_PAIR, "long", [
        "AccessKey ID of a RAM user or of the root account: with its 30-character secret it signs any API call that identity may make.",
      ]),
    },
    {
      id: "access-key-secret",
      title: "Alibaba Cloud AccessKey secret",
      keywords: ["alibaba", "aliyun", "alicloud"],
      pattern: new RegExp(assignmentSource(EVIDENCE, "[A-Za-z0-9]{30}"), "i"),
      maxLength: assignmentMaxLength(8, 30),
      confidence: "medium",
      capabilities: KEY_PAIR,
      lifetime: "long",
      infer: fixedInference("AccessKey secret", KEY_PAIR, "long", [
        "AccessKey secret (30 characters) assigned to an Alibaba Cloud setting: the signing half of a key pair.",
      ]),
    },
    {
      id: "cli-config-secret",
      title: "Alibaba Cloud AccessKey secret in the aliyun CLI configuration",
      keywords: ["access_key_secret"],
      paths: ["**/.aliyun/config.json"],
      pattern: new RegExp(assignmentSource("access_key_secret", "[A-Za-z0-9]{30}")),
      maxLength: assignmentMaxLength(17, 30),
      confidence: "high",
      capabilities: KEY_PAIR,
      lifetime: "long",
      infer: fixedInference("AccessKey secret", KEY_PAIR, "long", [
        "AccessKey secret of an aliyun CLI profile (~/.aliyun/config.json): the signing half of a key pair.",
      ]),
    },
  ],
};
