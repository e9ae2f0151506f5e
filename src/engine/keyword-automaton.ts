/**
 * Byte-level Aho-Corasick automaton, compiled to a dense DFA with ASCII case folding.
 * It reports every keyword occurrence, overlapping ones included: a single alternation RegExp
 * reports non-overlapping hits only and so hides a keyword inside another (../shared/bench/README.md).
 */

export interface KeywordAutomaton {
  /** Keywords in id order (lowercase). */
  readonly keywords: readonly string[];
  /**
   * Calls `onHit(keywordId, endExclusive)` for every occurrence of every keyword in
   * `bytes[from, to)`. Offsets are byte offsets in `bytes`.
   */
  scan(bytes: Uint8Array, onHit: (keywordId: number, end: number) => void, from?: number, to?: number): void;
}

const foldByte = (b: number): number => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b);

export function buildKeywordAutomaton(keywords: readonly string[]): KeywordAutomaton {
  // Trie over lowercase bytes.
  const goto: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  keywords.forEach((keyword, id) => {
    let state = 0;
    for (const byte of Buffer.from(keyword.toLowerCase(), "latin1")) {
      let next = goto[state]!.get(byte);
      if (next === undefined) {
        next = goto.length;
        goto.push(new Map());
        outputs.push([]);
        goto[state]!.set(byte, next);
      }
      state = next;
    }
    outputs[state]!.push(id);
  });

  // Breadth-first failure links, folded into a dense transition table.
  const stateCount = goto.length;
  const delta = new Int32Array(stateCount * 256);
  const fail = new Int32Array(stateCount);
  const queue: number[] = [];
  for (let byte = 0; byte < 256; byte++) {
    const next = goto[0]!.get(foldByte(byte));
    delta[byte] = next ?? 0;
    if (next !== undefined && !queue.includes(next)) queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let byte = 0; byte < 256; byte++) {
      const next = goto[state]!.get(foldByte(byte));
      if (next !== undefined) {
        fail[next] = delta[fail[state]! * 256 + byte]!;
        delta[state * 256 + byte] = next;
        if (foldByte(byte) === byte) queue.push(next);
      } else {
        delta[state * 256 + byte] = delta[fail[state]! * 256 + byte]!;
      }
    }
  }
  const hasOutput = new Uint8Array(stateCount);
  const outputLists = outputs.map((list, state) => {
    const unique = [...new Set(list)];
    if (unique.length > 0) hasOutput[state] = 1;
    return unique;
  });

  return {
    keywords,
    scan(bytes, onHit, from = 0, to = bytes.length) {
      let state = 0;
      for (let i = from; i < to; i++) {
        state = delta[(state << 8) | bytes[i]!]!;
        if (hasOutput[state] === 1) {
          for (const id of outputLists[state]!) onHit(id, i + 1);
        }
      }
    },
  };
}
