/**
 * Scans files on worker threads. The main thread hands out batches of walk entries; every worker
 * compiles the rule set once and posts each batch's results as soon as the batch is scanned.
 * Results come back in completion order: a deterministic order is the caller's job.
 *
 * Backpressure: at most `inFlightPerWorker` batches per worker, and no new batch while the caller
 * has not taken the results already here, so memory stays flat however many files there are.
 * A worker that dies loses nothing: the files it had not answered are scanned again one by one on
 * a fresh worker, and a file that kills a worker again when scanned alone is reported with a notice.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileScanResult, WalkEntry } from "../types.js";
import type { BatchMessage, WorkerReply } from "./scan-worker.js";
import { describeError, failedResult, loadScanner, scanOne, type FileScanOptions, type ScannerSettings } from "./scanner.js";

export interface WorkerPoolOptions {
  /** Worker threads; default: available parallelism, 1 to 8. 0 scans in this thread. */
  workers?: number;
  fileOptions?: Partial<FileScanOptions>;
  /** Detector ids to run (default: all). */
  detectorIds?: string[];
  /** URL of a module exporting `scanFile` (default: src/source/scan-file.js). */
  scanModule?: string;
  /** A batch closes at this many files (default 64)... */
  batchEntries?: number;
  /** ...or this many bytes of files (default 4 MiB). A scan of one batch of at most 4 MiB runs in this thread. */
  batchBytes?: number;
  inFlightPerWorker?: number;
  /** Worker script; default: scan-worker.js beside this module (or the built one when running from .ts). */
  workerScript?: string;
  /** Called once when workers were asked for but cannot run here (the scan goes on in this thread). */
  onFallback?: (reason: string) => void;
}

export const DEFAULT_FILE_OPTIONS: FileScanOptions = { maxFileSize: 100 * 1024 * 1024 };
const MAX_WORKERS = 8;

export function defaultWorkerCount(): number {
  const parallelism = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.min(MAX_WORKERS, Math.max(1, parallelism));
}

/** Scans every entry and yields one result per entry, in completion order. */
export async function* scanEntries(
  entries: Iterable<WalkEntry> | AsyncIterable<WalkEntry>,
  options: WorkerPoolOptions = {},
): AsyncGenerator<FileScanResult> {
  const settings: ScannerSettings = {
    fileOptions: { ...DEFAULT_FILE_OPTIONS, ...options.fileOptions },
    detectorIds: options.detectorIds,
    scanModule: options.scanModule,
  };
  const count = Math.min(MAX_WORKERS, Math.max(0, Math.floor(options.workers ?? defaultWorkerCount())));
  const script = count > 0 ? (options.workerScript ?? builtWorkerScript()) : undefined;
  if (count === 0 || !script) {
    if (count > 0) options.onFallback?.("worker threads need the built scanner (dist/); scanning in this thread");
    yield* scanInProcess(entries, settings);
    return;
  }
  const batches = batchesOf(entries, Math.max(1, options.batchEntries ?? 64), Math.max(1, options.batchBytes ?? 4 * 1024 * 1024));
  const first = await batches.next();
  if (first.done) return;
  const second = await batches.next();
  if (second.done && first.value.reduce((sum, entry) => sum + entry.size, 0) <= SMALL_SCAN_BYTES) {
    // One small batch (a pre-commit hook, a single file): starting threads costs more than scanning.
    yield* scanInProcess(first.value, settings);
    return;
  }
  const pool = new WorkerPool(script, count, settings, options);
  try {
    yield* pool.run(prepend(second.done ? [first.value] : [first.value, second.value], batches));
  } finally {
    await pool.close();
  }
}

/** Scans of at most one batch and this many bytes run in the calling thread. */
const SMALL_SCAN_BYTES = 4 * 1024 * 1024;

async function* prepend<T>(head: T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* scanInProcess(
  entries: Iterable<WalkEntry> | AsyncIterable<WalkEntry>,
  settings: ScannerSettings,
): AsyncGenerator<FileScanResult> {
  const scanner = await loadScanner(settings);
  for await (const entry of entries) yield scanOne(scanner, entry);
}

/**
 * The worker script to start: scan-worker.js beside this module; when this module runs from its
 * TypeScript source (tests), the built copy under dist/ if there is one.
 */
export function builtWorkerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js")) return pathToFileURL(path.join(path.dirname(here), "scan-worker.js")).href;
  const built = path.resolve(path.dirname(here), "../../dist/src/scan/scan-worker.js");
  return existsSync(built) ? pathToFileURL(built).href : undefined;
}

interface Batch {
  id: number;
  entries: WalkEntry[];
  /** Times a worker died while this (single-file) batch was the one being scanned. */
  attempts?: number;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: Map<number, Batch>;
}

