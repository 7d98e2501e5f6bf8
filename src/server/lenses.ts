// CodeLens from the AST: where a file starts threads or processes, which functions they
// run, and where it installs signal handlers, pauses or sets alarms. `findSites` walks the
// module once (pure, no LSP types); `buildLenses` turns the sites — and, while a session is
// live, its threads — into lenses with titles and command arguments.
import type { CodeLens } from 'vscode-languageserver';
import type { Expr, Loc, Module, Stmt } from '../sim/syntax/ast';
import type { CommandArgs, SessionState, ThreadInfo } from '../protocol/session';
import { ClientCommand } from '../protocol/session';

export interface CreationSite {
  kind: 'thread' | 'process' | 'fork' | 'subclass';
  /** 1-based line and 0-based column of the call (or the class statement) */
  line: number;
  col: number;
  /** the `target=` function name, or for a subclass its class name */
  target?: string;
  /** the `name=` string, when a constant */
  name?: string;
  /** for instantiations of a Thread/Process subclass: the class name */
  cls?: string;
}

export interface TargetSite {
  /** function name */
  name: string;
  line: number;
  col: number;
  /** the creation sites that run it */
  kind: 'thread' | 'process';
}

export interface SignalSite {
  line: number;
  col: number;
  call: 'signal' | 'pause' | 'alarm';
  /** signals worth offering on this line, first is the default */
  signals: string[];
}

export interface Sites {
  /** the file uses threading, multiprocessing, os.fork or signal */
  concurrency: boolean;
  creations: CreationSite[];
  targets: TargetSite[];
  signals: SignalSite[];
}

/** Linux signal numbers, for `signal.signal(2, h)`. */
const SIGNAL_NUMBERS: Record<number, string> = {
  1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 6: 'SIGABRT', 9: 'SIGKILL', 10: 'SIGUSR1', 12: 'SIGUSR2',
  13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM', 17: 'SIGCHLD', 18: 'SIGCONT', 19: 'SIGSTOP', 20: 'SIGTSTP',
};

const CONCURRENCY_MODULES = ['threading', 'multiprocessing', 'signal', '_thread', 'concurrent'];
const THREAD_CLASSES = new Set(['threading.Thread', 'threading.Timer']);
const PROCESS_CLASSES = new Set(['multiprocessing.Process', 'multiprocessing.context.Process']);

type Node = Stmt | Expr;

const isConcurrencyClass = (q: string | null): boolean => q !== null && (THREAD_CLASSES.has(q) || PROCESS_CLASSES.has(q));

/** Calls `visit` on every statement and expression of `root`, in source order. */
export function walk(root: unknown, visit: (node: Node) => void): void {
  const go = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const item of x) go(item);
      return;
    }
    if (typeof x !== 'object' || x === null) return;
    const rec = x as Record<string, unknown>;
    if (typeof rec.kind === 'string' && typeof rec.loc === 'object') visit(x as Node);
    for (const key in rec) {
      if (key === 'loc') continue;
      const v = rec[key];
      if (typeof v === 'object' && v !== null) go(v);
    }
  };
  go(root);
}

/** Import aliases: which local names stand for which modules or module members. */
class Scope {
  private readonly names = new Map<string, string>();

  addImport(name: string, asname: string | null): void {
    // `import a.b` binds `a`; `import a.b as c` binds c to a.b
    if (asname) this.names.set(asname, name);
    else this.names.set(name.split('.')[0]!, name.split('.')[0]!);
  }

  addFrom(module: string, name: string, asname: string | null): void {
    if (name === '*') return;
    this.names.set(asname ?? name, `${module}.${name}`);
  }

  /** A dotted name for a Name/Attribute chain, resolved through imports ("threading.Thread"). */
  qualify(e: Expr): string | null {
    if (e.kind === 'Name') return this.names.get(e.id) ?? null;
    if (e.kind === 'Attribute') {
      const base = this.qualify(e.value);
      return base ? `${base}.${e.attr}` : null;
    }
    return null;
  }

  usesModule(prefixes: readonly string[]): boolean {
    for (const q of this.names.values()) if (prefixes.includes(q.split('.')[0]!)) return true;
    return false;
  }
}

