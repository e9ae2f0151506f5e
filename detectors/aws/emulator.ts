/**
 * Loopback emulator of the STS and IAM Query API calls api.ts makes (tests only, never shipped).
 * It checks SigV4 signatures with each key's secret, as AWS does, and answers as documented:
 * - https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html : JSON with
 *   `Accept: application/json` (GetCallerIdentityResponse.GetCallerIdentityResult.{Account,Arn,UserId}).
 * - https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html : 403 InvalidClientTokenId
 *   (unknown or deactivated key), SignatureDoesNotMatch (wrong secret), ExpiredToken.
 * - IAM (https://docs.aws.amazon.com/IAM/latest/APIReference/): XML answers for
 *   ListAttachedUserPolicies, ListUserPolicies, ListGroupsForUser, ListAttachedGroupPolicies,
 *   GetRole, ListAttachedRolePolicies, ListRolePolicies, SimulatePrincipalPolicy; 403 AccessDenied.
 */
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";
import { parseAuthorization, signV4 } from "./sigv4.js";
import { sampleKeyId, sampleSecretKey, sampleSessionToken } from "./samples.js";
import { SIMULATED_ACTIONS } from "./api.js";

export interface AwsKeyState {
  keyId: string;
  secret: string;
  sessionToken?: string;
  account: string;
  arn: string;
  status?: "active" | "inactive" | "expired";
  attached?: string[];
  inline?: string[];
  groups?: { name: string; attached: string[] }[];
  /** False: every IAM read answers AccessDenied. */
  iamReadable?: boolean;
  /** Actions SimulatePrincipalPolicy reports as allowed ("denied": the simulation itself is refused). */
  simulateAllowed?: string[] | "denied";
}

const IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const requestId = "c2a1f6e0-0000-4000-8000-000000000000";

function xml(status: number, body: string): EmulatedResponse {
  return { status, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body };
}

