/**
 * Shared across every token of a run: whether an origin answered, failed at the network level, or has
 * not been tried yet. The first request to an untried origin goes alone; the others wait for it. Once it
 * times out or fails to connect, every later request to that origin fails at once without being sent,
 * so an unreachable network costs the scan one timeout, not one per token.
 */
export type OriginOutcome = "reachable" | "undecided" | { down: string };

export interface OriginProbe {
  /** Call exactly once with what the request learned about the origin. */
  settle(outcome: OriginOutcome): void;
}

export class OriginDownError extends Error {
  constructor(
    readonly origin: string,
    readonly reason: string,
  ) {
    super(`network unreachable: ${reason}; not retried for other tokens`);
    this.name = "OriginDownError";
  }
}

const NOOP_PROBE: OriginProbe = { settle: () => undefined };

export class OriginHealth {
  private readonly down = new Map<string, string>();
  private readonly reachable = new Set<string>();
  private readonly probing = new Map<string, Promise<void>>();

  /** Resolves when the caller may send to `origin`; throws OriginDownError when it is known to be down. */
  async enter(origin: string): Promise<OriginProbe> {
    for (;;) {
      const reason = this.down.get(origin);
      if (reason !== undefined) throw new OriginDownError(origin, reason);
      if (this.reachable.has(origin)) return NOOP_PROBE;
      const pending = this.probing.get(origin);
      if (pending === undefined) break;
      await pending;
    }
    let release: () => void = () => undefined;
    this.probing.set(origin, new Promise<void>((resolve) => (release = resolve)));
    let settled = false;
    return {
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        if (outcome === "reachable") this.reachable.add(origin);
        else if (typeof outcome === "object") this.down.set(origin, outcome.down);
        this.probing.delete(origin);
        release();
      },
    };
  }

  /** Origins found down, with the reason, for notices. */
  downOrigins(): ReadonlyMap<string, string> {
    return this.down;
  }
}
