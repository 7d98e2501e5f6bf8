/**
 * Runtime validator for trace events (format v1). Used by the webview for every incoming
 * event and by tests on every simulator trace. Hand-written checks (no schema library) so
 * that a million events validate in well under a second.
 */
import {
  BLOCK_KINDS, FLUSH_REASONS, GIL_RELEASE_REASONS, IPC_CHANNEL_KINDS, PROCESS_STATES,
  RUN_OUTCOMES, SIGNAL_DEFAULT_ACTIONS, SIGNAL_SOURCES, STREAMS, SYNC_OPS, THREAD_STATES,
  TRACE_VERSION, type TraceEvent, type TraceEventKind,
} from './format';

type Obj = Record<string, unknown>;
/** returns an error message or undefined */
type Check = (o: Obj) => string | undefined;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const isNat = (x: unknown): x is number => isInt(x) && x >= 0;
const isStr = (x: unknown): x is string => typeof x === 'string';

function req(o: Obj, f: string, pred: (x: unknown) => boolean, what: string): string | undefined {
  return pred(o[f]) ? undefined : `${f}: expected ${what}`;
}
function opt(o: Obj, f: string, pred: (x: unknown) => boolean, what: string): string | undefined {
  return o[f] === undefined || pred(o[f]) ? undefined : `${f}: expected ${what}`;
}
const oneOf = (xs: readonly string[]) => (x: unknown): boolean => isStr(x) && xs.includes(x);
const isTid = (x: unknown): boolean => isStr(x) && x.length > 0;
const isLoc = (x: unknown): boolean => isObj(x) && isStr(x.file) && isInt(x.line);
const isObjRef = (x: unknown): boolean =>
  isObj(x) && oneOf(BLOCK_KINDS)(x.kind) && isStr(x.id) &&
  (x.name === undefined || isStr(x.name)) && (x.line === undefined || isInt(x.line));
const isChannel = (x: unknown): boolean =>
  isObj(x) && isStr(x.id) && oneOf(IPC_CHANNEL_KINDS)(x.kind) && (x.name === undefined || isStr(x.name));
const isStrArray = (x: unknown): boolean => Array.isArray(x) && x.every(isStr);
const isWaitEdge = (x: unknown): boolean =>
  isObj(x) && isNat(x.pid) && isTid(x.thread) && (x.threadName === undefined || isStr(x.threadName)) &&
  (x.holds === undefined || (Array.isArray(x.holds) && x.holds.every(isObjRef))) &&
  isObjRef(x.waitsFor) && (!isObj(x.waitsFor) || x.waitsFor.holder === undefined || isTid(x.waitsFor.holder)) &&
  (x.loc === undefined || isLoc(x.loc));
const isWaitEdges = (x: unknown): boolean => Array.isArray(x) && x.every(isWaitEdge);
const isSignalInfo = (x: unknown): boolean => isObj(x) && isInt(x.signum) && isStr(x.sig);

function all(...checks: Check[]): Check {
  return (o) => {
    for (const c of checks) {
      const e = c(o);
      if (e !== undefined) return e;
    }
    return undefined;
  };
}
const pid: Check = (o) => req(o, 'pid', isNat, 'pid (integer >= 0)');
const tid: Check = (o) => req(o, 'tid', isTid, 'thread id');
const optTid: Check = (o) => opt(o, 'tid', isTid, 'thread id');
const loc: Check = (o) => opt(o, 'loc', isLoc, '{file, line}');
const thread = all(pid, tid);
const signal: Check = all(pid, (o) => req(o, 'signum', isInt, 'signal number'), (o) => req(o, 'sig', isStr, 'signal name'));
const stream: Check = (o) => req(o, 'stream', oneOf(STREAMS), 'stdout|stderr');
const text: Check = (o) => req(o, 'text', isStr, 'string');

