import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, NegativeSample, PositiveSample, Rng } from "../../src/detector-kit/index.js";

export const sampleValue = (rng: Rng, length = 24): string => `${rng.chars(ALPHABET.base62, length - 2)}${rng.int(10)}${rng.pick(["a", "Q", "z"])}`;
export const samplePassword = (rng: Rng): string =>
  `${rng.chars(ALPHABET.letters, 5)}${rng.pick(["!", "#", "%", "*", "@"])}${rng.int(10)}${rng.chars(ALPHABET.base62, 6)}${rng.int(10)}`;

/** snake/UPPER-case keys in the syntaxes where they turn up (the rule leaves camelCase to provider rules). */
function snakeContexts(rule: string, name: string, secret: string): PositiveSample[] {
  const lower = name.toLowerCase();
  const contents: [string, string][] = [
    [".env", `${name}=${secret}\n`],
    ["config/settings.yaml", `app:\n  ${lower}: "${secret}"\n`],
    ["config/settings.json", `{\n  "${name}": "${secret}"\n}\n`],
    ["app/settings.py", `${name} = '${secret}'\n`],
    ["scripts/run.sh", `export ${name}="${secret}"\n`],
    ["Dockerfile", `ENV ${name}=${secret}\n`],
    ["docs/setup.md", `\`\`\`sh\n${name}=${secret} npm start\n\`\`\`\n`],
    ["config.toml", `${lower} = "${secret}"\n`],
    ["src/config.ts", `export const config = { ${lower}: "${secret}" };\n`],
  ];
  return contents.map(([path, content]) => ({ rule, secret, path, content }));
}

export const samples: DetectorSamples = {
  positive: (rng): PositiveSample[] => {
    const cliPassword = samplePassword(rng);
    return [
      ...snakeContexts("secret-assignment", "CLIENT_SECRET", sampleValue(rng)),
      ...snakeContexts("secret-assignment", "ACME_ACCESS_TOKEN", sampleValue(rng, 32)),
      ...snakeContexts("secret-assignment", "SECRET_KEY_BASE", rng.hex(64)),
      // apiKey in camelCase still carries the keyword.
      { rule: "secret-assignment", secret: sampleValue(rng, 32), name: "WEATHER_API_KEY" },
      { rule: "password-assignment", secret: samplePassword(rng), name: "DB_PASSWORD" },
      { rule: "password-assignment", secret: samplePassword(rng), name: "SMTP_PASSWD" },
      { rule: "password-assignment", secret: cliPassword, path: "deploy.sh", content: `mysql -u admin --password ${cliPassword} -e 'select 1'\n` },
    ];
  },
  negative: (rng): NegativeSample[] => [
    { content: "API_TOKEN=${API_TOKEN}\n", why: "shell reference" },
    { content: "api_token: ${{ secrets.API_TOKEN }}\n", why: "GitHub Actions secret reference", path: ".github/workflows/ci.yml" },
    { content: "const apiKey = process.env.WEATHER_API_KEY;\n", why: "environment reference", path: "src/a.ts" },
    { content: 'DB_PASSWORD = os.environ["DB_PASSWORD"]\npassword = os.getenv("PASSWORD_V2")\n', why: "environment reference", path: "a.py" },
    { content: "CLIENT_SECRET=changeme\nDB_PASSWORD=password\nAPP_SECRET=your_secret_here\nAPI_KEY=<your-api-key>\n", why: "placeholders" },
    { content: `SESSION_SECRET=${rng.uuid()}\n`, why: "UUID" },
    { content: `secret_hash: ${rng.hex(64)}\ntoken_sha1 = "${rng.hex(40)}"\n`, why: "hashes under hash-like names" },
    { content: `"integrity": "sha512-${Buffer.from(rng.hex(64), "hex").toString("base64")}",\n`, why: "lockfile integrity", path: "package-lock.json" },
    { content: "API_TOKEN=abcdefghijklmnop\nCLIENT_SECRET=ABCDEFGHIJKLMNOPQRST\n", why: "no digits: words, not a random value" },
    { content: "interface Login { password: string; api_key?: string }\n", why: "type declaration", path: "types.ts" },
    { content: "DB_PASSWORD=hunter2\n", why: "too short" },
    { content: "AUTH_TOKEN_URL=https://auth.acme.io/oauth/token\nSECRET_KEY=this.config.secretKey2\nACCESS_TOKEN=DEFAULT_ACCESS_TOKEN_V2\n", why: "URL name, property access, constant name" },
    { content: "API_TOKEN_FILE=./secrets/api_token2.json\n", why: "file path" },
    {
      content: "interface Options {\n  kdcAdminPassword?: XmlStringMaxLen256;\n}\nexport type MqttPassword = Buffer|Uint8Array|Blob|string;\n",
      why: "type names in declarations, not values",
      path: "clients/emr.d.ts",
    },
    { content: `const token = nextToken(${sampleValue(rng)});\n`, why: "bare 'token' name in code is not a keyword", path: "lexer.js" },
  ],
};
