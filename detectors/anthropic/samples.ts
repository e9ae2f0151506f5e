import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const urlSafe = (rng: Rng, length: number): string => rng.chars(ALPHABET.base64url, length);
const key = (rng: Rng, prefix: string): string => `${prefix}${urlSafe(rng, 93)}AA`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const refresh = key(rng, "sk-ant-ort01-");
    return [
      { rule: "api-key", secret: key(rng, "sk-ant-api03-"), name: "ANTHROPIC_API_KEY" },
      { rule: "api-key", secret: key(rng, "sk-ant-api03-") },
      { rule: "admin-key", secret: key(rng, "sk-ant-admin01-"), name: "ANTHROPIC_ADMIN_KEY" },
      { rule: "oauth-access-token", secret: key(rng, "sk-ant-oat01-"), name: "CLAUDE_CODE_OAUTH_TOKEN" },
      { rule: "oauth-refresh-token", secret: refresh },
      {
        // The credentials file Claude Code writes holds both tokens side by side.
        rule: "oauth-refresh-token",
        secret: refresh,
        content: `{"claudeAiOauth":{"accessToken":"${key(rng, "sk-ant-oat01-")}","refreshToken":"${refresh}"}}`,
        path: ".claude/.credentials.json",
      },
    ];
  },
  negative: (rng) => {
    const good = key(rng, "sk-ant-api03-");
    const wrongSuffix = `${good.slice(0, -2)}AB`;
    return [
      { content: `ANTHROPIC_API_KEY=${wrongSuffix}`, why: "missing the fixed AA suffix" },
      { content: `ANTHROPIC_API_KEY=sk-ant-api03-${"x".repeat(93)}AA`, why: "placeholder" },
      { content: `ANTHROPIC_API_KEY=${good.slice(0, 60)}`, why: "truncated" },
      { content: `ANTHROPIC_API_KEY=${good}${urlSafe(rng, 3)}`, why: "longer than a key" },
      { content: `const k = "task-ant-api03-${urlSafe(rng, 93)}AA";`, why: "part of a longer word" },
      { content: "client = Anthropic(api_key=os.environ['ANTHROPIC_API_KEY'])", why: "reference" },
      { content: "ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY}", why: "reference" },
    ];
  },
};