function keyword(call: Extract<Expr, { kind: 'Call' }>, name: string): Expr | undefined {
  return call.keywords.find((k) => k.arg === name)?.value;
}

function calleeName(e: Expr | undefined): string | undefined {
  if (!e) return undefined;
  if (e.kind === 'Name') return e.id;
  if (e.kind === 'Attribute') return e.attr; // self.worker, obj.run
  return undefined;
}

function stringConstant(e: Expr | undefined): string | undefined {
  return e?.kind === 'Constant' && e.value.type === 'str' ? e.value.value : undefined;
}

function signalName(e: Expr | undefined, scope: Scope): string | undefined {
  if (!e) return undefined;
  if (e.kind === 'Constant' && e.value.type === 'int') return SIGNAL_NUMBERS[Number(e.value.value)];
  const q = scope.qualify(e);
  const last = q?.split('.').pop() ?? (e.kind === 'Name' ? e.id : e.kind === 'Attribute' ? e.attr : undefined);
  return last && /^SIG[A-Z0-9]+$/.test(last) && !last.startsWith('SIG_') ? last : undefined;
}

/** Finds the concurrency sites of a module. */
export function findSites(mod: Module): Sites {
  const scope = new Scope();
  const stmts: Stmt[] = [];
  const calls: Extract<Expr, { kind: 'Call' }>[] = [];
  walk(mod.body, (n) => {
    if (n.kind === 'Import') for (const a of n.names) scope.addImport(a.name, a.asname);
    else if (n.kind === 'ImportFrom' && n.module && n.level === 0) for (const a of n.names) scope.addFrom(n.module, a.name, a.asname);
    if (n.kind === 'Call') calls.push(n);
    else if (n.kind === 'FunctionDef' || n.kind === 'ClassDef') stmts.push(n);
  });

  // Classes deriving (directly or through another local class) from Thread or Process.
  const subclasses = new Map<string, { kind: 'thread' | 'process'; loc: Loc; runLine?: Loc }>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of stmts) {
      if (s.kind !== 'ClassDef' || subclasses.has(s.name)) continue;
      for (const b of s.bases) {
        const q = scope.qualify(b);
        const local = b.kind === 'Name' ? subclasses.get(b.id) : undefined;
        const kind = q && THREAD_CLASSES.has(q) ? 'thread' : q && PROCESS_CLASSES.has(q) ? 'process' : local?.kind;
        if (!kind) continue;
        const run = s.body.find((m) => m.kind === 'FunctionDef' && m.name === 'run');
        subclasses.set(s.name, { kind, loc: s.loc, runLine: run?.loc });
        changed = true;
        break;
      }
    }
  }

  const creations: CreationSite[] = [];
  const signals: SignalSite[] = [];
  const handled: string[] = [];
  const targetNames = new Map<string, 'thread' | 'process'>();
  let usesFork = false;
  const pending: { call: Extract<Expr, { kind: 'Call' }>; what: 'pause' | 'alarm' }[] = [];

  for (const call of calls) {
    const q = scope.qualify(call.func);
    const at = { line: call.loc.line, col: call.loc.col };
    if (q && (THREAD_CLASSES.has(q) || PROCESS_CLASSES.has(q))) {
      const kind = THREAD_CLASSES.has(q) ? 'thread' : 'process';
      const targetExpr = keyword(call, q === 'threading.Timer' ? 'function' : 'target') ?? (q === 'threading.Timer' ? call.args[1] : undefined);
      const target = calleeName(targetExpr);
      if (target) targetNames.set(target, kind);
      creations.push({ kind, ...at, target, name: stringConstant(keyword(call, 'name')) });
    } else if (q === 'multiprocessing.Pool' || q === 'multiprocessing.pool.Pool') {
      creations.push({ kind: 'process', ...at, name: 'Pool worker' });
    } else if (q === 'os.fork' || q === 'os.forkpty') {
      usesFork = true;
      creations.push({ kind: 'fork', ...at });
    } else if (call.func.kind === 'Name' && subclasses.has(call.func.id)) {
      const sub = subclasses.get(call.func.id)!;
      creations.push({ kind: sub.kind, ...at, cls: call.func.id, name: stringConstant(keyword(call, 'name')) });
    } else if (call.args.some((a) => isConcurrencyClass(scope.qualify(a)))) {
      // The class passed as a value, e.g. parallel(threading.Thread, work, ()): the call
      // creates threads/processes; the function passed next to it is their target.
      const i = call.args.findIndex((a) => isConcurrencyClass(scope.qualify(a)));
      const kind = THREAD_CLASSES.has(scope.qualify(call.args[i]!)!) ? 'thread' : 'process';
      const target = call.args.slice(i + 1).map((a) => (a.kind === 'Name' ? a.id : undefined)).find((n) => n !== undefined);
      if (target) targetNames.set(target, kind);
      creations.push({ kind, ...at, target });
    } else if (q === 'signal.signal') {
      const sig = signalName(call.args[0], scope);
      if (sig) {
        if (!handled.includes(sig)) handled.push(sig);
        signals.push({ ...at, call: 'signal', signals: [sig] });
      }
    } else if (q === 'signal.pause' || q === 'signal.alarm') {
      pending.push({ call, what: q === 'signal.pause' ? 'pause' : 'alarm' });
    }
  }
  // pause()/alarm() lines offer the signals the file handles (SIGINT when it handles none).
  const catchable = handled.filter((s) => s !== 'SIGKILL' && s !== 'SIGSTOP');
  for (const { call, what } of pending) {
    const offer = what === 'alarm' && catchable.includes('SIGALRM')
      ? ['SIGALRM', ...catchable.filter((s) => s !== 'SIGALRM')]
      : catchable.length > 0 ? catchable : ['SIGINT'];
    signals.push({ line: call.loc.line, col: call.loc.col, call: what, signals: offer.slice(0, 3) });
  }

  for (const [name, sub] of subclasses) creations.push({ kind: 'subclass', line: sub.loc.line, col: sub.loc.col, target: name });

  const targets: TargetSite[] = [];
  for (const s of stmts) {
    if (s.kind === 'FunctionDef' && targetNames.has(s.name)) targets.push({ name: s.name, line: s.loc.line, col: s.loc.col, kind: targetNames.get(s.name)! });
  }
  for (const [name, sub] of subclasses) {
    if (sub.runLine) targets.push({ name: `${name}.run`, line: sub.runLine.line, col: sub.runLine.col, kind: sub.kind });
  }

  const byPos = (a: { line: number; col: number }, b: { line: number; col: number }) => a.line - b.line || a.col - b.col;
  creations.sort(byPos);
  targets.sort(byPos);
  signals.sort(byPos);
  const concurrency = usesFork || scope.usesModule(CONCURRENCY_MODULES) || creations.length > 0 || signals.length > 0;
  return { concurrency, creations, targets, signals };
}

