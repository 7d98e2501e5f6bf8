/**
 * Human-readable descriptions of events (tooltips, banners) and their source locations.
 * Pure.
 */
import { assertUnreachable, objLabel, type Loc, type TraceEvent, type WaitEdge } from '../src/trace/format';
import { formatDuration } from './viewport';

export interface Description {
  title: string;
  lines: string[];
  loc?: Loc;
}

const short = (s: string, n = 120): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const showText = (s: string): string => JSON.stringify(short(s));

/** Source location an event points at (for revealSource), when it has one. */
export function eventLoc(e: TraceEvent, file: string): Loc | undefined {
  switch (e.kind) {
    case 'thread.state': case 'process.fork': case 'thread.start': case 'sync.op': case 'signal.send':
    case 'signal.handler.enter': case 'ipc.send': case 'ipc.recv':
      return e.loc ?? (e.kind === 'thread.state' && e.on?.line ? { file, line: e.on.line } : undefined);
    case 'deadlock': return e.cycle[0]?.loc;
    case 'hang': return e.waiters[0]?.loc;
    default: return undefined;
  }
}

export function waitEdgeText(w: WaitEdge): string {
  const holder = w.waitsFor.holder ? ` held by ${w.waitsFor.holder}` : '';
  const at = w.loc ? ` (line ${w.loc.line})` : '';
  return `${w.threadName ?? w.thread} waits for ${w.waitsFor.kind} ${objLabel(w.waitsFor)}${holder}${at}`;
}

export function describe(e: TraceEvent, file: string): Description {
  const at = `t = ${formatDuration(e.t)} · #${e.seq}`;
  const d = (title: string, ...lines: (string | undefined)[]): Description => ({
    title, lines: [...lines.filter((l): l is string => !!l), at], loc: eventLoc(e, file),
  });
  switch (e.kind) {
    case 'run.start': return d(`run ${e.file}`, e.seed !== undefined ? `seed ${e.seed}` : undefined);
    case 'run.end': return d(`run ended: ${e.outcome}`, `exit code ${e.exitCode}`);
    case 'process.start': return d(`process ${e.pid} started`, e.name, `parent ${e.ppid}`);
    case 'process.fork': return d(`fork: ${e.pid} → ${e.child}`, `by thread ${e.tid}`);
    case 'process.state': return d(`process ${e.pid}: ${e.state}`);
    case 'process.exit':
      return d(`process ${e.pid} exited`, e.signal ? `killed by ${e.signal.sig}` : `status ${e.status}`, e.immediate ? 'os._exit (no flush)' : undefined);
    case 'process.zombie': return d(`process ${e.pid} is a zombie`, `until parent ${e.ppid} reaps it`);
    case 'process.reap': return d(`process ${e.pid} reaped ${e.child}`, `status ${e.status}`, e.auto ? 'automatic (SIGCHLD ignored)' : undefined);
    case 'process.reparent': return d(`process ${e.pid} re-parented`, `${e.from} → ${e.to}`);
    case 'thread.start': return d(`thread ${e.name} started`, `${e.tid}${e.daemon ? ' · daemon' : ''}`, e.forkedFrom ? `copy of ${e.forkedFrom} (fork)` : undefined);
    case 'thread.exit': return d(`thread ${e.tid} finished`, e.exception ? `uncaught ${e.exception}` : undefined);
    case 'thread.rename': return d(`thread ${e.tid} renamed`, e.name);
    case 'thread.state':
      return d(e.state === 'blocked' && e.on ? `blocked on ${e.on.kind} ${objLabel(e.on)}` : e.state === 'ready' ? 'ready (waiting for the GIL)' : 'running',
        `${e.tid}`, e.on ? `${e.on.id}${e.on.line ? `, created line ${e.on.line}` : ''}` : undefined,
        e.loc ? `line ${e.loc.line}` : undefined);
    case 'gil.request': return d(`${e.tid} requests the GIL`);
    case 'gil.acquire': return d(`${e.tid} takes the GIL`, e.from ? `from ${e.from}` : undefined);
    case 'gil.release': return d(`${e.tid} releases the GIL`, `reason: ${e.reason}`);
    case 'gil.drop': return d(`${e.tid} forced to drop the GIL`, 'switch interval expired', e.to ? `for ${e.to}` : undefined);
    case 'sync.op':
      return d(`${e.op} ${e.object.kind} ${objLabel(e.object)}`, `${e.tid}${e.ok === false ? ' · failed' : ''}`,
        e.value !== undefined ? `value ${e.value}` : undefined, e.loc ? `line ${e.loc.line}` : undefined);
    case 'signal.send': return d(`${e.sig} sent to ${e.target}`, `source: ${e.source}${e.pid ? ` from ${e.pid}` : ''}`);
    case 'signal.pend': return d(`${e.sig} pending in ${e.pid}`);
    case 'signal.deliver': return d(`${e.sig} delivered to ${e.pid}`, `→ ${e.disposition}`);
    case 'signal.handler.enter': return d(`handler ${e.handler}(${e.sig})`, `on ${e.tid}`);
    case 'signal.handler.exit': return d(`handler for ${e.sig} returned`, e.raised ? `raised ${e.raised}` : undefined);
    case 'signal.default': return d(`${e.sig}: default action`, e.action);
    case 'ipc.send': return d(`send on ${e.channel.kind} ${e.channel.name ?? e.channel.id}`, e.preview, e.bytes !== undefined ? `${e.bytes} bytes` : undefined);
    case 'ipc.recv': return d(`receive on ${e.channel.kind} ${e.channel.name ?? e.channel.id}`, e.preview, e.bytes !== undefined ? `${e.bytes} bytes` : undefined);
    case 'io.write': return d(`${e.stream} write (${e.tid})`, showText(e.text));
    case 'io.flush': return d(`${e.stream} flushed (${e.reason})`, showText(e.text));
    case 'io.dup': return d(`${e.stream} buffer copied by fork`, `from ${e.parent}: ${showText(e.text)}`, 'this text will appear twice');
    case 'io.lost': return d(`${e.stream} buffer lost`, showText(e.text));
    case 'deadlock': return d('deadlock', ...e.cycle.map(waitEdgeText));
    case 'hang': return d('hang: nothing can run', ...e.waiters.map(waitEdgeText));
    default: return assertUnreachable(e, 'event');
  }
}
