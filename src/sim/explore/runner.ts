// One run of a program under the explorer's control: a fresh machine, a choice at every
// pending decision, and the outcome classified (exit, deadlock, hang, exception,
// assertion, limit...). Also: which decisions count as preemptions, and which decision
// points can be skipped because the running thread's next instruction is invisible to
// the other threads (visibility.ts).

import type { Decision } from '../kernel/scheduler';
import type { Machine, RunResult as KernelResult } from '../kernel/kernel';
import type { TraceEvent, WaitEdge } from '../../trace/format';
import type { MachineFactory, MachineInstance, RunKind, RunRecord, RunSpec } from './types';

/** What the explorer answers at a decision: a tid, or null to abandon the run. */
export type Chooser = (d: Decision, index: number, inst: MachineInstance) => string | null;

/** A choice away from the faithful one while a thread was running (and could go on). */
export function isPreemption(d: Decision, choice: string): boolean {
  return d.current !== null && choice !== d.cpython;
}

export interface RunOnceOptions {
  /** after this many decisions the run goes on with the faithful choices, at full speed
   * (a depth bound: long runs are explored in their first part only) */
  maxDecisions?: number;
  /** keep lock acquire/release and thread start/rename events (lock-order analysis) */
  collectSync?: boolean;
}

/** Lock/RLock acquire, wait and release events (what lockOrderCycles reads). */
export function isLockEvent(e: TraceEvent): boolean {
  return e.kind === 'sync.op' && (e.object.kind === 'lock' || e.object.kind === 'rlock')
    && (e.op === 'acquire' || e.op === 'release' || e.op === 'wait');
}

export function runOnce(factory: MachineFactory, spec: RunSpec, choose: Chooser, o: RunOnceOptions = {}): RunRecord {
  const exits: { tid: string; exception: string; main: boolean }[] = [];
  const mainTids = new Set<string>();
  const sync: TraceEvent[] | undefined = o.collectSync ? [] : undefined;
  // cycles reported during the run; one whose threads run again later was not a deadlock
  const cycles: { cycle: WaitEdge[]; refuted: boolean }[] = [];
  const onEvent = (e: TraceEvent): void => {
    if (e.kind === 'deadlock') cycles.push({ cycle: e.cycle, refuted: false });
    else if (e.kind === 'thread.state' && e.state === 'running') {
      for (const c of cycles) if (!c.refuted && c.cycle.some((x) => x.thread === e.tid)) c.refuted = true;
    }
    if (e.kind === 'thread.start' && e.main) mainTids.add(e.tid);
    else if (e.kind === 'thread.exit' && e.exception) exits.push({ tid: e.tid, exception: e.exception, main: mainTids.has(e.tid) });
    if (sync && (isLockEvent(e) || e.kind === 'thread.start' || e.kind === 'thread.rename')) sync.push(e);
  };
  const choices: string[] = [];
  let preemptions = 0;
  let inst: MachineInstance | null = null;
  let result: KernelResult | null = null;
  let aborted = false;
  let depthHit = false;
  try {
    inst = factory(spec, onEvent);
    let st = inst.machine.step();
    while (st.kind === 'decision') {
      const d = st.decision;
      if (o.maxDecisions !== undefined && choices.length >= o.maxDecisions) {
        depthHit = true;
        finishFaithfully(inst.machine);
        st = inst.machine.step(d.cpython);
        break;
      }
      const c = choose(d, choices.length, inst);
      if (c === null) {
        aborted = true;
        break;
      }
      if (isPreemption(d, c)) preemptions++;
      choices.push(c);
      st = inst.machine.step(c);
    }
    if (st.kind === 'done') result = st.result;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      kind: 'internal-error', message: `internal error: ${msg}`, exitCode: 70, schedule: '', choices, preemptions,
      decisions: choices.length, steps: 0, stdout: inst?.stdout() ?? '', stderr: inst?.stderr() ?? '', depthHit,
      ...(sync ? { syncEvents: sync } : {}),
    };
  }
  const m = inst.machine;
  const stdout = inst.stdout();
  const stderr = inst.stderr();
  const base = {
    choices, preemptions, decisions: choices.length, stdout, stderr, depthHit,
    ...(sync ? { syncEvents: sync } : {}),
  };
  if (aborted || !result) {
    const r = m.result();
    return { ...base, kind: 'pruned', message: '', exitCode: 0, schedule: r.schedule, steps: r.steps };
  }
  const standing = cycles.filter((c) => !c.refuted).map((c) => c.cycle);
  const { kind, message } = classify(result, exits, stderr, standing);
  return { ...base, kind, message, exitCode: result.exitCode, schedule: result.schedule, steps: result.steps };
}

