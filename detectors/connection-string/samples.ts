import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, NegativeSample, PositiveSample, Rng } from "../../src/detector-kit/index.js";

export const samplePassword = (rng: Rng): string => `${rng.chars(ALPHABET.base62, 14)}${rng.pick(["-", "_", ".", "~", "!"])}${rng.chars(ALPHABET.base62, 6)}`;

/** The URL placed in the file syntaxes where connection strings turn up. */
function placements(rule: string, url: string, password: string, name: string): PositiveSample[] {
  const contents: [string, string][] = [
    [".env", `${name}=${url}\n`],
    ["docker-compose.yml", `services:\n  app:\n    environment:\n      ${name}: "${url}"\n`],
    ["config/default.json", `{\n  "${name.toLowerCase()}": "${url}"\n}\n`],
    ["src/db.ts", `const client = connect("${url}");\n`],
    ["app/settings.py", `SQLALCHEMY_DATABASE_URI = '${url}'\n`],
    ["README.md", `Run with:\n\n    ${name}=${url} npm start\n`],
  ];
  return contents.map(([path, content]) => ({ rule, secret: password, path, content }));
}

export const samples: DetectorSamples = {
  positive: (rng) => {
    const host = `db-${rng.chars(ALPHABET.alnumLower, 6)}.internal.acme.io`;
    const one = (rule: string, name: string, make: (password: string) => string): PositiveSample[] => {
      const password = samplePassword(rng);
      return placements(rule, make(password), password, name);
    };
    const withAt = `${rng.chars(ALPHABET.base62, 8)}@${rng.chars(ALPHABET.base62, 8)}`;
    return [
      ...one("postgres", "DATABASE_URL", (p) => `postgres://app_user:${p}@${host}:5432/app?sslmode=require`),
      ...one("postgres", "DATABASE_URL", (p) => `postgresql+psycopg2://etl:${p}@${host}/warehouse`),
      { rule: "postgres", secret: withAt, path: ".env", content: `DATABASE_URL=postgresql://app:${withAt}@${host}:5432/app\n` },
      ...one("mysql", "DATABASE_URL", (p) => `mysql://root:${p}@${host}:3306/shop`),
      ...one("mongodb", "MONGODB_URI", (p) => `mongodb+srv://api:${p}@cluster0.${rng.chars(ALPHABET.alnumLower, 5)}.mongodb.net/prod?retryWrites=true`),
      ...one("mongodb", "MONGO_URL", (p) => `mongodb://admin:${p}@10.0.3.7:27017,10.0.3.8:27017/admin?replicaSet=rs0`),
      ...one("redis", "REDIS_URL", (p) => `rediss://:${p}@cache.acme.io:6380/0`),
      ...one("amqp", "CELERY_BROKER_URL", (p) => `amqps://worker:${p}@mq.acme.io:5671/prod`),
    ];
  },
  negative: (rng): NegativeSample[] => {
    const host = `db-${rng.chars(ALPHABET.alnumLower, 6)}.acme.io`;
    return [
      { content: "DATABASE_URL=postgres://user:password@localhost:5432/app\n", why: "placeholder password" },
      { content: "DATABASE_URL=postgres://postgres:postgres@localhost:5432/postgres\n", why: "default docker password" },
      { content: "DATABASE_URL=postgresql://postgres:mysecretpassword@localhost/app\n", why: "password from the postgres image docs" },
      { content: "DATABASE_URL=postgres://user:<password>@host:5432/db\n", why: "angle-bracket placeholder" },
      { content: `DATABASE_URL=postgres://app:\${DB_PASS}@${host}/app\n`, why: "shell reference in the password" },
      { content: `DATABASE_URL=postgres://app:****@${host}/app\n`, why: "masked password" },
      { content: `DATABASE_URL=postgres://app:@${host}/app\n`, why: "empty password (user:@)" },
      { content: `MYSQL_URL=mysql://app:YOUR_PASSWORD@${host}/app\n`, why: "placeholder name" },
      { content: "MONGO_URL=mongodb://localhost:27017/test\n", why: "no credentials" },
      { content: "BROKER_URL=amqp://guest:guest@localhost:5672//\n", why: "RabbitMQ default guest account" },
      { content: "REDIS_URL=redis://:pass@localhost:6379\n", why: "placeholder password" },
      { content: `DATABASE_URL=postgres://app:{{ .Values.db.password }}@${host}/app\n`, why: "Helm template" },
      { content: `DATABASE_URL=postgres://app:%(db_password)s@${host}/app\n`, why: "Python format placeholder" },
      { content: "url: postgres://${{ secrets.DB_USER }}:${{ secrets.DB_PASSWORD }}@db/app\n", why: "GitHub Actions references" },
    ];
  },
};
