// The traceback module: formatting and printing exceptions in CPython's format, on the
// VM's traceback renderer (src/sim/vm/traceback.ts).

import { PyValue, PyList } from '../vm/objects';
import { PyModule } from '../vm/function';
import { PyBaseException, PyTraceback, E, pyErr } from '../vm/exceptions';
import { makeBuiltin } from '../vm/types';
import { parseArgs } from '../vm/args';
import { lookupType, typeName } from '../vm/protocol';
import { PyTextIO, streamWrite, streamFlush } from '../vm/stream';
import { formatExceptionPlain, formatTraceback, excTypeName } from '../vm/traceback';
import { newModule, type VM } from '../vm/vm';
import type { CallContext } from '../vm/frame';
import { NativeCall, NativeFrameStart } from '../vm/frame';

function fn(name: string, f: import('../vm/frame').NativeFn) {
  return makeBuiltin(`traceback.${name}`, name, f, 'function', null, 'traceback');
}

function stderrOf(ctx: CallContext): PyValue {
  const sys = ctx.vm.modules.getStr('sys');
  const s = sys instanceof PyModule ? sys.dict.getStr('stderr') : undefined;
  return s === undefined ? ctx.vm.stderr : s;
}

/** Writes text to a file object: the VM's streams directly, anything else via write(). */
function writeTo(ctx: CallContext, file: PyValue, text: string): PyValue | NativeFrameStart {
  if (file instanceof PyTextIO) {
    streamWrite(ctx.vm, file, text);
    if (file.stream === 'stderr') streamFlush(ctx.vm, file);
    return null;
  }
  const w = file !== null && typeof file === 'object' ? lookupType(file.cls, 'write') : undefined;
  if (w === undefined || w === null) throw pyErr(E.AttributeError, `'${typeName(file)}' object has no attribute 'write'`);
  return new NativeFrameStart('lib.call', { callee: w, args: [file, text], kwnames: null, phase: 0 });
}

function excOf(v: PyValue | undefined): PyBaseException | null {
  return v instanceof PyBaseException ? v : null;
}

function formatExc(ctx: CallContext, exc: PyBaseException | null): string {
  if (exc === null) return 'NoneType: None\n';
  return formatExceptionPlain(ctx.vm, exc);
}

function splitLines(text: string): PyList {
  const out: PyValue[] = [];
  const re = /[^\n]*\n|[^\n]+$/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m[0] !== '') out.push(m[0]);
  return new PyList(out);
}

const printExc = fn('print_exc', (ctx, args, kw) => {
  const p = parseArgs('print_exc', args, kw, { names: ['limit', 'file', 'chain'], required: 0 });
  const file = p.values[1] === undefined || p.values[1] === null ? stderrOf(ctx) : p.values[1]!;
  return writeTo(ctx, file, formatExc(ctx, ctx.thread.excInfo));
});

const formatExcFn = fn('format_exc', (ctx, args, kw) => {
  parseArgs('format_exc', args, kw, { names: ['limit', 'chain'], required: 0 });
  return formatExc(ctx, ctx.thread.excInfo);
});

/** print_exception(exc) / print_exception(type, value, tb) */
const printException = fn('print_exception', (ctx, args, kw) => {
  const p = parseArgs('print_exception', args, kw, { names: ['exc', 'value', 'tb', 'limit', 'file', 'chain'], required: 1 });
  const exc = excOf(p.values[1] ?? null) ?? excOf(p.values[0]!);
  const file = p.values[4] === undefined || p.values[4] === null ? stderrOf(ctx) : p.values[4]!;
  return writeTo(ctx, file, formatExc(ctx, exc));
});

const formatException = fn('format_exception', (ctx, args, kw) => {
  const p = parseArgs('format_exception', args, kw, { names: ['exc', 'value', 'tb', 'limit', 'chain'], required: 1 });
  const exc = excOf(p.values[1] ?? null) ?? excOf(p.values[0]!);
  return splitLines(formatExc(ctx, exc));
});

const formatExceptionOnly = fn('format_exception_only', (_ctx, args, kw) => {
  const p = parseArgs('format_exception_only', args, kw, { names: ['exc', 'value'], required: 1 });
  const exc = excOf(p.values[1] ?? null) ?? excOf(p.values[0]!);
  if (exc === null) return new PyList(['NoneType: None\n']);
  const a = exc.args.items;
  const msg = a.length === 1 && typeof a[0] === 'string' ? a[0] : a.length === 0 ? '' : String(a[0]);
  const name = excTypeName(exc.cls);
  return new PyList([msg === '' ? `${name}\n` : `${name}: ${msg}\n`]);
});

const formatTb = fn('format_tb', (ctx, args, kw) => {
  const p = parseArgs('format_tb', args, kw, { names: ['tb', 'limit'], required: 1 });
  const tb = p.values[0];
  return splitLines(tb instanceof PyTraceback ? formatTraceback(ctx.vm, tb) : '');
});

const printTb = fn('print_tb', (ctx, args, kw) => {
  const p = parseArgs('print_tb', args, kw, { names: ['tb', 'limit', 'file'], required: 1 });
  const tb = p.values[0];
  const file = p.values[2] === undefined || p.values[2] === null ? stderrOf(ctx) : p.values[2]!;
  return writeTo(ctx, file, tb instanceof PyTraceback ? formatTraceback(ctx.vm, tb) : '');
});

export function initTraceback(vm: VM): PyModule {
  return newModule(vm, 'traceback', {
    print_exc: printExc,
    format_exc: formatExcFn,
    print_exception: printException,
    format_exception: formatException,
    format_exception_only: formatExceptionOnly,
    format_tb: formatTb,
    print_tb: printTb,
  });
}

void NativeCall;
