/**
 * Worker thread body: compiles the rule set once, then scans the batches of files the main thread
 * hands it and posts each batch's results in one message (one message per file cost more than the
 * scan of a small file).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FileScanResult, WalkEntry } from "../types.js";
import { loadScanner, scanOne, type ScannerSettings } from "./scanner.js";

export interface BatchMessage {
  type: "batch";
  batchId: number;
  entries: WalkEntry[];
}

export type WorkerReply = { type: "ready" } | { type: "results"; batchId: number; results: FileScanResult[] };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("scan-worker.js runs only as a worker thread");
  const scanner = await loadScanner(workerData as ScannerSettings);
  port.on("message", (message: BatchMessage) => {
    const results = message.entries.map((entry) => scanOne(scanner, entry));
    port.postMessage({ type: "results", batchId: message.batchId, results } satisfies WorkerReply);
  });
  port.postMessage({ type: "ready" } satisfies WorkerReply);
}

void main();
