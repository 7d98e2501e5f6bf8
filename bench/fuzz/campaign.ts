// One fuzz campaign item: mutant i of the test/diff programs, run through parse, compile
// and the simulator (runProgram) with a small step limit, and classified. In-process;
// pool.ts runs items in worker threads with a watchdog for hangs.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runProgram, type Outcome } from '../../src/sim/api';
import { parse } from '../../src/sim/syntax/parser';
import { makeMutant, type Mutant, type MutationKind } from './mutate';

export interface FuzzProgram {
  name: string;
  source: string;
  stdin: string | null;
}

export const DIFF_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../test/diff');

/** The seed programs: test/diff/*.py (with their .stdin when there is one), sorted. */
export function loadCorpus(dir = DIFF_DIR): FuzzProgram[] {
  return fs.readdirSync(dir)
    .filter((f) => /^\d+_.*\.py$/.test(f))
    .sort()
    .map((f) => {
      const stdinPath = path.join(dir, f.replace(/\.py$/, '.stdin'));
      return {
        name: f,
        source: fs.readFileSync(path.join(dir, f), 'utf8'),
        stdin: fs.existsSync(stdinPath) ? fs.readFileSync(stdinPath, 'utf8') : null,
      };
    });
}

/** 'timeout': no result in wall-clock time (pool.ts's watchdog) */
export type FuzzOutcome = Outcome | 'js-exception' | 'timeout';

export interface MutantResult {
  i: number;
  seedProgram: string;
  mutations: MutationKind[];
  outcome: FuzzOutcome;
  exitCode: number;
  ms: number;
  /** internal errors, escaped JS exceptions and timeouts: what went wrong, and the program */
  detail?: string;
  source?: string;
}

export interface RunLimits {
  maxSteps: number;
}

/** Runs `source` as the fuzz does; returns the outcome and, for a problem, a detail. */
export function runSource(source: string, stdin: string | null, limits: RunLimits, dir = DIFF_DIR): { outcome: FuzzOutcome; exitCode: number; detail?: string } {
  try {
    const r = runProgram({
      filename: 'mutant.py',
      source,
      stdin,
      stdoutMode: 'pipe',
      maxSteps: limits.maxSteps,
      readSource: (name) => {
        const f = path.join(dir, name.replace(/\./g, '/') + '.py');
        return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null;
      },
    });
    if (r.outcome === 'internal-error') return { outcome: r.outcome, exitCode: r.exitCode, detail: internalDetail(r.stderr) };
    return { outcome: r.outcome, exitCode: r.exitCode };
  } catch (e) {
    return { outcome: 'js-exception', exitCode: -1, detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** "threadline: internal error (...): TypeError: x\n    at f (file:line)" -> message + first frames. */
export function internalDetail(stderr: string): string {
  const i = stderr.indexOf('threadline: internal error');
  const text = i >= 0 ? stderr.slice(i) : stderr;
  return text.split('\n').slice(0, 4).join('\n').trim();
}

/** The first line of a problem's detail: what identifies "the same bug" when minimizing. */
export function signature(detail: string | undefined): string {
  const first = (detail ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  return first.replace(/^threadline: internal error \(a bug in Threadline, please report it\): /, '');
}

export function isProblem(o: FuzzOutcome): boolean {
  return o === 'internal-error' || o === 'js-exception' || o === 'timeout';
}

/** How often an unparseable mutant is replaced by another one for the same index: most
 * random edits break the syntax, and the compiler and the VM deserve mutants too (about a
 * third of the mutants still end in a syntax error). */
const PARSE_RETRIES = 3;

/** The mutant campaign item `i` runs (the first of its attempts that parses, or the last). */
export function chooseMutant(corpus: readonly FuzzProgram[], campaignSeed: number, i: number): Mutant {
  const seeds = corpus.map((p) => p.source);
  let m = makeMutant(seeds, campaignSeed, i);
  for (let a = 1; a <= PARSE_RETRIES && !parses(m.source); a++) m = makeMutant(seeds, campaignSeed, i, a);
  return m;
}

function parses(source: string): boolean {
  try {
    const p = parse(source, 'mutant.py');
    return p.errors.length === 0 && p.module !== null;
  } catch {
    return true; // let the run report it
  }
}

export function runMutant(corpus: readonly FuzzProgram[], campaignSeed: number, i: number, limits: RunLimits, chosen?: Mutant): MutantResult {
  const m = chosen ?? chooseMutant(corpus, campaignSeed, i);
  const prog = corpus[m.seedIndex]!;
  const t0 = performance.now();
  const r = runSource(m.source, prog.stdin, limits);
  const res: MutantResult = {
    i, seedProgram: prog.name, mutations: m.mutations, outcome: r.outcome, exitCode: r.exitCode,
    ms: Math.round(performance.now() - t0),
  };
  if (isProblem(r.outcome)) {
    res.detail = r.detail ?? '';
    res.source = m.source;
  }
  return res;
}