function stsError(request: EmulatedRequest, code: string, message: string): EmulatedResponse {
  if ((request.headers["accept"] ?? "").includes("application/json")) {
    return { status: 403, headers: { "x-amzn-requestid": requestId }, body: { Error: { Type: "Sender", Code: code, Message: message }, RequestId: requestId } };
  }
  return xml(403, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
}

const iamError = (code: string, message: string): EmulatedResponse =>
  xml(403, `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);

const iamOk = (action: string, result: string): EmulatedResponse =>
  xml(200, `<${action}Response xmlns="${IAM_NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`);

const attachedXml = (names: readonly string[]): string =>
  `<AttachedPolicies>${names.map((n) => `<member><PolicyName>${n}</PolicyName><PolicyArn>arn:aws:iam::aws:policy/${n}</PolicyArn></member>`).join("")}</AttachedPolicies><IsTruncated>false</IsTruncated>`;

/** Recomputes the signature with the key's own secret, as AWS does. */
function signatureMatches(request: EmulatedRequest, state: AwsKeyState, auth: NonNullable<ReturnType<typeof parseAuthorization>>): boolean {
  const stamp = request.headers["x-amz-date"] ?? "";
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  const expected = signV4({
    method: request.method,
    host: `${auth.service}.amazonaws.com`,
    path: request.path,
    headers: { "content-type": request.headers["content-type"] ?? "", accept: request.headers["accept"] ?? "" },
    body: request.body,
    service: auth.service,
    region: auth.region,
    accessKeyId: state.keyId,
    secretAccessKey: state.secret,
    sessionToken: request.headers["x-amz-security-token"],
    date,
  });
  return expected.signature === auth.signature;
}

function iamAnswer(state: AwsKeyState, params: URLSearchParams): EmulatedResponse {
  const action = params.get("Action") ?? "";
  if (state.iamReadable === false) {
    return iamError("AccessDenied", `User: ${state.arn} is not authorized to perform: iam:${action} because no identity-based policy allows the iam:${action} action`);
  }
  switch (action) {
    case "ListAttachedUserPolicies":
    case "ListAttachedRolePolicies":
      return iamOk(action, attachedXml(state.attached ?? []));
    case "ListUserPolicies":
    case "ListRolePolicies":
      return iamOk(action, `<PolicyNames>${(state.inline ?? []).map((n) => `<member>${n}</member>`).join("")}</PolicyNames><IsTruncated>false</IsTruncated>`);
    case "ListGroupsForUser":
      return iamOk(action, `<Groups>${(state.groups ?? []).map((g) => `<member><GroupName>${g.name}</GroupName><Arn>arn:aws:iam::${state.account}:group/${g.name}</Arn></member>`).join("")}</Groups><IsTruncated>false</IsTruncated>`);
    case "ListAttachedGroupPolicies":
      return iamOk(action, attachedXml(state.groups?.find((g) => g.name === params.get("GroupName"))?.attached ?? []));
    case "GetRole": {
      const name = params.get("RoleName") ?? "";
      return iamOk(action, `<Role><Path>/service/</Path><RoleName>${name}</RoleName><Arn>arn:aws:iam::${state.account}:role/service/${name}</Arn></Role>`);
    }
    case "SimulatePrincipalPolicy": {
      if (state.simulateAllowed === "denied") return iamError("AccessDenied", `User: ${state.arn} is not authorized to perform: iam:SimulatePrincipalPolicy`);
      const allowed = new Set(state.simulateAllowed ?? []);
      const actions = [...params.entries()].filter(([k]) => k.startsWith("ActionNames.member.")).map(([, v]) => v);
      const members = actions
        .map((a) => `<member><EvalActionName>${a}</EvalActionName><EvalResourceName>*</EvalResourceName><EvalDecision>${allowed.has(a) ? "allowed" : "implicitDeny"}</EvalDecision></member>`)
        .join("");
      return iamOk(action, `<EvaluationResults>${members}</EvaluationResults><IsTruncated>false</IsTruncated>`);
    }
    default:
      return iamError("InvalidAction", `Could not find operation ${action} for version 2010-05-08`);
  }
}

/** A handler that knows the given keys and nothing else. */
export function createAwsEmulator(keys: readonly AwsKeyState[]): EmulatorHandler {
  return (request) => {
    if (request.method !== "POST" || request.path !== "/") return xml(404, "<UnknownOperationException/>");
    const params = new URLSearchParams(request.body);
    const auth = parseAuthorization(request.headers["authorization"] ?? "");
    if (!auth) return stsError(request, "MissingAuthenticationToken", "Request is missing Authentication Token");
    const state = keys.find((k) => k.keyId === auth.accessKeyId);
    const invalid = "The security token included in the request is invalid.";
    if (!state || state.status === "inactive") return stsError(request, "InvalidClientTokenId", invalid);
    if (state.keyId.startsWith("ASIA") && request.headers["x-amz-security-token"] !== state.sessionToken) return stsError(request, "InvalidClientTokenId", invalid);
    if (!signatureMatches(request, state, auth)) {
      return stsError(request, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }
    if (state.status === "expired") return stsError(request, "ExpiredToken", "The security token included in the request is expired");
    if (auth.service === "sts" && params.get("Action") === "GetCallerIdentity") {
      return {
        status: 200,
        headers: { "x-amzn-requestid": requestId },
        body: {
          GetCallerIdentityResponse: {
            GetCallerIdentityResult: { Account: state.account, Arn: state.arn, UserId: `AIDA${state.keyId.slice(4)}` },
            ResponseMetadata: { RequestId: requestId },
          },
        },
      };
    }
    if (auth.service === "iam") return iamAnswer(state, params);
    return stsError(request, "InvalidAction", "Could not find operation");
  };
}

const ALL_ACTIONS = Object.keys(SIMULATED_ACTIONS);

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const account = (n: number) => `${400000000000 + n * 1111 + rng.int(1000)}`;
    const user = (acct: string, name: string, prefix = "AKIA"): AwsKeyState => ({
      keyId: sampleKeyId(rng, prefix, acct),
      secret: sampleSecretKey(rng),
      account: acct,
      arn: `arn:aws:iam::${acct}:user/${name}`,
    });
    const secretOf = (state: AwsKeyState) => [{ rule: "secret-access-key", secret: state.secret }];

    const admin: AwsKeyState = { ...user(account(1), "deploy"), attached: ["AdministratorAccess"], simulateAllowed: ALL_ACTIONS };
    const reader: AwsKeyState = {
      ...user(account(2), "reports/analytics"),
      attached: ["ReadOnlyAccess"],
      groups: [{ name: "analysts", attached: ["AmazonAthenaFullAccess"] }],
      simulateAllowed: ["s3:GetObject", "dynamodb:Scan"],
    };
    const paired: AwsKeyState = { ...user(account(3), "ci"), attached: ["PowerUserAccess"], simulateAllowed: "denied" };
    const bySecret: AwsKeyState = { ...user(account(4), "backup-job"), attached: [], simulateAllowed: ["backup:DeleteRecoveryPoint", "rds:DeleteDBSnapshot"] };
    const roleAccount = account(5);
    const session: AwsKeyState = {
      ...user(roleAccount, "x", "ASIA"),
      sessionToken: sampleSessionToken(rng),
      arn: `arn:aws:sts::${roleAccount}:assumed-role/app-runtime/i-0abc`,
      iamReadable: false,
    };
    const quarantined: AwsKeyState = { ...user(account(6), "old-laptop"), attached: ["AWSCompromisedKeyQuarantineV3"], simulateAllowed: "denied" };
    const rootAccount = account(7);
    const root: AwsKeyState = { ...user(rootAccount, "x"), arn: `arn:aws:iam::${rootAccount}:root`, iamReadable: false };
    const deleted: AwsKeyState = { ...user(account(8), "gone"), status: "inactive" };
    const expiredAccount = account(9);
    const expired: AwsKeyState = {
      ...user(expiredAccount, "x", "ASIA"),
      sessionToken: sampleSessionToken(rng),
      arn: `arn:aws:sts::${expiredAccount}:assumed-role/ci/session`,
      status: "expired",
    };
    const wrong = [sampleSecretKey(rng), sampleSecretKey(rng)];

    return [
      {
        name: "live IAM user with AdministratorAccess",
        rule: "access-key-id",
        secret: admin.keyId,
        companions: secretOf(admin),
        handler: createAwsEmulator([admin]),
        expect: {
          liveness: "live",
          owner: admin.arn,
          account: admin.account,
          tokenClass: "IAM user access key",
          scopes: ["AdministratorAccess"],
          capabilities: ["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "SECRETS_READ"],
          mentions: ["attached policies: AdministratorAccess", "policy simulation allows"],
        },
      },
      {
        name: "live read-only user: the simulation allows no destructive action",
        rule: "access-key-id",
        secret: reader.keyId,
        companions: secretOf(reader),
        handler: createAwsEmulator([reader]),
        expect: {
          liveness: "live",
          owner: reader.arn,
          capabilities: ["READ_PII"],
          absentCapabilities: ["IAM_WRITE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "ACCOUNT_WIDE"],
          mentions: ["member of groups: analysts", "AmazonAthenaFullAccess", "allows none of the destructive actions"],
        },
      },
      {
        name: "key id paired with the right one of three secrets from the file",
        rule: "access-key-id",
        secret: paired.keyId,
        companions: [...wrong.map((secret) => ({ rule: "secret-access-key", secret })), { rule: "secret-access-key-beside-id", secret: paired.secret }],
        handler: createAwsEmulator([paired]),
        expect: { liveness: "live", owner: paired.arn, capabilities: ["DELETE_DATA", "ACCOUNT_WIDE"], absentCapabilities: ["IAM_WRITE"] },
      },
      {
        name: "secret access key paired with the key id beside it",
        rule: "secret-access-key",
        secret: bySecret.secret,
        companions: [{ rule: "access-key-id", secret: bySecret.keyId }],
        handler: createAwsEmulator([bySecret]),
        expect: { liveness: "live", owner: bySecret.arn, capabilities: ["DELETE_BACKUPS"], absentCapabilities: ["IAM_WRITE", "ACCOUNT_WIDE"] },
      },
      {
        name: "assumed-role session whose IAM reads are denied: worst case kept",
        rule: "temporary-access-key-id",
        secret: session.keyId,
        companions: [...secretOf(session), { rule: "session-token", secret: session.sessionToken! }],
        handler: createAwsEmulator([session]),
        expect: {
          liveness: "live",
          owner: session.arn,
          tokenClass: "assumed-role session credentials",
          capabilities: ["DELETE_DATA", "IAM_WRITE"],
          mentions: ["not readable (AccessDenied)", "permissions could not be simulated"],
        },
      },
      {
        name: "key AWS already quarantined",
        rule: "access-key-id",
        secret: quarantined.keyId,
        companions: secretOf(quarantined),
        handler: createAwsEmulator([quarantined]),
        expect: { liveness: "live", mentions: ["quarantined", "AWSCompromisedKeyQuarantineV3"] },
      },
      {
        name: "root user key",
        rule: "access-key-id",
        secret: root.keyId,
        companions: secretOf(root),
        handler: createAwsEmulator([root]),
        expect: { liveness: "live", tokenClass: "root user access key", capabilities: ["ACCOUNT_WIDE", "IAM_WRITE", "DELETE_BACKUPS"], mentions: ["root user key"] },
      },
      {
        name: "deactivated key",
        rule: "access-key-id",
        secret: deleted.keyId,
        companions: secretOf(deleted),
        handler: createAwsEmulator([deleted]),
        expect: { liveness: "inactive" },
      },
      {
        name: "expired session credentials",
        rule: "temporary-access-key-id",
        secret: expired.keyId,
        companions: [...secretOf(expired), { rule: "session-token", secret: expired.sessionToken! }],
        handler: createAwsEmulator([expired]),
        expect: { liveness: "inactive" },
      },
    ];
  },
};
