// Uncaught exceptions: CPython-format tracebacks on sys.stderr (chained exceptions, the
// "Did you mean" suggestions of 3.11), SystemExit handling. Printing runs as a native
// frame ('vm.excepthook') because str(exc) may call Python code.

import { PyValue, PyType } from './objects';
import { PyDict } from './dict';
import { PyModule } from './function';
import { E, PyBaseException, PyException, PyTraceback } from './exceptions';
import { NativeCall, type CallContext, type NativeFrame, type PyThreadState } from './frame';
import { registerNativeImpl } from './types';
import { attrInfo, strOf, isDeferred } from './protocol';
import { PyTextIO, streamWrite, streamFlush } from './stream';
import { dirOf } from './core/object';
import type { VM } from './vm';

/** Side info for NameError suggestions (best effort; not part of VM state). */
export const nameInfo = new WeakMap<PyBaseException, { varnames: string[]; globals: PyDict; builtins: PyDict }>();

/** Name of an exception type as tracebacks print it. */
export function excTypeName(t: PyType): string {
  const mod = t.ns.get('__module__');
  const m = typeof mod === 'string' ? mod : t.module;
  if (m === 'builtins' || m === '__main__') return t.qualname;
  return `${m}.${t.qualname}`;
}

/** The "  File ..., line N, in f" lines of a traceback chain. */
export function formatTraceback(vm: VM, tb: PyTraceback | null): string {
  let out = '';
  for (let e = tb; e !== null; e = e.next) {
    out += `  File "${e.code.filename}", line ${e.lineno}, in ${e.code.name}\n`;
    const src = vm.host.getSourceLine(e.code.filename, e.lineno);
    if (src !== null && src.trim() !== '') out += `    ${src.trim()}\n`;
  }
  return out;
}

/** Exceptions to print, oldest first, each with the separator that follows it. */
function chainOf(exc: PyBaseException): { exc: PyBaseException; sep: string }[] {
  const out: { exc: PyBaseException; sep: string }[] = [];
  const seen = new Set<PyBaseException>();
  let cur: PyBaseException | null = exc;
  let sep = '';
  while (cur !== null && !seen.has(cur)) {
    seen.add(cur);
    out.unshift({ exc: cur, sep });
    if (cur.cause !== null) {
      sep = '\nThe above exception was the direct cause of the following exception:\n\n';
      cur = cur.cause;
    } else if (cur.context !== null && !cur.suppressContext) {
      sep = '\nDuring handling of the above exception, another exception occurred:\n\n';
      cur = cur.context;
    } else cur = null;
  }
  return out;
}

// ------------------------------------------------------------------ suggestions (3.11)

const MOVE_COST = 2;
const CASE_COST = 1;

