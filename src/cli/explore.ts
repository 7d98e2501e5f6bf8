// `threadline explore FILE`: search the program's schedules for a failure (src/sim/explore).
// A human report goes to stderr; with --json, one JSON object goes to stdout.
// Exit code: 3 a deadlock or hang was found, 1 another failure, 0 none found,
// 2 syntax error, 4 unsupported feature, 70 the simulator failed.
import fs from 'node:fs';
import path from 'node:path';
import type { CliOptions } from './args';
import { EXIT } from '../sim/api';
import { formatSyntaxError, formatUnsupported } from '../sim/frontend';
import { explore, programFactory, type ExploreReport, type Failure, type SearchResult } from '../sim/explore/index';

/** Instructions per run when --max-steps is left at its default (a run that long is
 * almost always a livelock under an unfair schedule; exploring needs many runs). */
const EXPLORE_MAX_STEPS = 1_000_000;
const CLI_DEFAULT_MAX_STEPS = 20_000_000;

function moduleReader(dir: string): (name: string) => string | null {
  return (name) => {
    try {
      return fs.readFileSync(path.join(dir, name.replace(/\./g, path.sep) + '.py'), 'utf8');
    } catch {
      return null;
    }
  };
}

function shellQuote(s: string): string {
  return /^[\w./:,*=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function replayCommand(file: string, f: Failure): string {
  return `threadline run ${shellQuote(file)} --switch ${f.switchMode} --schedule ${shellQuote(f.schedule)}`;
}

const KIND_LABELS: Record<string, string> = {
  deadlock: 'a deadlock', hang: 'a hang', assertion: 'an assertion failure', exception: 'an uncaught exception',
  'exit-status': 'a non-zero exit status', signal: 'a death by signal', limit: 'a run past the step limit',
  'internal-error': 'an internal error of the simulator',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function spaceLine(r: SearchResult): string {
  const c = r.coverage;
  const parts = [`${plural(r.schedulesTried, 'schedule')} tried`];
  if (c.prunedRuns > 0) parts.push(`${c.completedRuns} run to the end, ${c.prunedRuns} cut at explored states`);
  if (c.distinctStates > 0) parts.push(`${plural(c.distinctStates, 'distinct state')}`);
  parts.push(`${plural(c.distinctSchedules, 'distinct schedule')}, ${plural(c.distinctOutcomes, 'distinct outcome')}`);
  if (c.limitRuns > 0) parts.push(`${c.limitRuns} stopped by the step limit (outcome unknown; see --max-steps)`);
  if (c.depthBoundedRuns > 0) parts.push(`${c.depthBoundedRuns} longer than the depth bound (${c.maxDecisions} decisions explored, the rest as CPython would schedule)`);
  let s = parts.join('; ');
  if (r.strategy === 'dfs') {
    if (r.complete) s += ' — every schedule covered';
    else if (r.exhausted) s += ` — all schedules with up to ${plural(r.preemptionBound ?? 0, 'preemption')} covered`;
    else if (r.failure === null) s += ` — not exhausted (stopped: ${r.stoppedBy})`;
  }
  if (r.pct) {
    const g = r.pct;
    s += `\n  PCT guarantee: each run finds a given depth-${g.depth} bug with probability >= 1/(n*k^${g.depth - 1}) = ${g.perRun.toPrecision(3)}`
      + ` (n=${g.threads} threads, k=${g.steps} steps); over ${plural(r.schedulesTried, 'run')}: >= ${(g.confidence * 100).toPrecision(3)}%`;
  }
  return s;
}

export function formatReport(file: string, rep: ExploreReport): string {
  const s = rep.search;
  const mode = s.switchMode === 'instruction' ? 'any instruction (--switch instruction)' : "CPython 3.11's switch points (--switch cpython)";
  const out: string[] = [`threadline explore ${file}: strategy ${s.strategy}, threads may switch at ${mode}`];
  if (rep.faithful.kind !== 'exit' && rep.faithful.kind !== 'limit') {
    out.push(`  the default schedule already fails: ${rep.faithful.message || rep.faithful.kind}`);
  }
  const f = rep.failing;
  if (f) {
    out.push(`  FOUND ${KIND_LABELS[f.kind] ?? f.kind} after ${plural(s.schedulesTried, 'schedule')} (${plural(f.preemptions, 'preemption')}):`);
    out.push(`    ${f.message}`);
    out.push(`  replay: ${replayCommand(file, f)}${rep.replayVerified === false ? '   (warning: the replay did not reproduce it)' : ''}`);
    if (s.switchMode === 'instruction') {
      const cp = rep.cpython;
      if (cp?.failure && rep.alsoUnderCpython) {
        out.push(`  also under CPython 3.11's switch points: yes (${cp.failure.kind}, ${plural(cp.schedulesTried, 'schedule')} tried)`);
        out.push(`    replay: ${replayCommand(file, cp.failure)}`);
      } else if (cp?.failure) {
        out.push(`  under CPython 3.11's switch points a different failure shows: ${cp.failure.kind}: ${cp.failure.message}`);
        out.push(`    replay: ${replayCommand(file, cp.failure)}`);
      } else if (cp) {
        const how = cp.exhausted
          ? cp.complete ? 'none in any schedule' : `none with up to ${plural(cp.preemptionBound ?? 0, 'preemption')}`
          : `none in ${plural(cp.schedulesTried, 'schedule')}`
            + (cp.pct ? ` (PCT: a given depth-${cp.pct.depth} bug would show with probability >= ${(cp.pct.confidence * 100).toPrecision(3)}%)` : '');
        out.push(`  under CPython 3.11's switch points: ${how} — it needs finer preemption (as on a free-threaded build)`);
      }
    }
  } else {
    out.push('  no failure found');
  }
  out.push(`  coverage: ${spaceLine(s)}`);
  if (rep.lockOrder.length > 0) {
    out.push('  lock order (from the default schedule):');
    for (const c of rep.lockOrder) out.push(`    ${c.message}`);
  }
  return out.join('\n') + '\n';
}

function failingJson(f: Failure): Record<string, unknown> {
  return { kind: f.kind, message: f.message, schedule: f.schedule, switchMode: f.switchMode, preemptions: f.preemptions, exitCode: f.exitCode };
}

export function reportJson(rep: ExploreReport): Record<string, unknown> {
  const s = rep.search;
  const o: Record<string, unknown> = {
    outcome: rep.outcome,
    strategy: s.strategy,
    switchMode: s.switchMode,
  };
  if (rep.failing) o.failing = failingJson(rep.failing);
  o.schedulesTried = s.schedulesTried;
  o.exhausted = s.exhausted;
  o.complete = s.complete;
  if (s.preemptionBound !== undefined) o.preemptionBound = s.preemptionBound;
  o.coverage = s.coverage;
  o.alsoUnderCpython = rep.alsoUnderCpython;
  if (rep.cpython) {
    const c = rep.cpython;
    o.cpython = {
      failing: c.failure ? failingJson(c.failure) : null,
      schedulesTried: c.schedulesTried, exhausted: c.exhausted, coverage: c.coverage,
    };
  }
  if (rep.replayVerified !== undefined) o.replayVerified = rep.replayVerified;
  if (s.pct) o.pct = s.pct;
  o.faithful = rep.faithful;
  o.lockOrder = rep.lockOrder;
  return o;
}

export function exploreCommand(opts: CliOptions, source: string): number {
  const file = opts.file!;
  const made = programFactory({
    filename: file,
    source,
    argv: [file, ...opts.programArgs],
    stdin: opts.stdin !== null ? fs.readFileSync(opts.stdin, 'utf8') : null,
    seed: opts.seed,
    cores: opts.cores,
    stdoutMode: opts.stdoutMode ?? 'pipe',
    readSource: moduleReader(path.dirname(path.resolve(file))),
  });
  if (!made.ok) {
    const d = made.diagnostic;
    const syntax = d.kind === 'syntax';
    process.stderr.write(syntax ? formatSyntaxError(d, source, file) : formatUnsupported(d, file));
    if (opts.json) process.stdout.write(JSON.stringify({ outcome: syntax ? 'syntax-error' : 'unsupported', message: d.message, line: d.loc.line }) + '\n');
    return syntax ? EXIT.syntax : EXIT.unsupported;
  }
  const rep = explore(made.factory, {
    strategy: opts.strategy,
    switchMode: opts.switchMode,
    maxSchedules: opts.maxSchedules,
    seed: opts.seed,
    maxSteps: opts.maxSteps === CLI_DEFAULT_MAX_STEPS ? EXPLORE_MAX_STEPS : opts.maxSteps,
  });
  process.stderr.write(formatReport(file, rep));
  if (opts.json) process.stdout.write(JSON.stringify(reportJson(rep)) + '\n');
  const f = rep.failing;
  if (!f) return 0;
  if (f.kind === 'deadlock' || f.kind === 'hang') return EXIT.deadlock;
  if (f.kind === 'internal-error') return EXIT.internal;
  return 1;
}
