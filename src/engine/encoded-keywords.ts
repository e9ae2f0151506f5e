/**
 * Base64 forms of the registry's keywords: the prefilter for tokens hidden in base64.
 *
 * Any base64 text that encodes a keyword contains, at one of the three byte alignments, the
 * characters whose six bits all come from the keyword. Adding those characters to the keyword
 * automaton finds hidden tokens in the same single pass over the content, so base64 blobs (data
 * URIs, source maps) are never decoded wholesale: only a small window around a verified hit is.
 */

export interface EncodedKeywordForm {
  /** The exact (case-sensitive) base64 characters; the automaton folds case, so hits are re-checked. */
  text: Buffer;
  /** Characters from the start of the 4-character group to the start of `text`. */
  groupOffset: number;
  /** Decoded bytes of the keyword. */
  keywordLength: number;
  /** Index of the plain keyword this form encodes. */
  keywordId: number;
}

/** Keywords shorter than this make forms too short to be rare in random base64. */
export const MIN_ENCODED_KEYWORD_LENGTH = 4;

/** The stable base64 characters of `keyword` placed at byte alignment `alignment` (0-2). */
export function stableBase64(keyword: Buffer, alignment: number): { text: string; groupOffset: number } {
  const padded = Buffer.concat([Buffer.alloc(alignment), keyword]);
  const encoded = padded.toString("base64");
  const firstBit = alignment * 8;
  const endBit = firstBit + keyword.length * 8;
  const first = Math.ceil(firstBit / 6);
  const end = Math.floor(endBit / 6);
  return { text: encoded.slice(first, end), groupOffset: first };
}

/**
 * The exact casings a keyword takes in real tokens, read from the case-sensitive patterns that
 * spell it out literally (`AKIA`, `ghp_`, `xoxb-`): those are the distinctive token prefixes.
 * Keywords only case-insensitive rules use are names of variables (`password`, `api_key`): in base64
 * they hide inside encoded config files, which the manifest cues of the decode layers cover, and
 * their three casings would triple the automaton for little.
 */
export function distinctiveCasings(keyword: string, patterns: readonly RegExp[]): string[] {
  const casings = new Set<string>();
  for (const pattern of patterns) {
    if (pattern.flags.includes("i")) continue;
    const literal = pattern.source.replace(/\\([^A-Za-z0-9])/g, "$1");
    const at = literal.toLowerCase().indexOf(keyword);
    if (at >= 0) casings.add(literal.slice(at, at + keyword.length));
  }
  return [...casings];
}

/** Every form (3 alignments × casings × base64/base64url) of the given keywords. */
export function encodedKeywordForms(
  keywords: readonly { keyword: string; keywordId: number; patterns: readonly RegExp[] }[],
): EncodedKeywordForm[] {
  const forms: EncodedKeywordForm[] = [];
  const seen = new Set<string>();
  for (const { keyword, keywordId, patterns } of keywords) {
    if (keyword.length < MIN_ENCODED_KEYWORD_LENGTH) continue;
    for (const casing of distinctiveCasings(keyword, patterns)) {
      const bytes = Buffer.from(casing, "utf8");
      for (let alignment = 0; alignment < 3; alignment++) {
        const { text, groupOffset } = stableBase64(bytes, alignment);
        const urlSafe = text.replace(/\+/g, "-").replace(/\//g, "_");
        for (const variant of new Set([text, urlSafe])) {
          const key = `${variant}\0${groupOffset}\0${keywordId}`;
          if (seen.has(key)) continue;
          seen.add(key);
          forms.push({ text: Buffer.from(variant, "latin1"), groupOffset, keywordLength: bytes.length, keywordId });
        }
      }
    }
  }
  return forms;
}
