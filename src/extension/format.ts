// Pure helpers of the extension (no `vscode` import, so they are unit-tested in Node):
// status bar text, per-line thread notes, output labelling, settings → session options.
import type { SessionOptions, SessionState, ThreadInfo } from '../protocol/session';
import type { TraceEvent } from '../trace/format';

/** Number of distinct thread colours (decoration types) the editor cycles through. */
export const PALETTE_SIZE = 8;

/** Colour slot of a thread: stable across a run (pid, then creation order). */
export function colorSlot(tid: string, order: readonly string[]): number {
  const i = order.indexOf(tid);
  return (i < 0 ? 0 : i) % PALETTE_SIZE;
}

export function formatVirtualTime(ns: number): string {
  if (ns < 1_000) return `${ns} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(1)} µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toFixed(2)} ms`;
  return `${(ns / 1_000_000_000).toFixed(3)} s`;
}

const STATUS_ICON: Record<SessionState['status'], string> = {
  paused: '$(debug-pause)',
  running: '$(sync~spin)',
  deadlocked: '$(error)',
  hung: '$(warning)',
  exited: '$(pass)',
  error: '$(bug)',
  stopped: '$(circle-slash)',
};

/** "$(debug-pause) Threadline: paused · step 42 · 1.20 ms" */
export function statusText(s: SessionState): string {
  const what = s.status === 'exited' && s.outcome ? `exited (${s.outcome.exitCode})` : s.status;
  return `${STATUS_ICON[s.status]} Threadline: ${what} · step ${s.steps} · ${formatVirtualTime(s.virtualTimeNs)}`;
}

export function statusTooltip(s: SessionState): string {
  const file = s.uri.split('/').pop() ?? s.uri;
  const lines = [`${file}: ${s.message ?? s.status}`, `${s.processes.length} process(es), ${s.threads.filter((t) => t.state !== 'exited').length} live thread(s)`];
  return lines.join('\n');
}

function nameOf(tid: string | undefined, threads: readonly ThreadInfo[]): string | undefined {
  if (!tid) return undefined;
  return threads.find((t) => t.tid === tid)?.name ?? tid;
}

/** "⏸ Thread-1 waits for lock_b held by Thread-2" (or null when `t` is not blocked). */
export function blockedNote(t: ThreadInfo, threads: readonly ThreadInfo[]): string | null {
  if (t.state !== 'blocked' || !t.waitsFor) return null;
  const w = t.waitsFor;
  const what = w.kind === 'join' ? nameOf(w.id, threads) ?? w.id : w.name ?? w.id;
  switch (w.kind) {
    case 'sleep': return `⏸ ${t.name} sleeps`;
    case 'join': return `⏸ ${t.name} waits for ${what} to finish`;
    case 'pause': return `⏸ ${t.name} waits for a signal`;
    case 'wait': return `⏸ ${t.name} waits for child ${w.id.replace(/^pid:/, '')}`;
    default: {
      const holder = w.holderName ?? nameOf(w.holder, threads);
      return holder ? `⏸ ${t.name} waits for ${what} held by ${holder}` : `⏸ ${t.name} waits for ${what}`;
    }
  }
}

export interface LineNote {
  /** 1-based line */
  line: number;
  /** threads on this line, in order */
  threads: ThreadInfo[];
  /** "◀ Thread-1, Thread-2" or the blocked notes joined */
  text: string;
}

/** What to draw on each line: the threads currently there, and blocked notes. */
export function lineNotes(s: SessionState): LineNote[] {
  const byLine = new Map<number, ThreadInfo[]>();
  for (const t of s.threads) {
    if (t.state === 'exited' || t.line === undefined) continue;
    const list = byLine.get(t.line) ?? [];
    list.push(t);
    byLine.set(t.line, list);
  }
  const multi = s.processes.length > 1;
  const label = (t: ThreadInfo) => (multi ? `${t.name} [${t.pid}]` : t.name);
  return [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, threads]) => {
      const parts = threads.map((t) => {
        const note = blockedNote(t, s.threads);
        return note ? (multi ? note.replace(t.name, label(t)) : note) : `◀ ${label(t)}${t.state === 'running' ? ' (running)' : ''}`;
      });
      return { line, threads, text: parts.join('   ') };
    });
}

/** Turns program output into whole lines labelled with pid and thread name. */
export class OutputLabeller {
  private readonly names = new Map<string, string>();
  private readonly partial = new Map<string, string>();

  /** Lines to append for these trace events ("[1 MainThread] hello"). */
  feed(events: readonly TraceEvent[]): string[] {
    const out: string[] = [];
    for (const e of events) {
      if (e.kind === 'thread.start' || e.kind === 'thread.rename') this.names.set(e.tid, e.name);
      else if (e.kind === 'io.flush') {
        const key = `${e.pid}|${e.tid ?? ''}|${e.stream}`;
        const text = (this.partial.get(key) ?? '') + e.text;
        const lines = text.split('\n');
        this.partial.set(key, lines.pop()!);
        for (const l of lines) out.push(this.label(e.pid, e.tid, e.stream, l));
      } else if (e.kind === 'io.lost') {
        out.push(`${this.prefix(e.pid, undefined, e.stream)}(lost, never flushed: ${JSON.stringify(e.text)})`);
      } else if (e.kind === 'run.end') {
        for (const [key, rest] of this.partial) {
          if (!rest) continue;
          const [pid, tid, stream] = key.split('|');
          out.push(this.label(Number(pid), tid || undefined, stream as 'stdout' | 'stderr', rest));
        }
        this.partial.clear();
      }
    }
    return out;
  }

  private prefix(pid: number, tid: string | undefined, stream: string): string {
    const who = tid ? this.names.get(tid) ?? tid : 'process';
    return `[${pid} ${who}]${stream === 'stderr' ? ' !' : ''} `;
  }

  private label(pid: number, tid: string | undefined, stream: string, line: string): string {
    return this.prefix(pid, tid, stream) + line;
  }
}

/** Settings as read from the `threadline` configuration section. */
export interface Settings {
  strategy?: unknown;
  seed?: unknown;
  cores?: unknown;
  switchIntervalMs?: unknown;
  switchMode?: unknown;
  maxSteps?: unknown;
}

const int = (x: unknown, min: number, max: number): number | undefined =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max ? x : undefined;

/** Validated session options from settings (bad values are dropped: the server defaults apply). */
export function optionsFromSettings(s: Settings): SessionOptions {
  const o: SessionOptions = {};
  if (s.strategy === 'cpython' || s.strategy === 'random') o.strategy = s.strategy;
  if (s.switchMode === 'cpython' || s.switchMode === 'instruction') o.switchMode = s.switchMode;
  const seed = int(s.seed, 0, 2 ** 31 - 1);
  if (seed !== undefined) o.seed = seed;
  const cores = int(s.cores, 1, 256);
  if (cores !== undefined) o.cores = cores;
  if (typeof s.switchIntervalMs === 'number' && s.switchIntervalMs > 0 && s.switchIntervalMs <= 10_000) o.switchIntervalMs = s.switchIntervalMs;
  const max = int(s.maxSteps, 1, 1e12);
  if (max !== undefined) o.maxSteps = max;
  return o;
}

/** Signals offered by "Send Signal…" (catchable ones first). */
export const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGUSR1', 'SIGUSR2', 'SIGALRM', 'SIGHUP', 'SIGQUIT', 'SIGCHLD', 'SIGTSTP', 'SIGCONT', 'SIGSTOP', 'SIGKILL'];
