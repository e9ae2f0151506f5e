/**
 * Upper bound of the length a regex can match, read from its source. The scanner sizes the window
 * around each keyword hit with it, so that a rule whose declared `maxLength` is too small still
 * sees its longest token (../shared/bench/README.md: too-small windows missed every long JWT).
 * Returns Infinity for unbounded quantifiers (`*`, `+`, `{n,}`) and for backreferences.
 */
export function maxMatchLength(source: string): number {
  const parser = new LengthParser(source);
  const length = parser.alternation();
  return parser.done() ? length : Infinity;
}

/**
 * How far from a keyword hit the regex can need text: its longest match plus its longest
 * look-around (a look-behind or look-ahead reads text outside the match).
 */
export function maxReachLength(source: string): number {
  const parser = new LengthParser(source);
  const length = parser.alternation();
  return parser.done() ? length + parser.longestLookaround : Infinity;
}

class LengthParser {
  private at = 0;
  longestLookaround = 0;
  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at >= this.source.length;
  }

  /** a|b|c up to a closing parenthesis or the end. */
  alternation(): number {
    let best = this.sequence();
    while (this.source[this.at] === "|") {
      this.at++;
      best = Math.max(best, this.sequence());
    }
    return best;
  }

  private sequence(): number {
    let total = 0;
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const atom = this.atom();
      total += atom * this.quantifier();
    }
    return total;
  }

  private atom(): number {
    const c = this.source[this.at]!;
    if (c === "(") return this.group();
    if (c === "[") {
      this.skipClass();
      return 1;
    }
    if (c === "\\") return this.escape();
    this.at++;
    if (c === "^" || c === "$") return 0;
    return 1;
  }

  private group(): number {
    this.at++; // (
    let zeroWidth = false;
    if (this.source[this.at] === "?") {
      const rest = this.source.slice(this.at, this.at + 4);
      if (rest.startsWith("?=") || rest.startsWith("?!")) {
        zeroWidth = true;
        this.at += 2;
      } else if (rest.startsWith("?<=") || rest.startsWith("?<!")) {
        zeroWidth = true;
        this.at += 3;
      } else if (rest.startsWith("?:")) {
        this.at += 2;
      } else if (rest.startsWith("?<")) {
        this.at = this.source.indexOf(">", this.at) + 1;
      } else {
        // Modifiers such as (?i:...): skip to the colon.
        const colon = this.source.indexOf(":", this.at);
        this.at = colon === -1 ? this.source.length : colon + 1;
      }
    }
    const inner = this.alternation();
    if (this.source[this.at] === ")") this.at++;
    if (zeroWidth) this.longestLookaround = Math.max(this.longestLookaround, inner);
    return zeroWidth ? 0 : inner;
  }

  private skipClass(): void {
    this.at++; // [
    if (this.source[this.at] === "^") this.at++;
    if (this.source[this.at] === "]") this.at++;
    while (this.at < this.source.length && this.source[this.at] !== "]") {
      this.at += this.source[this.at] === "\\" ? 2 : 1;
    }
    this.at++; // ]
  }

  private escape(): number {
    const c = this.source[this.at + 1] ?? "";
    this.at += 2;
    if (c === "b" || c === "B") return 0;
    if (/[1-9]/.test(c) || c === "k") return Infinity; // backreference
    if (c === "x") this.at += 2;
    else if (c === "u") this.at += this.source[this.at] === "{" ? this.source.indexOf("}", this.at) + 1 - this.at : 4;
    else if (c === "c") this.at += 1;
    else if ((c === "p" || c === "P") && this.source[this.at] === "{") this.at = this.source.indexOf("}", this.at) + 1;
    return 1;
  }

  /** The largest repeat count of the quantifier at the cursor (1 when there is none). */
  private quantifier(): number {
    const c = this.source[this.at];
    let max = 1;
    if (c === "*" || c === "+") {
      this.at++;
      max = Infinity;
    } else if (c === "?") {
      this.at++;
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) return 1; // a literal brace
      this.at += m[0].length;
      max = m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]);
    } else {
      return 1;
    }
    if (this.source[this.at] === "?") this.at++; // lazy
    return max;
  }
}
