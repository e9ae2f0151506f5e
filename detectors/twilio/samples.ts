import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => {
    const paired = rng.hex(32);
    const sdk = rng.hex(32);
    return [
      { rule: "auth-token", secret: rng.hex(32), name: "TWILIO_AUTH_TOKEN" },
      { rule: "auth-token", secret: rng.hex(32), name: "TWILIO_TOKEN" },
      {
        rule: "auth-token-with-sid",
        secret: paired,
        path: "src/sms.js",
        content: `const client = require("twilio")("AC${rng.hex(32)}", "${paired}");\nawait client.messages.list({ limit: 1 });\n`,
      },
      {
        rule: "auth-token-with-sid",
        secret: sdk,
        path: "src/notify.ts",
        content: `import twilio from "twilio";\nconst client = twilio('AC${rng.hex(32)}', '${sdk}');\n`,
      },
      { rule: "api-key-secret", secret: rng.chars(ALPHABET.base62, 32), name: "TWILIO_API_SECRET" },
      { rule: "api-key-secret", secret: rng.chars(ALPHABET.base62, 32), name: "TWILIO_API_KEY_SECRET" },
    ];
  },
  negative: (rng) => [
    { content: "TWILIO_AUTH_TOKEN=your_auth_token\n", why: "placeholder" },
    { content: "TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}\n", why: "reference to an environment variable" },
    { content: "auth_token = os.environ['TWILIO_AUTH_TOKEN']\n", path: "app.py", why: "reference in code" },
    { content: "TWILIO_AUTH_TOKEN: ${{ secrets.TWILIO_AUTH_TOKEN }}\n", path: ".github/workflows/ci.yml", why: "reference to a secret store" },
    { content: `TWILIO_ACCOUNT_SID=AC${rng.hex(32)}\n`, why: "Account SID is an identifier" },
    { content: `TWILIO_AUTH_TOKEN=${rng.hex(30)}\n`, why: "wrong shape (too short)" },
    { content: `checksum = "${rng.hex(32)}"\n`, why: "32 hex with no Twilio evidence (a hash)" },
  ],
};