/**
 * From now on the machine takes the faithful (`cpython`) choice at every decision by
 * itself: same choices as answering `d.cpython` at each pending decision, but the kernel
 * runs long batches instead of stopping after every instruction. The schedule string
 * still records every run of every thread, so the whole run replays.
 */
export function finishFaithfully(m: Machine): void {
  m.state.sched.strategy = 'cpython';
}

/** The explorer's view of a finished run. `standing`: the wait-for cycles reported during
 * the run whose threads never ran again. */
export function classify(
  r: KernelResult,
  exits: { tid: string; exception: string; main: boolean }[],
  stderr: string,
  standing: WaitEdge[][] = r.deadlocks,
): { kind: RunKind; message: string } {
  // a cycle that formed while other threads went on (a partial deadlock) counts when its
  // threads never ran again (`standing`)
  const cycle = r.outcome === 'deadlock' ? r.deadlock ?? standing[0] : standing[0];
  if (r.outcome === 'deadlock' || cycle) return { kind: 'deadlock', message: describeEdges(cycle ?? [], 'deadlock') };
  if (r.outcome === 'hang') return { kind: 'hang', message: describeEdges(r.hang ?? [], 'hang') };
  const died = exits.find((x) => x.exception !== 'SystemExit');
  if (died) {
    const kind: RunKind = died.exception === 'AssertionError' ? 'assertion' : 'exception';
    const where = died.main ? '' : ` (in thread ${died.tid})`;
    return { kind, message: exceptionLine(stderr, died.exception) + where };
  }
  switch (r.outcome) {
    case 'exit':
      return r.exitCode === 0
        ? { kind: 'exit', message: '' }
        : { kind: 'exit-status', message: `exit status ${r.exitCode}` };
    case 'signal':
      return { kind: 'signal', message: `killed by a signal (exit status ${r.exitCode})` };
    case 'limit':
      return { kind: 'limit', message: lastLine(stderr) || 'step limit reached' };
    case 'error':
      return { kind: 'internal-error', message: lastLine(stderr) || 'kernel error' };
    default:
      return { kind: 'exit', message: '' };
  }
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines[lines.length - 1] ?? '';
}

/** The traceback's last line for an exception of type `type` ("AssertionError: x"). */
export function exceptionLine(stderr: string, type: string): string {
  const lines = stderr.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    const bare = l.replace(/^[\w.]*\./, '');
    if (bare === type || bare.startsWith(`${type}:`)) return bare;
  }
  return type;
}

function who(e: WaitEdge): string {
  return e.threadName ?? e.thread;
}

function objName(o: { name?: string; id: string; line?: number }): string {
  return o.name ?? o.id;
}

/** "Thread-1 waits for lock_b (line 12) held by Thread-2; ..." */
export function describeEdges(edges: WaitEdge[], kind: 'deadlock' | 'hang'): string {
  if (edges.length === 0) return kind === 'deadlock' ? 'deadlock' : 'hang: no thread can run';
  const names = new Map(edges.map((e) => [e.thread, who(e)]));
  const parts = edges.map((e) => {
    const at = e.loc ? ` at line ${e.loc.line}` : '';
    const holder = e.waitsFor.holder ? ` held by ${names.get(e.waitsFor.holder) ?? e.waitsFor.holder}` : '';
    return `${who(e)} waits for ${objName(e.waitsFor)}${holder}${at}`;
  });
  return `${kind === 'deadlock' ? 'deadlock' : 'hang'}: ${parts.join('; ')}`;
}