// ───────────── lenses ─────────────

/** The label of a creation site before any thread exists ("Thread (worker)", "Process", "child"). */
export function staticName(site: CreationSite): string {
  if (site.name) return site.name;
  if (site.kind === 'fork') return 'fork child';
  if (site.cls) return site.cls;
  const what = site.kind === 'process' ? 'Process' : site.kind === 'subclass' ? site.target ?? 'Thread' : 'Thread';
  return site.kind !== 'subclass' && site.target ? `${what} (${site.target})` : what;
}

/** "blocked on lock_a", "line 12", "ready", "exited". */
export function describeThread(t: ThreadInfo, names: ReadonlyMap<string, string> = new Map()): string {
  if (t.state === 'exited') return 'exited';
  if (t.state === 'blocked' && t.waitsFor) {
    const what = t.waitsFor.name ?? names.get(t.waitsFor.id) ?? t.waitsFor.id;
    const verb = t.waitsFor.kind === 'join' ? 'joining' : t.waitsFor.kind === 'sleep' ? 'sleeping' : 'blocked on';
    return verb === 'sleeping' ? 'sleeping' : `${verb} ${what}`;
  }
  const where = t.line !== undefined ? `line ${t.line}` : t.state;
  return t.state === 'ready' ? `ready at ${where}` : where;
}

