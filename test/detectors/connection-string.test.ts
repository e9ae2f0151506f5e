/** Connection strings: the password is the secret, the host is the evidence, placeholders are dropped. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/detector-kit/index.js";
import { compileRules } from "../../src/engine/compile.js";
import { scanContent } from "../../src/engine/scan-content.js";
import { detector, checkPassword } from "../../detectors/connection-string/index.js";
import { samplePassword } from "../../detectors/connection-string/samples.js";

const ruleSet = compileRules([detector]);
const scan = (content: string) =>
  scanContent(Buffer.from(content), ".env", ruleSet).matches.map((m) => ({ rule: m.ruleId, secret: m.secret, evidence: m.evidence }));

describe("connection-string", () => {
  it("extracts the password and the host for every scheme", () => {
    const rng = createRng(1);
    const cases: [string, string][] = [
      ["postgres", "postgresql://app:{p}@db.acme.io:5432/app"],
      ["postgres", "postgres+asyncpg://app:{p}@db.acme.io/app"],
      ["mysql", "mysql://root:{p}@db.acme.io:3306/shop"],
      ["mysql", "mariadb://root:{p}@db.acme.io/shop"],
      ["mongodb", "mongodb+srv://api:{p}@cluster0.abcde.mongodb.net/prod"],
      ["redis", "redis://default:{p}@cache.acme.io:6379"],
      ["redis", "rediss://:{p}@cache.acme.io:6380"],
      ["amqp", "amqp://worker:{p}@mq.acme.io/vhost"],
    ];
    for (const [rule, template] of cases) {
      const password = samplePassword(rng);
      const host = template.includes("mongodb.net") ? "cluster0.abcde.mongodb.net" : /@([^:/]+)/.exec(template)![1];
      expect(scan(`URL=${template.replace("{p}", password)}\n`), template).toEqual([
        { rule: `connection-string/${rule}`, secret: password, evidence: host },
      ]);
    }
  });

  it("takes the last @ before the host when the password holds an unencoded @", () => {
    const rng = createRng(2);
    const password = `${samplePassword(rng)}@${samplePassword(rng)}`;
    expect(scan(`DATABASE_URL=postgres://app:${password}@db.acme.io/app\n`)).toEqual([
      { rule: "connection-string/postgres", secret: password, evidence: "db.acme.io" },
    ]);
  });

  it("drops placeholders, defaults, masks and references", () => {
    for (const password of ["password", "PASSWORD", "pass", "postgres", "guest", "<password>", "${DB_PASS}", "****", "[DB_PASSWORD]", "abc", "%7Bpw%7D", "mysecretpassword"]) {
      const result = checkPassword(password);
      const viaScan = scan(`X=postgres://app:${password}@db.acme.io/app\n`);
      expect(result.ok && viaScan.length > 0, password).toBe(false);
    }
    expect(checkPassword(samplePassword(createRng(3)))).toEqual({ ok: true });
    expect(scan("X=postgres://app:@db.acme.io/app\nY=mongodb://localhost:27017/test\n")).toEqual([]);
  });

  it("does not match inside longer schemes or without a scheme separator", () => {
    const password = samplePassword(createRng(4));
    expect(scan(`X=notpostgres://app:${password}@db/app\nY=postgres:app:${password}@db\n`)).toEqual([]);
  });

  it("stays fast on adversarial input", () => {
    const content = `postgres://${"a:".repeat(500_000)} redis://:${"@".repeat(1_000_000)}`;
    const started = Date.now();
    scan(content);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
