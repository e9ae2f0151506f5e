/**
 * Byte-level Aho-Corasick automaton, compiled to a dense DFA with ASCII case folding.
 * It reports every keyword occurrence, overlapping ones included: a single alternation RegExp
 * reports non-overlapping hits only and so hides a keyword inside another (../shared/bench/README.md).
 *
 * The scan loop is the hottest code of tokscan (it sees every byte), so the table is laid out for
 * it: bytes are mapped to classes (all bytes that occur in no keyword share class 0), which keeps
 * the table small enough for the CPU caches; entries hold the next state already multiplied by the
 * class count, and are stored complemented (negative) when the next state ends a keyword.
 * Measured and not kept: a skip-ahead over byte pairs that begin no keyword (18% of the corpus's
 * pairs begin one of a few hundred keywords: the branches cost more than they save), and two
 * halves walked in one loop to overlap the table lookups (no gain).
 */

export interface KeywordAutomaton {
  /** Keywords in id order (lowercase). */
  readonly keywords: readonly string[];
  /** Number of DFA states (for sizing reports). */
  readonly stateCount: number;
  /**
   * Calls `onHit(keywordId, endExclusive)` for every occurrence of every keyword in
   * `bytes[from, to)`. Offsets are byte offsets in `bytes`.
   */
  scan(bytes: Uint8Array, onHit: (keywordId: number, end: number) => void, from?: number, to?: number): void;
  /**
   * Appends every occurrence as a pair (keywordId, endExclusive) to `hits` and returns the hits.
   * Faster than `scan`: no call per hit.
   */
  collect(bytes: Uint8Array, hits: HitList, from?: number, to?: number): HitList;
}

/** A growable list of (keywordId, end) pairs. */
export class HitList {
  data = new Int32Array(256);
  /** Number of int32 slots used (twice the hit count). */
  length = 0;

  /** Empties the list and returns it; keeps its storage unless a hostile file made it huge. */
  reset(): this {
    this.length = 0;
    if (this.data.length > 1 << 20) this.data = new Int32Array(256);
    return this;
  }

  push(keywordId: number, end: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = keywordId;
    this.data[this.length++] = end;
  }
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

  // Byte classes: one per distinct (folded) keyword byte, class 0 for every other byte.
  const byteClass = new Uint8Array(256);
  let classCount = 1;
  const classOfFolded = new Map<number, number>();
  for (const transitions of goto) {
    for (const byte of transitions.keys()) {
      if (!classOfFolded.has(byte)) classOfFolded.set(byte, classCount++);
    }
  }
  for (let byte = 0; byte < 256; byte++) byteClass[byte] = classOfFolded.get(foldByte(byte)) ?? 0;
  // A representative folded byte per class (class 0 has none: it never advances the trie).
  const classByte = new Int32Array(classCount).fill(-1);
  for (const [byte, cls] of classOfFolded) classByte[cls] = byte;

  // Breadth-first failure links, folded into a dense transition table over classes.
  const stateCount = goto.length;
  const delta = new Int32Array(stateCount * classCount);
  const fail = new Int32Array(stateCount);
  const queue: number[] = [];
  for (let cls = 0; cls < classCount; cls++) {
    const next = classByte[cls]! < 0 ? undefined : goto[0]!.get(classByte[cls]!);
    delta[cls] = next ?? 0;
    if (next !== undefined) queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let cls = 0; cls < classCount; cls++) {
      const next = classByte[cls]! < 0 ? undefined : goto[state]!.get(classByte[cls]!);
      if (next !== undefined) {
        fail[next] = delta[fail[state]! * classCount + cls]!;
        delta[state * classCount + cls] = next;
        queue.push(next);
      } else {
        delta[state * classCount + cls] = delta[fail[state]! * classCount + cls]!;
      }
    }
  }
  const outputLists = outputs.map((list) => [...new Set(list)]);
  // Pre-multiply and mark: entry = next * classCount, complemented when `next` has outputs.
  for (let i = 0; i < delta.length; i++) {
    const next = delta[i]!;
    delta[i] = outputLists[next]!.length > 0 ? ~(next * classCount) : next * classCount;
  }
  const outputsAt = (row: number): number[] => outputLists[row / classCount]!;

  const collect = (bytes: Uint8Array, hits: HitList, from = 0, to = bytes.length): HitList => {
    let row = 0;
    for (let i = from; i < to; i++) {
      row = delta[row + byteClass[bytes[i]!]!]!;
      if (row < 0) {
        row = ~row;
        for (const id of outputsAt(row)) hits.push(id, i + 1);
      }
    }
    return hits;
  };

  return {
    keywords,
    stateCount,
    scan(bytes, onHit, from = 0, to = bytes.length) {
      const hits = collect(bytes, new HitList(), from, to);
      for (let h = 0; h < hits.length; h += 2) onHit(hits.data[h]!, hits.data[h + 1]!);
    },
    collect,
  };
}
