// Bundled into the benchmark page (a separate script from the webview): exposes the generator.
import { generateTrace } from './gen';
import { toJsonl } from '../../src/trace/jsonl';
const g = globalThis as unknown as { __genTrace: typeof generateTrace; __genJsonlBatches: (n: number, batch: number) => string[] };
g.__genTrace = generateTrace;
/** The trace as JSONL text batches (what the extension posts), objects dropped afterwards. */
g.__genJsonlBatches = (n, batch) => {
  const ev = generateTrace(n);
  const out: string[] = [];
  for (let i = 0; i < ev.length; i += batch) out.push(toJsonl(ev.slice(i, i + batch)));
  return out;
};