function levenshtein(a: string, b: string, maxCost: number): number {
  if (a === b) return 0;
  // strip common prefix/suffix
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  a = a.slice(pre);
  b = b.slice(pre);
  let suf = 0;
  while (suf < a.length && suf < b.length && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  a = a.slice(0, a.length - suf);
  b = b.slice(0, b.length - suf);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (Math.abs(a.length - b.length) * MOVE_COST > maxCost) return maxCost + 1;
  const row: number[] = [];
  for (let i = 0; i < a.length; i++) row[i] = (i + 1) * MOVE_COST;
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi]!;
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let ai = 0; ai < a.length; ai++) {
      const sub = a[ai] === code ? 0 : a[ai]!.toLowerCase() === code.toLowerCase() ? CASE_COST : MOVE_COST;
      const substitute = distance + sub;
      distance = row[ai]!;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      row[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

function suggest(names: string[], wrong: string): string | null {
  if (names.length >= 750 || wrong.length > 40) return null;
  let best: string | null = null;
  let bestDist = Infinity;
  for (const n of names) {
    if (n === wrong) continue;
    let maxDist = Math.floor(((wrong.length + n.length + 3) * MOVE_COST) / 6);
    maxDist = Math.min(maxDist, bestDist - 1);
    const d = levenshtein(wrong, n, maxDist);
    if (d > maxDist) continue;
    if (best === null || d < bestDist) {
      best = n;
      bestDist = d;
    }
  }
  return best;
}

function suggestionFor(exc: PyBaseException): string | null {
  if (exc.cls === E.NameError || exc.cls === E.UnboundLocalError) {
    const info = nameInfo.get(exc);
    const name = exc.dict?.getStr('name');
    if (!info || typeof name !== 'string') return null;
    const strs = (d: PyDict) => d.keyList().filter((k): k is string => typeof k === 'string');
    return suggest(info.varnames, name) ?? suggest(strs(info.globals), name) ?? suggest(strs(info.builtins), name);
  }
  if (exc.cls === E.AttributeError) {
    const info = attrInfo.get(exc);
    if (!info) return null;
    const names = info.obj instanceof PyModule
      ? info.obj.dict.keyList().filter((k): k is string => typeof k === 'string').sort()
      : dirOf(info.obj);
    return suggest(names, info.name);
  }
  return null;
}

// ------------------------------------------------------------------ excepthook

/** Starts printing an uncaught exception on the thread (its frame stack is empty): a
 *  native frame writes the traceback to sys.stderr, then the thread is 'died'. */
export function startExceptHook(t: PyThreadState, exc: PyBaseException): void {
  const nf: NativeFrame = {
    kind: 'native',
    impl: 'vm.excepthook',
    state: { exc, phase: 0, items: chainOf(exc), i: 0, text: '' },
    back: null,
    value: null,
    exc: null,
  };
  t.frame = nf;
  t.dying = exc;
  t.status = 'runnable';
}

function stderrOf(ctx: CallContext): PyValue {
  const sys = ctx.vm.modules.getStr('sys');
  const s = sys instanceof PyModule ? sys.dict.getStr('stderr') : undefined;
  return s === undefined ? ctx.vm.stderr : s;
}

function writeErr(ctx: CallContext, text: string): void {
  const s = stderrOf(ctx);
  const target = s instanceof PyTextIO ? s : ctx.vm.stderr;
  streamWrite(ctx.vm, target, text);
  streamFlush(ctx.vm, target);
}

registerNativeImpl('vm.excepthook', {
  resume(ctx, st, value, exc) {
    const items = st.items as { exc: PyBaseException; sep: string }[];
    if (exc) {
      // str(exc) failed: CPython prints "<exception str() failed>"
      value = '<exception str() failed>';
      st.phase = 2;
    }
    const top = st.exc as PyBaseException;
    if (top.cls.mro.includes(E.SystemExit)) {
      // SystemExit: print the code unless it is None or an int
      if (st.phase === 0) {
        const a = top.args.items;
        const code = a.length === 0 ? null : a.length === 1 ? a[0]! : top.args;
        if (code === null || typeof code === 'number' || typeof code === 'bigint' || typeof code === 'boolean') return null;
        st.phase = 10;
        const r = strOf(ctx, code);
        if (isDeferred(r)) return r;
        value = r;
      }
      writeErr(ctx, `${value as string}\n`);
      return null;
    }
    for (;;) {
      const i = st.i as number;
      if (i >= items.length) {
        writeErr(ctx, st.text as string);
        return null;
      }
      const it = items[i]!;
      if (st.phase === 0) {
        st.text = (st.text as string) + (it.exc.traceback !== null ? 'Traceback (most recent call last):\n' + formatTraceback(ctx.vm, it.exc.traceback) : '');
        st.phase = 1;
        const r = strOf(ctx, it.exc);
        if (isDeferred(r)) {
          st.phase = 2;
          return r instanceof NativeCall ? r : r;
        }
        value = r;
      }
      const name = excTypeName(it.exc.cls);
      let msg = value as string;
      const sug = suggestionFor(it.exc);
      if (sug !== null) msg += `. Did you mean: '${sug}'?`;
      st.text = (st.text as string) + (msg === '' ? `${name}\n` : `${name}: ${msg}\n`) + it.sep;
      st.i = i + 1;
      st.phase = 0;
    }
  },
});

/** The process exit status for a thread that died with `exc` (SystemExit's code, else 1). */
export function exitStatusOf(exc: PyBaseException): number {
  if (exc.cls === E.SystemExit || exc.cls.mro.includes(E.SystemExit)) {
    const a = exc.args.items;
    const code = a.length === 0 ? null : a.length === 1 ? a[0]! : exc.args;
    if (code === null) return 0;
    if (typeof code === 'number') return code & 0xff;
    if (typeof code === 'boolean') return code ? 1 : 0;
    if (typeof code === 'bigint') return Number(BigInt.asUintN(8, code));
    return 1;
  }
  // an uncaught KeyboardInterrupt kills the process with SIGINT (a shell shows 130)
  if (exc.cls.mro.includes(E.KeyboardInterrupt)) return 130;
  return 1;
}

/** A plain-text rendering without calling Python (for diagnostics). */
export function formatExceptionPlain(vm: VM, exc: PyBaseException): string {
  let out = '';
  for (const it of chainOf(exc)) {
    if (it.exc.traceback) out += 'Traceback (most recent call last):\n' + formatTraceback(vm, it.exc.traceback);
    const a = it.exc.args.items;
    const msg = a.length === 1 && typeof a[0] === 'string' ? a[0] : a.length === 0 ? '' : String(a[0]);
    out += (msg === '' ? excTypeName(it.exc.cls) : `${excTypeName(it.exc.cls)}: ${msg}`) + '\n' + it.sep;
  }
  return out;
}

export { PyException };
