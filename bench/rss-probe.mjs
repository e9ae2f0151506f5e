/**
 * Preloaded with --import when /usr/bin/time is missing: writes the process's peak RSS (KiB) to
 * $TOKSCAN_BENCH_RSS_FILE at exit. Worker threads share the process, so they are counted.
 */
import { writeFileSync } from "node:fs";

const file = process.env.TOKSCAN_BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