function threadMatchesSite(t: ThreadInfo, site: CreationSite): boolean {
  if (t.main && site.kind === 'thread') return false;
  if (t.createdAt !== undefined) return t.createdAt === site.line;
  const target = site.kind === 'subclass' ? site.target : site.cls ?? site.target;
  if (!target) return false;
  if (t.target === target || t.target === `${target}.run`) return true;
  return t.name.endsWith(` (${target})`);
}

function threadMatchesTarget(t: ThreadInfo, target: TargetSite): boolean {
  if (t.target !== undefined) return t.target === target.name || t.target === target.name.replace(/\.run$/, '');
  return t.name.endsWith(` (${target.name})`);
}

function lens(line: number, col: number, title: string, command: string, args: CommandArgs): CodeLens {
  const pos = { line: Math.max(0, line - 1), character: Math.max(0, col) };
  return { range: { start: pos, end: pos }, command: { title, command, arguments: [args] } };
}

const LIVE = new Set(['paused', 'running']);

/**
 * The lenses of a file. `session` is the live session on this file, if any: with it the
 * "Step" lenses name the actual threads and their state.
 */
export function buildLenses(uri: string, sites: Sites, session?: SessionState): CodeLens[] {
  const out: CodeLens[] = [];
  if (!sites.concurrency) return out;
  const live = session && LIVE.has(session.status) ? session : undefined;
  const sessionId = session?.sessionId;
  const names = new Map((live?.threads ?? []).map((t) => [t.tid, t.name] as const));
  const describe = (t: ThreadInfo) => describeThread(t, names);

  if (live) {
    const where = live.status === 'paused' ? `paused at step ${live.steps}` : 'running';
    out.push(lens(1, 0, `▶ Continue · ${where}`, ClientCommand.continue, { uri, sessionId }));
    const main = live.threads.find((t) => t.main && t.pid === live.processes[0]?.pid);
    out.push(lens(1, 0, main ? `Step ${main.name} · ${describe(main)}` : 'Step', ClientCommand.step, { uri, sessionId, tid: main?.tid }));
    out.push(lens(1, 0, '■ Stop', ClientCommand.stop, { uri, sessionId }));
  } else {
    out.push(lens(1, 0, '▶ Run in Threadline', ClientCommand.run, { uri }));
    out.push(lens(1, 0, 'Step', ClientCommand.step, { uri }));
    out.push(lens(1, 0, 'Find deadlocks', ClientCommand.findDeadlocks, { uri }));
  }

  const claimed = new Set<string>();
  for (const site of sites.creations) {
    const threads = live ? live.threads.filter((t) => !claimed.has(t.tid) && threadMatchesSite(t, site)) : [];
    if (threads.length === 0) {
      const suffix = live ? ' · not started' : '';
      out.push(lens(site.line, site.col, `Step ${staticName(site)}${suffix}`, ClientCommand.step, { uri, sessionId }));
      continue;
    }
    for (const t of threads) {
      claimed.add(t.tid);
      out.push(lens(site.line, site.col, `Step ${t.name} · ${describe(t)}`, ClientCommand.step, { uri, sessionId, tid: t.tid }));
    }
  }
  for (const target of sites.targets) {
    const threads = live ? live.threads.filter((t) => !t.main && threadMatchesTarget(t, target)) : [];
    if (threads.length === 0) {
      const label = target.kind === 'process' ? 'Process' : 'Thread';
      out.push(lens(target.line, target.col, `Step ${label} (${target.name.replace(/\.run$/, '')})${live ? ' · not started' : ''}`, ClientCommand.step, { uri, sessionId }));
      continue;
    }
    for (const t of threads) out.push(lens(target.line, target.col, `Step ${t.name} · ${describe(t)}`, ClientCommand.step, { uri, sessionId, tid: t.tid }));
  }
  for (const s of sites.signals) {
    for (const sig of s.signals) out.push(lens(s.line, s.col, `Send ${sig}`, ClientCommand.sendSignal, { uri, sessionId, signal: sig }));
  }
  // In source order (stable: lenses of one line keep their order).
  return out.map((l, i) => [l, i] as const).sort((a, b) => a[0].range.start.line - b[0].range.start.line || a[1] - b[1]).map(([l]) => l);
}
