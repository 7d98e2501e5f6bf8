// sys.stdout / sys.stderr: Python-visible text streams whose buffer is VM data (so fork
// copies unflushed output, and os._exit loses it). Flushing hands text to the host.
//
// CPython 3.11: stdout is line-buffered on a terminal and block-buffered (8 KiB) on a pipe
// or file; stderr is line-buffered in both cases.

import { PyObject, PyValue, objectType } from './objects';
import { newBuiltinType, defineMethods, defineGetters, registerClass } from './types';
import { E, pyErr } from './exceptions';
import type { VM } from './vm';
import type { CallContext } from './frame';
import { parseArgs } from './args';
import { typeName } from './protocol';

export const textIOType = newBuiltinType('TextIOWrapper', [objectType], '_io', { baseable: false });

export const BLOCK_SIZE = 8192;

export class PyTextIO extends PyObject {
  buffer = '';
  /** UTF-8 byte length of `buffer`. */
  bufferBytes = 0;
  closed = false;
  constructor(
    readonly stream: 'stdout' | 'stderr',
    public lineBuffered: boolean,
    readonly fd: number,
    readonly isTty: boolean,
  ) {
    super(textIOType);
  }
}
registerClass('PyTextIO', PyTextIO);

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Writes text to a stream with CPython's buffering. */
export function streamWrite(vm: VM, s: PyTextIO, text: string): void {
  if (s.closed) throw pyErr(E.ValueError, 'I/O operation on closed file.');
  if (text.length === 0) return;
  if (s.lineBuffered) {
    s.buffer += text;
    s.bufferBytes += utf8Length(text);
    if (text.includes('\n') || text.includes('\r')) streamFlush(vm, s);
    else if (s.bufferBytes >= BLOCK_SIZE) streamFlush(vm, s);
    return;
  }
  const n = utf8Length(text);
  if (s.bufferBytes + n > BLOCK_SIZE) {
    streamFlush(vm, s);
    if (n >= BLOCK_SIZE) {
      vm.emit(s.stream, text);
      return;
    }
  }
  s.buffer += text;
  s.bufferBytes += n;
}

export function streamFlush(vm: VM, s: PyTextIO): void {
  if (s.buffer.length === 0) return;
  const text = s.buffer;
  s.buffer = '';
  s.bufferBytes = 0;
  vm.emit(s.stream, text);
}

defineMethods(textIOType, {
  write(ctx: CallContext, args: PyValue[], kwnames: string[] | null) {
    const a = parseArgs('write', args.slice(1), kwnames, { names: ['s'], posOnly: true });
    const text = a.values[0];
    if (typeof text !== 'string') throw pyErr(E.TypeError, `write() argument must be str, not ${typeName(text ?? null)}`);
    streamWrite(ctx.vm, args[0] as PyTextIO, text);
    return text.length;
  },
  flush(ctx: CallContext, args: PyValue[]) {
    streamFlush(ctx.vm, args[0] as PyTextIO);
    return null;
  },
  fileno(_ctx: CallContext, args: PyValue[]) {
    return (args[0] as PyTextIO).fd;
  },
  isatty(_ctx: CallContext, args: PyValue[]) {
    return (args[0] as PyTextIO).isTty;
  },
  writable() {
    return true;
  },
  readable() {
    return false;
  },
  close(ctx: CallContext, args: PyValue[]) {
    const s = args[0] as PyTextIO;
    streamFlush(ctx.vm, s);
    s.closed = true;
    return null;
  },
  __repr__(_ctx: CallContext, args: PyValue[]) {
    const s = args[0] as PyTextIO;
    return `<_io.TextIOWrapper name='<${s.stream}>' mode='w' encoding='utf-8'>`;
  },
});
defineGetters(textIOType, {
  name: (_ctx, self) => `<${(self as PyTextIO).stream}>`,
  encoding: () => 'utf-8',
  mode: () => 'w',
  closed: (_ctx, self) => (self as PyTextIO).closed,
  line_buffering: (_ctx, self) => (self as PyTextIO).lineBuffered,
});

// ------------------------------------------------------------------ stdin

import { PyIterator } from './iterators';
import { ITER_STOP, PyList, type Sentinel } from './objects';

export const stdinType = newBuiltinType('TextIOWrapper', [objectType], '_io', { baseable: false });

/** sys.stdin: lines come from the host (host.readLine); iterating yields lines with '\n'. */
export class PyStdin extends PyIterator {
  declare eof: boolean;
  constructor() {
    super(stdinType);
    this.eof = false;
  }
  next(ctx: CallContext): PyValue | Sentinel {
    const l = readLine(ctx.vm, this);
    return l === '' ? ITER_STOP : l;
  }
}
registerClass('PyStdin', PyStdin);

function readLine(vm: VM, s: PyStdin): string {
  if (s.eof) return '';
  streamFlush(vm, vm.stdout);
  const l = vm.host.readLine ? vm.host.readLine() : null;
  if (l === null) {
    s.eof = true;
    return '';
  }
  return l + '\n';
}

defineMethods(stdinType, {
  readline: (ctx, args) => readLine(ctx.vm, args[0] as PyStdin),
  readlines(ctx, args) {
    const out: PyValue[] = [];
    for (let l = readLine(ctx.vm, args[0] as PyStdin); l !== ''; l = readLine(ctx.vm, args[0] as PyStdin)) out.push(l);
    return new PyList(out);
  },
  read(ctx, args) {
    let out = '';
    for (let l = readLine(ctx.vm, args[0] as PyStdin); l !== ''; l = readLine(ctx.vm, args[0] as PyStdin)) out += l;
    return out;
  },
  __iter__: (_ctx, args) => args[0]!,
  __next__(ctx, args) {
    const l = readLine(ctx.vm, args[0] as PyStdin);
    if (l === '') throw pyErr(E.StopIteration);
    return l;
  },
  fileno: () => 0,
  isatty: () => false,
  readable: () => true,
  writable: () => false,
  close: () => null,
  __repr__: () => "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>",
});
defineGetters(stdinType, {
  name: () => '<stdin>',
  encoding: () => 'utf-8',
  mode: () => 'r',
  closed: () => false,
});
