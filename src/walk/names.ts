/**
 * File names as bytes: Linux allows any byte but `/` and NUL in a name, so a name may not be valid
 * UTF-8 and may hold newlines. These helpers decide whether a name survives as a JS string and
 * give every path a one-line printable form for notices and reports.
 */

/** A directory entry name decoded from its raw bytes. */
export interface DecodedName {
  /** The name as a string: exact when `exact`, else with `\xNN` escapes for the bytes that are not UTF-8. */
  text: string;
  /** False when the bytes are not valid UTF-8 (the string cannot be used to open the file). */
  exact: boolean;
}

export function decodeName(raw: Buffer): DecodedName {
  const text = raw.toString("utf8");
  if (Buffer.from(text, "utf8").equals(raw)) return { text, exact: true };
  return { text: escapeInvalidUtf8(raw), exact: false };
}

/** The bytes as text, valid UTF-8 sequences kept and every other byte written `\xNN`. */
export function escapeInvalidUtf8(raw: Buffer): string {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const length = validSequenceLength(raw, i);
    if (length === 0) {
      out += `\\x${raw[i]!.toString(16).padStart(2, "0")}`;
      i += 1;
    } else {
      out += raw.toString("utf8", i, i + length);
      i += length;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 (RFC 3629: no overlongs, no surrogates). */
function validSequenceLength(raw: Buffer, i: number): number {
  const b0 = raw[i]!;
  if (b0 < 0x80) return 1;
  const cont = (j: number, low = 0x80, high = 0xbf): boolean => j < raw.length && raw[j]! >= low && raw[j]! <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return cont(i + 1, low, high) && cont(i + 2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(i + 1, low, high) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

/**
 * A path as one printable line: control characters (newline, tab, escape...) are escaped, so a
 * crafted name can neither split a notice into two lines nor fake a second one.
 */
export function displayPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    switch (ch) {
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      default:
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  });
}