/** One check per kind; the Record type makes the table exhaustive over TraceEventKind. */
const CHECKS: Record<TraceEventKind, Check> = {
  'run.start': all(
    (o) => (o.version === TRACE_VERSION ? undefined : `version: expected ${TRACE_VERSION}`),
    (o) => req(o, 'file', isStr, 'string'),
    (o) => opt(o, 'seed', isInt, 'integer'),
    (o) => opt(o, 'switchMode', oneOf(['cpython', 'instruction']), 'cpython|instruction'),
    (o) => opt(o, 'cores', isNat, 'integer'),
    (o) => opt(o, 'stdout', oneOf(['tty', 'pipe']), 'tty|pipe'),
  ),
  'run.end': all((o) => req(o, 'outcome', oneOf(RUN_OUTCOMES), 'run outcome'), (o) => req(o, 'exitCode', isInt, 'integer')),
  'process.start': all(pid, (o) => req(o, 'ppid', isNat, 'pid'), (o) => req(o, 'name', isStr, 'string'),
    (o) => opt(o, 'argv', isStrArray, 'string[]')),
  'process.fork': all(thread, (o) => req(o, 'child', isNat, 'pid'), (o) => opt(o, 'name', isStr, 'string'), loc),
  'process.state': all(pid, (o) => req(o, 'state', oneOf(PROCESS_STATES), 'R|S|T|Z')),
  'process.exit': all(pid, (o) => (o.status === null || isInt(o.status) ? undefined : 'status: expected integer or null'),
    (o) => opt(o, 'signal', isSignalInfo, '{signum, sig}'), (o) => opt(o, 'immediate', (x) => typeof x === 'boolean', 'boolean')),
  'process.zombie': all(pid, (o) => req(o, 'ppid', isNat, 'pid')),
  'process.reap': all(pid, optTid, (o) => req(o, 'child', isNat, 'pid'),
    (o) => (o.status === null || isInt(o.status) ? undefined : 'status: expected integer or null'),
    (o) => opt(o, 'auto', (x) => typeof x === 'boolean', 'boolean')),
  'process.reparent': all(pid, (o) => req(o, 'from', isNat, 'pid'), (o) => req(o, 'to', isNat, 'pid')),
  'thread.start': all(thread, (o) => req(o, 'name', isStr, 'string'), (o) => req(o, 'daemon', (x) => typeof x === 'boolean', 'boolean'),
    (o) => req(o, 'main', (x) => typeof x === 'boolean', 'boolean'), (o) => opt(o, 'parent', isTid, 'thread id'),
    (o) => opt(o, 'forkedFrom', isTid, 'thread id'), loc),
  'thread.exit': all(thread, (o) => opt(o, 'exception', isStr, 'string')),
  'thread.rename': all(thread, (o) => req(o, 'name', isStr, 'string')),
  'thread.state': all(thread, (o) => req(o, 'state', oneOf(THREAD_STATES), 'running|ready|blocked'),
    (o) => (o.state === 'blocked' ? req(o, 'on', isObjRef, 'blocking object {kind, id}') : opt(o, 'on', isObjRef, '{kind, id}')), loc),
  'gil.request': thread,
  'gil.acquire': all(thread, (o) => opt(o, 'from', isTid, 'thread id')),
  'gil.release': all(thread, (o) => req(o, 'reason', oneOf(GIL_RELEASE_REASONS), 'blocking|exit|voluntary')),
  'gil.drop': all(thread, (o) => opt(o, 'to', isTid, 'thread id')),
  'sync.op': all(thread, (o) => req(o, 'object', isObjRef, '{kind, id}'), (o) => req(o, 'op', oneOf(SYNC_OPS), 'sync op'),
    (o) => opt(o, 'ok', (x) => typeof x === 'boolean', 'boolean'), (o) => opt(o, 'value', isInt, 'integer'),
    (o) => opt(o, 'msgId', isStr, 'string'), loc),
  'signal.send': all(signal, optTid, (o) => req(o, 'target', isNat, 'pid'), (o) => req(o, 'source', oneOf(SIGNAL_SOURCES), 'signal source'), loc),
  'signal.pend': signal,
  'signal.deliver': all(signal, optTid, (o) => req(o, 'disposition', oneOf(['handler', 'default', 'ignore']), 'handler|default|ignore')),
  'signal.handler.enter': all(signal, tid, (o) => req(o, 'handler', isStr, 'string'), loc),
  'signal.handler.exit': all(signal, tid, (o) => opt(o, 'raised', isStr, 'string')),
  'signal.default': all(signal, (o) => req(o, 'action', oneOf(SIGNAL_DEFAULT_ACTIONS), 'default action')),
  'ipc.send': all(thread, (o) => req(o, 'channel', isChannel, '{id, kind}'), (o) => req(o, 'msgId', isStr, 'string'),
    (o) => opt(o, 'bytes', isNat, 'integer'), (o) => opt(o, 'preview', isStr, 'string'), loc),
  'ipc.recv': all(thread, (o) => req(o, 'channel', isChannel, '{id, kind}'), (o) => req(o, 'msgId', isStr, 'string'),
    (o) => opt(o, 'more', isStrArray, 'string[]'), (o) => opt(o, 'bytes', isNat, 'integer'), (o) => opt(o, 'preview', isStr, 'string'), loc),
  'io.write': all(thread, stream, text),
  'io.flush': all(pid, optTid, stream, text, (o) => req(o, 'reason', oneOf(FLUSH_REASONS), 'flush reason')),
  'io.dup': all(pid, (o) => req(o, 'parent', isNat, 'pid'), stream, text),
  'io.lost': all(pid, stream, text),
  deadlock: (o) => req(o, 'cycle', (x) => isWaitEdges(x) && (x as unknown[]).length > 0, 'non-empty list of wait edges'),
  hang: (o) => req(o, 'waiters', isWaitEdges, 'list of wait edges'),
};

/** Validates one event: returns it typed, or a message saying what is wrong. */
export function validateTraceEvent(x: unknown): TraceEvent | string {
  if (!isObj(x)) return 'event: expected an object';
  const kind = x.kind;
  if (!isStr(kind) || !Object.prototype.hasOwnProperty.call(CHECKS, kind)) return `kind: unknown ${JSON.stringify(kind)}`;
  if (!isNat(x.seq)) return `${kind}: seq: expected integer >= 0`;
  if (!isNat(x.t)) return `${kind}: t: expected integer ns >= 0`;
  const err = CHECKS[kind as TraceEventKind](x);
  return err === undefined ? (x as unknown as TraceEvent) : `${kind} #${x.seq}: ${err}`;
}

/** Validates a whole trace: every event, seq strictly increasing, t non-decreasing.
 * Returns the list of problems (empty when valid). */
export function validateTrace(events: readonly unknown[]): string[] {
  const problems: string[] = [];
  let lastSeq = -1;
  let lastT = 0;
  for (const x of events) {
    const r = validateTraceEvent(x);
    if (typeof r === 'string') { problems.push(r); continue; }
    if (r.seq <= lastSeq) problems.push(`${r.kind} #${r.seq}: seq not increasing (after ${lastSeq})`);
    if (r.t < lastT) problems.push(`${r.kind} #${r.seq}: t ${r.t} < previous ${lastT}`);
    lastSeq = r.seq;
    lastT = Math.max(lastT, r.t);
  }
  return problems;
}
