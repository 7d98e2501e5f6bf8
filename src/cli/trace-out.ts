// Writes a run's trace to a file, as JSONL (the native format) or Chrome trace JSON.
import fs from 'node:fs';
import { toJsonl, toChromeJson, type TraceEvent } from '../trace';

export function writeTraceFile(file: string, format: 'jsonl' | 'chrome', events: readonly TraceEvent[]): void {
  fs.writeFileSync(file, format === 'chrome' ? toChromeJson(events) : toJsonl(events));
}
