import { ALPHABET } from "../../src/detector-kit/index.js";
import type { DetectorSamples, Rng } from "../../src/detector-kit/index.js";

const botToken = (rng: Rng, idDigits = 10): string =>
  `${1 + rng.int(9)}${rng.chars(ALPHABET.digits, idDigits - 1)}:AA${rng.chars(ALPHABET.base64url, 33)}`;

export const samples: DetectorSamples = {
  positive: (rng) => {
    const inUrl = botToken(rng);
    return [
      { rule: "bot-token", secret: botToken(rng), name: "TELEGRAM_BOT_TOKEN" },
      { rule: "bot-token", secret: botToken(rng, 9) },
      {
        rule: "bot-token",
        secret: inUrl,
        content: `curl "https://api.telegram.org/bot${inUrl}/getMe"\n`,
        path: "scripts/ping.sh",
      },
    ];
  },
  negative: (rng) => [
    { content: `TELEGRAM_BOT_TOKEN=${["110201543", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"].join(":")}`, why: "Telegram's documented example (one character short of a token)" },
    { content: "TELEGRAM_BOT_TOKEN=123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", why: "Bot API placeholder (no AA)" },
    { content: `TELEGRAM_BOT_TOKEN=${rng.chars(ALPHABET.digits, 10)}:AA${"x".repeat(33)}`, why: "placeholder" },
    { content: `TELEGRAM_BOT_TOKEN=${botToken(rng).slice(0, 30)}`, why: "truncated" },
    { content: `ref = "v${botToken(rng)}"`, why: "part of a longer word" },
    { content: `time = "12:${rng.chars(ALPHABET.digits, 2)}:AA"`, why: "not a token" },
    { content: "TELEGRAM_BOT_TOKEN=${TELEGRAM_BOT_TOKEN}", why: "reference" },
    { content: "bot = Bot(token=os.environ['TELEGRAM_BOT_TOKEN'])", why: "reference" },
    { content: "TELEGRAM_TOKEN: ${{ secrets.TELEGRAM_TOKEN }}", why: "reference to a secret store" },
  ],
};