class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly results: FileScanResult[] = [];
  /** Batches waiting for a worker; re-queued single files of a dead worker go first. */
  private readonly queue: Batch[] = [];
  private nextBatchId = 0;
  private wake: (() => void) | undefined;
  private fatal: Error | undefined;
  private closing = false;
  private respawnsLeft: number;
  private readonly batchEntries: number;
  private readonly inFlightPerWorker: number;

  constructor(
    private readonly script: string,
    count: number,
    private readonly settings: ScannerSettings,
    options: WorkerPoolOptions,
  ) {
    this.batchEntries = Math.max(1, options.batchEntries ?? 64);
    this.inFlightPerWorker = Math.max(1, options.inFlightPerWorker ?? 2);
    this.respawnsLeft = 16 + count * 4;
    for (let i = 0; i < count; i++) this.slots.push(this.spawn());
  }

  async *run(source: AsyncIterator<WalkEntry[]>): AsyncGenerator<FileScanResult> {
    let sourceDone = false;
    for (;;) {
      if (this.fatal) throw this.fatal;
      // Hand out work while workers have room and the caller keeps up.
      while (this.results.length < this.slots.length * this.batchEntries * this.inFlightPerWorker) {
        const slot = this.leastLoaded();
        if (!slot || slot.inFlight.size >= this.inFlightPerWorker) break;
        let batch = this.queue.shift();
        if (!batch && !sourceDone) {
          const next = await source.next();
          if (next.done) sourceDone = true;
          else batch = { id: this.nextBatchId++, entries: next.value };
        }
        if (!batch) break;
        this.dispatch(slot, batch);
      }
      if (this.results.length > 0) {
        while (this.results.length > 0) yield this.results.shift()!;
        continue; // the caller took them: there may be room for more work now
      }
      const busy = this.slots.some((s) => s.inFlight.size > 0);
      if (sourceDone && this.queue.length === 0 && !busy) return;
      if (this.fatal) throw this.fatal;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        if (this.results.length > 0 || this.fatal) resolve();
      });
      this.wake = undefined;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private leastLoaded(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) if (!best || slot.inFlight.size < best.inFlight.size) best = slot;
    return best;
  }

  private dispatch(slot: Slot, batch: Batch): void {
    slot.inFlight.set(batch.id, batch);
    slot.worker.postMessage({ type: "batch", batchId: batch.id, entries: batch.entries } satisfies BatchMessage);
  }

  private spawn(): Slot {
    const worker = new Worker(new URL(this.script), { workerData: this.settings });
    const slot: Slot = { worker, ready: false, inFlight: new Map() };
    let lastError: unknown;
    worker.on("message", (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on("error", (error) => {
      lastError = error;
    });
    worker.on("exit", (code) => this.onExit(slot, code, lastError));
    return slot;
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.type === "ready") {
      slot.ready = true;
      return;
    }
    if (!slot.inFlight.delete(reply.batchId)) return;
    for (const result of reply.results) this.results.push(result);
    this.wake?.();
  }

  private onExit(slot: Slot, code: number, error: unknown): void {
    if (this.closing) return;
    const index = this.slots.indexOf(slot);
    if (!slot.ready) {
      this.fatal = new Error(`a scan worker failed to start (exit ${code}${error ? `, ${describeError(error)}` : ""})`);
      this.wake?.();
      return;
    }
    const why = error ? describeError(error) : `exit code ${code}`;
    // Nothing of an unanswered batch is lost: each of its files is scanned again alone. The worker
    // scans its batches in the order sent, so the file it died on is in its oldest batch; the
    // first file there is the suspect, and a suspect that kills a worker a second time alone is
    // the cause (innocent files are never suspects twice: alone, they are answered).
    const requeued: Batch[] = [];
    let suspectSeen = false;
    for (const batch of slot.inFlight.values()) {
      batch.entries.forEach((entry) => {
        const suspect = !suspectSeen;
        suspectSeen = true;
        const attempts = (batch.attempts ?? 0) + (suspect ? 1 : 0);
        if (suspect && attempts > 1) {
          this.results.push(failedResult(entry, `the scan worker crashed on this file (${why}); skipped`));
        } else {
          requeued.push({ id: this.nextBatchId++, entries: [entry], attempts });
        }
      });
    }
    this.queue.unshift(...requeued);
    if (this.respawnsLeft-- > 0) {
      this.slots[index] = this.spawn();
    } else {
      this.slots.splice(index, 1);
      if (this.slots.length === 0) this.fatal = new Error(`scan workers keep crashing (${why})`);
    }
    this.wake?.();
  }
}

/** Groups entries into batches of at most `maxEntries` files or about `maxBytes` bytes. */
async function* batchesOf(
  entries: Iterable<WalkEntry> | AsyncIterable<WalkEntry>,
  maxEntries: number,
  maxBytes: number,
): AsyncGenerator<WalkEntry[]> {
  let batch: WalkEntry[] = [];
  let bytes = 0;
  for await (const entry of entries) {
    batch.push(entry);
    bytes += entry.size;
    if (batch.length >= maxEntries || bytes >= maxBytes) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
