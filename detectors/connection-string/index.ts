/**
 * Database and broker URLs with an embedded password: PostgreSQL, MySQL, MongoDB (incl. +srv),
 * Redis (incl. TLS), AMQP. The secret is the password; the evidence is the host. Placeholders and
 * well-known default passwords (postgres:postgres, guest:guest...) are not reported.
 * URL userinfo: RFC 3986 §3.2.1; https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS
 */
import { fixedInference } from "../../src/detector-kit/index.js";
import type { Capability, Detector, TokenRule, Verdict } from "../../src/detector-kit/index.js";

const DATA: readonly Capability[] = ["DELETE_DATA", "READ_PII"];

const USER = String.raw`[^\s:@/?#'"\x60<>]{0,128}`;
// `@` is allowed in the password (unencoded in many real URLs): the last `@` before a host ends it.
const PASSWORD = String.raw`[^\s:/?#'"\x60<>]{1,200}`;
const HOST = String.raw`(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,252}|\[[0-9A-Fa-f:.]{2,45}\])`;
const USER_MAX = 128;
const PASSWORD_MAX = 200;
const HOST_MAX = 253;

/** Passwords from docs, docker images and tutorials: not secrets. */
const DEFAULT_PASSWORDS = new Set([
  "pass", "passwd", "pwd", "pw", "password", "passw0rd", "p@ssw0rd", "p@ssword", "password1", "password123",
  "root", "toor", "admin", "admin123", "administrator", "postgres", "postgresql", "mysql", "mongo", "mongodb",
  "redis", "rabbitmq", "guest", "user", "username", "test", "testing", "tester", "secret", "s3cr3t", "changeme",
  "default", "db", "database", "dbpass", "dbpassword", "db_password", "db_pass", "mypassword", "mysecretpassword",
  "example", "local", "localhost", "dev", "development", "docker", "app", "demo", "qwerty", "letmein", "abc123",
  "123456", "12345678", "123456789", "1234", "12345", "foo", "bar", "foobar", "pa55word", "sa", "oracle",
]);

export function checkPassword(password: string): Verdict {
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // Not valid percent-encoding: judge it as written.
  }
  if (decoded.length < 4) return { ok: false, reason: "too short to be a real password" };
  if (DEFAULT_PASSWORDS.has(decoded.toLowerCase())) return { ok: false, reason: "well-known default or placeholder password" };
  // `PASSWORD`, `[DB_PASS]`, `<pass>`-like names stand for the value, they are not it.
  if (/^[[<({]?[A-Z][A-Z0-9_]*[\]>)}]?$/.test(decoded) && /[A-Z]{3}/.test(decoded)) return { ok: false, reason: "placeholder name" };
  if (/^\{[^}]*\}$|^%[A-Za-z_]+%$|^\$[A-Za-z_]/.test(decoded)) return { ok: false, reason: "template or variable reference" };
  return { ok: true };
}

const urlRule = (id: string, title: string, schemes: readonly string[], keywords: readonly string[], product: string): TokenRule => {
  const longestScheme = Math.max(...schemes.map((s) => s.length)) + 3;
  return {
    id,
    title,
    keywords,
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9+.-])(?:${schemes.join("|")})://${USER}:(?<secret>${PASSWORD})@(?<evidence>${HOST})`,
      "i",
    ),
    maxLength: longestScheme + USER_MAX + 1 + PASSWORD_MAX + 1 + HOST_MAX,
    confidence: "medium",
    capabilities: DATA,
    lifetime: "long",
    validate: checkPassword,
    infer: fixedInference(`${product} password (in a connection URL)`, DATA, "long", [
      `full ${product} access as the URL's user: read and delete whatever that user can reach`,
    ]),
  };
};

export const detector: Detector = {
  id: "connection-string",
  name: "Connection string",
  docsUrl: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
  remediation: {
    revoke:
      "Change the password of the user in the URL at the database or broker (ALTER ROLE … PASSWORD, the cloud provider's console, CONFIG SET requirepass / ACL SETUSER, rabbitmqctl change_password) and update every service that uses it.",
    narrower:
      "Give each application its own database user with only the privileges it needs (no superuser, no DROP/TRUNCATE unless required), read the URL from a secret store or the platform's environment at runtime, and prefer IAM/short-lived authentication where the provider offers it (RDS IAM auth, Cloud SQL IAM, Azure AD).",
  },
  related: {
    paths: ["**/docker-compose*.y*ml", "**/compose*.y*ml", "**/.env*", "**/database.yml", "**/prisma/**", "**/alembic.ini", "**/knexfile.*", "**/ormconfig.*", "**/settings.py"],
    content: /\b(?:pg|postgres|mysql2?|mongoose|mongodb|ioredis|redis|amqplib|sqlalchemy|psycopg2?|prisma|knex|sequelize|typeorm|celery|kombu)\b/,
  },
  rules: [
    urlRule("postgres", "PostgreSQL connection URL with password", ["postgres", "postgresql", String.raw`postgresql\+[a-z0-9]{1,16}`, String.raw`postgres\+[a-z0-9]{1,16}`], ["postgres://", "postgresql://", "postgresql+", "postgres+"], "PostgreSQL"),
    urlRule("mysql", "MySQL connection URL with password", ["mysql", "mariadb", String.raw`mysql\+[a-z0-9]{1,16}`, String.raw`mariadb\+[a-z0-9]{1,16}`], ["mysql://", "mariadb://", "mysql+", "mariadb+"], "MySQL"),
    urlRule("mongodb", "MongoDB connection URL with password", ["mongodb", String.raw`mongodb\+srv`], ["mongodb://", "mongodb+srv://"], "MongoDB"),
    urlRule("redis", "Redis connection URL with password", ["redis", "rediss"], ["redis://", "rediss://"], "Redis"),
    urlRule("amqp", "AMQP (RabbitMQ) connection URL with password", ["amqp", "amqps"], ["amqp://", "amqps://"], "AMQP broker"),
  ],
};
