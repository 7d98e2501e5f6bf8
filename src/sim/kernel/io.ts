// Program output: the standard streams' buffers of each process, as CPython's
// sys.stdout/sys.stderr keep them. `print` and `sys.stdout.write` end in the `io.write`
// syscall; the text goes into the process's buffer (trace: io.write) and leaves it
// (io.flush, and the output sink) when CPython would write it to the file descriptor:
//   stdout on a terminal: line-buffered (flush when the text contains a newline)
//   stdout on a pipe/file: block-buffered (flush when 8 KiB are pending)
//   stderr: line-buffered (Python >= 3.9, also when not a terminal)
//   flush=True / sys.stdout.flush(): io.flush syscall; normal exit: everything pending.
// Keeping the buffers in the kernel (per process) lets os.fork copy them and os._exit
// lose them (issue 6).

import type { FlushReason, Stream } from '../../trace/format';
import { emit, now, procOf, type K } from './threads';
import type { KProcess, KThread } from './types';

/** CPython's io.DEFAULT_BUFFER_SIZE. */
export const PIPE_BUFFER_BYTES = 8192;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Text leaves `p`'s buffer of `stream` and becomes visible. */
export function flushStream(k: K, p: KProcess, tid: string | null, stream: Stream, reason: FlushReason): void {
  const text = p.out[stream];
  if (text === '') return;
  p.out[stream] = '';
  const e = { t: now(k), kind: 'io.flush' as const, pid: p.pid, stream, text, reason, ...(tid !== null ? { tid } : {}) };
  emit(k, e);
  k.sinks.output?.(stream, text, p.pid);
}

/** Flushes both streams (interpreter exit). */
export function flushAll(k: K, p: KProcess, tid: string | null): void {
  flushStream(k, p, tid, 'stdout', 'exit');
  flushStream(k, p, tid, 'stderr', 'exit');
}

/** A thread writes `text` to `stream`, through the process's buffer. */
export function writeStream(k: K, t: KThread, stream: Stream, text: string, flush = false): void {
  const p = procOf(k, t);
  if (text !== '') {
    emit(k, { t: now(k), kind: 'io.write', pid: p.pid, tid: t.tid, stream, text });
    p.out[stream] += text;
  }
  const lineBuffered = stream === 'stderr' || k.s.opts.stdout === 'tty';
  if (flush) flushStream(k, p, t.tid, stream, 'explicit');
  else if (lineBuffered && (text.includes('\n') || text.includes('\r'))) flushStream(k, p, t.tid, stream, 'newline');
  else if (!lineBuffered && utf8Length(p.out[stream]) >= PIPE_BUFFER_BYTES) flushStream(k, p, t.tid, stream, 'full');
}

/** syscall io.write {stream: 'stdout'|'stderr', text, flush?} -> number of characters */
export function ioWriteSyscall(k: K, t: KThread, p: Record<string, unknown>): void {
  const stream: Stream = p.stream === 'stderr' ? 'stderr' : 'stdout';
  const text = String(p.text ?? '');
  writeStream(k, t, stream, text, p.flush === true);
  t.resume = { kind: 'value', value: text.length };
}

/** syscall io.flush {stream} -> None */
export function ioFlushSyscall(k: K, t: KThread, p: Record<string, unknown>): void {
  flushStream(k, procOf(k, t), t.tid, p.stream === 'stderr' ? 'stderr' : 'stdout', 'explicit');
  t.resume = { kind: 'value', value: null };
}
