// Per-process state that issue 6 adds to the kernel's KProcess (processes, signals, file
// descriptors), kept in `KProcess.x` and created on first use, and the process table as
// `ps -o pid,ppid,stat,cmd` prints it. Plain data only.

import type { ProcessState } from '../../trace/format';
import type { KProcess, MachineState } from './types';

/** What a process does with a signal (the kernel side of signal.signal). */
export type Disposition = 'default' | 'ignore' | 'handler';

/** A file descriptor of the simulated fd table: an end of a kernel pipe. */
export interface FdEntry {
  /** pipe id ("pipe#1") */
  pipe: string;
  end: 'r' | 'w';
}

/** How a main thread that a signal interrupted in a blocking call goes on once its
 * handlers have run: the call is made again (PEP 475) or returns a value. */
export type Continuation =
  /** `onError`: a call made before the handler's exception propagates (Condition.wait
   * re-acquires its lock first) */
  | { kind: 'retry'; name: string; payload: Record<string, unknown>; onError?: { name: string; payload: Record<string, unknown> } }
  | { kind: 'value'; value: unknown };

export interface SigState {
  /** pending signals (standard signals do not queue: each number at most once) */
  pending: number[];
  /** dispositions that are not 'default' */
  disp: Record<number, Disposition>;
  /** Python name of each installed handler, for the trace */
  handlerNames: Record<number, string>;
  /** the ITIMER_REAL timer (signal.alarm / setitimer): timer id, expiry, interval (ns) */
  alarm: { timer: number; at: number; intervalNs: number } | null;
  /** the main thread was interrupted in a blocking call: how it continues */
  intr: { tid: string; cont: Continuation } | null;
}

export interface ProcExt {
  /** process group (keyboard signals go to the foreground group) */
  pgid: number;
  /** stopped by a signal (state T) */
  stopped: boolean;
  /** the signal that stopped it last */
  stopSig?: number;
  /** the stop / continue that waitpid(WUNTRACED / WCONTINUED) has not reported yet */
  unreportedStop: number | null;
  unreportedCont: boolean;
  /** wait status once the process ended (exit code or signal) */
  waitStatus: number | null;
  /** ended and not reaped yet */
  zombie: boolean;
  reaped: boolean;
  sig: SigState;
  /** the fd table: fd -> pipe end (0-2 are the standard streams, not listed) */
  fds: Record<number, FdEntry>;
  /** the command line shown by ps */
  cmd: string;
  /** the interpreter's finalization has started (process.ts) */
  finalized?: boolean;
  /** children started by multiprocessing (its atexit handler terminates the daemonic ones
   * and joins the others when this process ends) */
  mpChildren?: { pid: number; daemon: boolean }[];
  /** multiprocessing's exit handler ran (daemonic children were sent SIGTERM) */
  mpAtexit?: boolean;
}

export function newProcExt(pgid: number, cmd: string): ProcExt {
  return {
    pgid, stopped: false, unreportedStop: null, unreportedCont: false, waitStatus: null, zombie: false, reaped: false,
    // CPython at startup: SIGINT -> signal.default_int_handler (KeyboardInterrupt);
    // SIGPIPE and SIGXFSZ ignored (a write to a closed pipe raises BrokenPipeError)
    sig: { pending: [], disp: { 2: 'handler', 13: 'ignore', 25: 'ignore' }, handlerNames: { 2: 'default_int_handler' }, alarm: null, intr: null },
    fds: {}, cmd,
  };
}

/** The issue-6 state of a process (created on first use: a process made by the kernel's
 * bootProcess is its own group leader, running the script). */
export function px(s: MachineState, p: KProcess): ProcExt {
  if (!p.x) p.x = newProcExt(p.pid, `python3 ${s.opts.file}`);
  return p.x;
}

// ───────────────────────────── ps ─────────────────────────────

export interface PsRow {
  pid: number;
  ppid: number;
  /** STAT: state letter plus flags ('l' multi-threaded, '+' foreground group) */
  stat: string;
  cmd: string;
}

/** The `ps` state letter of a process. */
export function psState(s: MachineState, p: KProcess): ProcessState {
  const x = px(s, p);
  if (x.zombie || (p.exited && !x.reaped)) return 'Z';
  if (x.stopped) return 'T';
  const live = p.threads.map((tid) => s.threads[tid]!).filter((t) => t.state !== 'finished');
  if (live.length === 0) return 'R'; // being created (fork) or exiting
  return live.some((t) => t.state === 'running' || t.state === 'ready') ? 'R' : 'S';
}

/** The rows of the processes alive or not yet reaped, by pid. */
export function psRows(s: MachineState): PsRow[] {
  const fg = s.procs[s.opts.mainPid] ? px(s, s.procs[s.opts.mainPid]!).pgid : s.opts.mainPid;
  const rows: PsRow[] = [];
  for (const p of Object.values(s.procs).sort((a, b) => a.pid - b.pid)) {
    const x = px(s, p);
    if (x.reaped || (p.exited && !x.zombie)) continue;
    const st = psState(s, p);
    let stat: string = st;
    const live = p.threads.filter((tid) => s.threads[tid]!.state !== 'finished').length;
    if (st !== 'Z' && live > 1) stat += 'l';
    if (x.pgid === fg) stat += '+';
    rows.push({ pid: p.pid, ppid: p.ppid, stat, cmd: st === 'Z' ? `[${x.cmd.split(' ')[0]}] <defunct>` : x.cmd });
  }
  return rows;
}

/** The table as `ps -o pid,ppid,stat,cmd` prints it (procps: pid columns right-aligned,
 * at least 5 wide; STAT left-aligned in 4). */
export function formatPs(rows: readonly PsRow[]): string {
  const w = Math.max(5, ...rows.map((r) => Math.max(String(r.pid).length, String(r.ppid).length)));
  const line = (a: string, b: string, c: string, d: string): string => `${a.padStart(w)} ${b.padStart(w)} ${c.padEnd(4)} ${d}`;
  return [line('PID', 'PPID', 'STAT', 'CMD'), ...rows.map((r) => line(String(r.pid), String(r.ppid), r.stat, r.cmd))].join('\n') + '\n';
}
