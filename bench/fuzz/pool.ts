// Runs a fuzz campaign in worker threads with a watchdog: a mutant that keeps its worker
// busy longer than `hangMs` (a hang inside one instruction, the parser or the compiler —
// the step limit cannot stop those) is recorded as a 'timeout', its worker is terminated and
// a fresh one takes over the remaining mutants.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadCorpus, type MutantResult } from './campaign';
import type { Mutant } from './mutate';

export interface CampaignOptions {
  /** mutants 0..count-1 */
  count: number;
  /** first mutant index (default 0) */
  from?: number;
  seed: number;
  maxSteps: number;
  workers: number;
  hangMs: number;
  onResult?: (r: MutantResult) => void;
}

const here = path.dirname(new URL(import.meta.url).pathname);
const requireHere = createRequire(path.join(here, 'pool.ts'));

function spawn(seed: number, maxSteps: number): Worker {
  // the worker runs TypeScript through tsx's require hook
  const code = `require(${JSON.stringify(requireHere.resolve('tsx/cjs'))}); require(${JSON.stringify(path.join(here, 'worker.ts'))});`;
  return new Worker(code, { eval: true, workerData: { seed, maxSteps } });
}

export function runCampaign(o: CampaignOptions): Promise<MutantResult[]> {
  const from = o.from ?? 0;
  const results: MutantResult[] = [];
  let next = from;
  const end = from + o.count;
  let live = 0;
  let corpus: ReturnType<typeof loadCorpus> | null = null;

  if (o.count <= 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      if (live > 0) return;
      clearInterval(timer);
      results.sort((a, b) => a.i - b.i);
      resolve(results);
    };
    const busy = new Map<Worker, { i: number; since: number; mutant?: Mutant } | null>();
    const record = (r: MutantResult): void => {
      results.push(r);
      o.onResult?.(r);
    };
    const feed = (w: Worker): void => {
      if (next >= end) {
        busy.delete(w);
        void w.terminate();
        return;
      }
      const i = next++;
      busy.set(w, { i, since: Date.now() });
      w.postMessage(i);
    };
    const start = (): void => {
      live++;
      const w = spawn(o.seed, o.maxSteps);
      busy.set(w, null);
      w.on('message', (m: { type: string; i?: number; mutant?: Mutant; result?: MutantResult }) => {
        if (m.type === 'ready') feed(w);
        else if (m.type === 'start') busy.set(w, { i: m.i!, since: Date.now(), mutant: m.mutant! });
        else if (m.type === 'done') {
          record(m.result!);
          feed(w);
        }
      });
      w.on('error', (e) => {
        clearInterval(timer);
        reject(e);
      });
      w.on('exit', () => {
        live--;
        busy.delete(w);
        finish();
      });
    };
    const timer = setInterval(() => {
      const now = Date.now();
      for (const [w, job] of busy) {
        if (!job || now - job.since < o.hangMs) continue;
        busy.delete(w);
        corpus ??= loadCorpus();
        const m = job.mutant;
        record({
          i: job.i, seedProgram: m ? corpus[m.seedIndex]!.name : '?', mutations: m?.mutations ?? [], outcome: 'timeout', exitCode: -1,
          ms: now - job.since, detail: `no result after ${now - job.since} ms (worker terminated)`, source: m?.source ?? '',
        });
        w.removeAllListeners('message');
        void w.terminate();
        if (next < end) start();
      }
    }, 200);
    const n = Math.max(1, Math.min(o.workers, o.count));
    for (let k = 0; k < n; k++) start();
  });
}
