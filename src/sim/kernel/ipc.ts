// Inter-process communication (issue 6): file descriptors and pipes (os.pipe, os.read,
// os.write, os.close, os.dup, os.dup2), the message pipes under multiprocessing
// Connections, and shared memory (multiprocessing Value/Array). Linux semantics:
//   - a pipe holds up to 64 KiB; read blocks while it is empty and a write end is open
//     anywhere, and returns b"" (EOF) once every write end is closed (in every process:
//     fork copies the fd table, exit closes it); a write blocks while the pipe is full and
//     fails with EPIPE (BrokenPipeError: CPython ignores SIGPIPE) once every read end is
//     closed;
//   - descriptors are per process: the lowest free number >= 3 (0-2: the standard streams;
//     writing to 1 or 2 goes to the output unbuffered).
// A pipe carries chunks: bytes (os.write) or whole messages (Connection.send, an object
// in the portable form made by the multiprocessing module). Each chunk has a message id:
// trace ipc.send/ipc.recv pair them. The wait-for graph sees a reader as waiting for the
// threads of the processes that hold a write end (a parent that keeps its write end open
// and joins the reading child deadlocks with it).
//
// Syscalls: fd.pipe {kind?} -> [r, w] | fd.read {fd, n} -> number[] | fd.recv {fd} ->
// message | fd.write {fd, data|obj, preview?} -> n | fd.poll {fd, timeout} -> bool |
// fd.close {fd} | fd.dup {fd} -> fd | fd.dup2 {fd, fd2} -> fd2 |
// shm.create {typecode, data} -> id | shm.get {id, start, stop?} | shm.set {id, start, values}

import type { IpcChannel, UnnumberedEvent } from '../../trace/format';
import { addTimer, secondsToNs } from './clock';
import { createRng, nextInt, type Rng } from './rng';
import { kErr, procHooks } from './process';
import { px, type FdEntry } from './proc-state';
import { SIGPIPE } from './signal-table';
import { registerCancelHook, registerInterruptible, registerTimer, sendSignal } from './signals';
import { lockAcquire, ret } from './syncops';
import { registerSyscall } from './syscalls';
import { blockThread, emit, now, procOf, removeWaiter, threadLoc, wakeThread, type K } from './threads';
import type { KProcess, KThread } from './types';
import { wfAddObject, wfSetHolders } from './waitfor';

/** Linux's default pipe capacity. */
export const PIPE_CAPACITY = 65536;

export interface PipeChunk {
  /** bytes (os.write) or null for a message */
  data: number[] | null;
  /** a message (Connection.send): the portable form of the object */
  obj?: unknown;
  /** size in bytes */
  n: number;
  msgId: string;
  preview?: string;
}

export interface PipeObj {
  id: string;
  kind: 'pipe' | 'connection';
  chunks: PipeChunk[];
  size: number;
  /** threads blocked reading / polling, FIFO */
  readers: string[];
  /** threads blocked writing (the pipe is full), FIFO */
  writers: string[];
  nextMsg: number;
}

export interface ShmObj {
  id: string;
  typecode: string;
  data: unknown[];
}

export interface IpcState {
  pipes: Record<string, PipeObj>;
  shm: Record<string, ShmObj>;
  counters: Record<string, number>;
  /** seeded jitter of shared-memory access times */
  rng: Rng;
}

export function ipcState(k: K): IpcState {
  k.s.ipc ??= { pipes: {}, shm: {}, counters: {}, rng: createRng((k.s.opts.seed ^ 0x5eed1) >>> 0) };
  return k.s.ipc;
}

/** A shared-memory access costs the caller 40-240 ns (a cache line another core may own):
 * the jitter keeps two processes hammering the same Value from running in lock step. */
function shmCost(k: K, t: KThread): void {
  procOf(k, t).time += 40 + nextInt(ipcState(k).rng, 200);
}

function nextId(k: K, prefix: string): string {
  const c = ipcState(k).counters;
  c[prefix] = (c[prefix] ?? 0) + 1;
  return `${prefix}#${c[prefix]}`;
}

function badFd(): never {
  return kErr('OSError', 9, 'Bad file descriptor');
}

function lowestFd(fds: Record<number, FdEntry>, from = 3): number {
  let fd = from;
  while (fds[fd]) fd++;
  return fd;
}

/** Open ends of a pipe in live processes. */
function openEnds(k: K, id: string, end: 'r' | 'w'): KProcess[] {
  return Object.values(k.s.procs).filter((p) => !p.exited && Object.values(px(k.s, p).fds).some((e) => e.pipe === id && e.end === end));
}

function channel(pipe: PipeObj): IpcChannel {
  return { id: pipe.id, kind: pipe.kind === 'connection' ? 'connection' : 'pipe' };
}

/** The wait-for graph: a reader waits for the threads that hold a write end, and a
 * blocked writer for the threads that hold a read end. */
function refreshHolders(k: K, pipe: PipeObj): void {
  const live = (ps: KProcess[]): string[] => ps.flatMap((p) => p.threads.filter((tid) => k.s.threads[tid]!.state !== 'finished'));
  wfSetHolders(k.s.wf, pipe.id, live(openEnds(k, pipe.id, 'w')));
  wfSetHolders(k.s.wf, `${pipe.id}.w`, live(openEnds(k, pipe.id, 'r')));
}

function fdEntry(k: K, t: KThread, fd: number, end?: 'r' | 'w'): { e: FdEntry; pipe: PipeObj } {
  const e = px(k.s, procOf(k, t)).fds[fd];
  if (!e || (end && e.end !== end)) badFd();
  const pipe = ipcState(k).pipes[e.pipe];
  if (!pipe) badFd();
  return { e, pipe };
}

// ───────────────────────────── create, close, dup ─────────────────────────────

function pipeSyscall(k: K, t: KThread, p: Record<string, unknown>): void {
  const id = nextId(k, p.kind === 'connection' ? 'conn' : 'pipe');
  const pipe: PipeObj = { id, kind: p.kind === 'connection' ? 'connection' : 'pipe', chunks: [], size: 0, readers: [], writers: [], nextMsg: 1 };
  ipcState(k).pipes[id] = pipe;
  const where = k.engine.storeTarget(procOf(k, t).handle, t.handle);
  const ref = { kind: 'pipe' as const, id, ...(where.name ? { name: where.name } : {}), ...(where.line ? { line: where.line } : {}) };
  wfAddObject(k.s.wf, ref, true);
  wfAddObject(k.s.wf, { ...ref, id: `${id}.w` }, true);
  const fds = px(k.s, procOf(k, t)).fds;
  const r = lowestFd(fds);
  fds[r] = { pipe: id, end: 'r' };
  const w = lowestFd(fds);
  fds[w] = { pipe: id, end: 'w' };
  ret(t, [r, w]);
}

/** A pipe end went away: wake readers at EOF / writers at EPIPE when it was the last. */
function endClosed(k: K, pipe: PipeObj): void {
  refreshHolders(k, pipe);
  if (openEnds(k, pipe.id, 'w').length === 0) {
    for (const tid of pipe.readers.splice(0)) {
      const r = k.s.threads[tid]!;
      if (r.state !== 'blocked') continue;
      wakeThread(k, r, { kind: 'value', value: readNow(k, r, pipe, r.block?.data ?? {}) });
    }
  }
  if (openEnds(k, pipe.id, 'r').length === 0) {
    for (const tid of pipe.writers.splice(0)) {
      const w = k.s.threads[tid]!;
      sendSignal(k, procOf(k, w), SIGPIPE, 'kernel');
      if (w.state === 'blocked') wakeThread(k, w, { kind: 'error', error: { type: 'BrokenPipeError', args: [32, 'Broken pipe'] } });
    }
  }
}

function closeSyscall(k: K, t: KThread, p: Record<string, unknown>): void {
  const fd = Math.trunc(Number(p.fd));
  const x = px(k.s, procOf(k, t));
  const e = x.fds[fd];
  if (!e) {
    if (fd >= 0 && fd <= 2) return ret(t, null);
    badFd();
  }
  delete x.fds[fd];
  ret(t, null);
  const pipe = ipcState(k).pipes[e.pipe];
  if (pipe) endClosed(k, pipe);
}

function dupSyscall(k: K, t: KThread, p: Record<string, unknown>): void {
  const fd = Math.trunc(Number(p.fd));
  const x = px(k.s, procOf(k, t));
  const e = x.fds[fd];
  if (!e) badFd();
  if (p.fd2 === undefined) {
    const n = lowestFd(x.fds);
    x.fds[n] = { ...e };
    return ret(t, n);
  }
  const fd2 = Math.trunc(Number(p.fd2));
  if (fd2 < 0) badFd();
  const old = x.fds[fd2];
  x.fds[fd2] = { ...e };
  ret(t, fd2);
  if (old && old.pipe !== e.pipe) {
    const pipe = ipcState(k).pipes[old.pipe];
    if (pipe) endClosed(k, pipe);
  }
}

/** A process ended: its descriptors close. */
export function closeAll(k: K, proc: KProcess): void {
  const x = px(k.s, proc);
  const ids = new Set(Object.values(x.fds).map((e) => e.pipe));
  x.fds = {};
  for (const id of ids) {
    const pipe = ipcState(k).pipes[id];
    if (pipe) endClosed(k, pipe);
  }
}

// ───────────────────────────── read, write ─────────────────────────────

function preview(bytes: number[]): string {
  let s = 'b\'';
  for (const b of bytes.slice(0, 60)) {
    if (b === 0x5c) s += '\\\\';
    else if (b === 0x27) s += "\\'";
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else if (b === 10) s += '\\n';
    else s += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return s + (bytes.length > 60 ? "'..." : "'");
}

/** Takes what a read gets now: bytes (up to n), a message, or EOF. */
function readNow(k: K, t: KThread, pipe: PipeObj, req: Record<string, unknown>): unknown {
  const msg = req.msg === true;
  if (req.poll === true) return pipe.chunks.length > 0 || openEnds(k, pipe.id, 'w').length === 0;
  if (pipe.chunks.length === 0) return msg ? { eof: true } : [];
  const ev: UnnumberedEvent = { t: now(k), kind: 'ipc.recv', pid: t.pid, tid: t.tid, channel: channel(pipe), msgId: '' };
  const loc = t.block?.loc ?? threadLoc(k, t);
  if (loc) ev.loc = loc;
  let out: unknown;
  if (msg) {
    const c = pipe.chunks[0]!;
    if (c.data !== null) {
      // bytes where a message was expected: take them as one message of bytes
      pipe.chunks.shift();
      out = { bytes: c.data };
    } else {
      pipe.chunks.shift();
      out = { obj: c.obj };
    }
    pipe.size -= c.n;
    ev.msgId = c.msgId;
    ev.bytes = c.n;
    if (c.preview) ev.preview = c.preview;
  } else {
    const n = Math.max(0, Math.trunc(Number(req.n)));
    const bytes: number[] = [];
    const ids: string[] = [];
    while (bytes.length < n && pipe.chunks.length > 0) {
      const c = pipe.chunks[0]!;
      const data = c.data ?? [];
      const take = Math.min(n - bytes.length, data.length);
      for (let i = 0; i < take; i++) bytes.push(data[i]!);
      if (!ids.includes(c.msgId)) ids.push(c.msgId);
      if (take === data.length) pipe.chunks.shift();
      else c.data = data.slice(take);
      if (take === 0) break;
    }
    pipe.size -= bytes.length;
    ev.msgId = ids[0] ?? '';
    if (ids.length > 1) ev.more = ids.slice(1);
    ev.bytes = bytes.length;
    ev.preview = preview(bytes);
    out = bytes;
  }
  emit(k, ev);
  wakeWriters(k, pipe);
  return out;
}

function readSyscall(k: K, t: KThread, p: Record<string, unknown>, kind: 'read' | 'recv' | 'poll'): void {
  const fd = Math.trunc(Number(p.fd));
  if (kind === 'read' && fd === 0 && !px(k.s, procOf(k, t)).fds[0]) return ret(t, []); // stdin: empty
  const { pipe } = fdEntry(k, t, fd, 'r');
  const req: Record<string, unknown> = { n: p.n, msg: kind === 'recv', poll: kind === 'poll' };
  const eof = openEnds(k, pipe.id, 'w').length === 0;
  if (pipe.chunks.length > 0 || eof) return ret(t, readNow(k, t, pipe, req));
  if (kind === 'poll') {
    const s = p.timeout === null || p.timeout === undefined ? null : Math.max(0, Number(p.timeout));
    if (s === 0) return ret(t, false);
    if (s !== null) {
      // a poll that times out answers False (its own timer: the kernel's timeouts answer None)
      req.token = nextId(k, 'poll');
      addTimer(k.s.timers, now(k) + secondsToNs(s), { kind: 'ext', name: 'ipc.poll', data: { tid: t.tid, token: req.token } });
    }
  }
  pipe.readers.push(t.tid);
  refreshHolders(k, pipe);
  blockThread(k, t, { on: { kind: 'pipe', id: pipe.id, ...(wfName(k, pipe.id)) }, key: pipe.id, op: `fd.${kind}`, timeoutNs: null, data: req });
}

function wfName(k: K, id: string): { name?: string } {
  const n = k.s.wf.objects[id]?.ref.name;
  return n ? { name: n } : {};
}

function addChunk(k: K, t: KThread, pipe: PipeObj, c: Omit<PipeChunk, 'msgId'>): void {
  const chunk: PipeChunk = { ...c, msgId: `${pipe.id}.${pipe.nextMsg++}` };
  pipe.chunks.push(chunk);
  pipe.size += chunk.n;
  const ev: UnnumberedEvent = { t: now(k), kind: 'ipc.send', pid: t.pid, tid: t.tid, channel: channel(pipe), msgId: chunk.msgId, bytes: chunk.n };
  if (chunk.preview) ev.preview = chunk.preview;
  const loc = threadLoc(k, t);
  if (loc) ev.loc = loc;
  emit(k, ev);
  // the first waiting reader gets it
  while (pipe.readers.length > 0 && pipe.chunks.length > 0) {
    const r = k.s.threads[pipe.readers.shift()!]!;
    if (r.state !== 'blocked') continue;
    wakeThread(k, r, { kind: 'value', value: readNow(k, r, pipe, r.block?.data ?? {}) });
  }
}

function writeSyscall(k: K, t: KThread, p: Record<string, unknown>): void {
  const fd = Math.trunc(Number(p.fd));
  const proc = procOf(k, t);
  if ((fd === 1 || fd === 2) && !px(k.s, proc).fds[fd]) return writeStd(k, t, fd === 1 ? 'stdout' : 'stderr', p);
  const { pipe } = fdEntry(k, t, fd, 'w');
  if (openEnds(k, pipe.id, 'r').length === 0) {
    // CPython ignores SIGPIPE: the write fails with EPIPE
    sendSignal(k, proc, SIGPIPE, 'kernel');
    if (proc.exited) return;
    kErr('BrokenPipeError', 32, 'Broken pipe');
  }
  const isMsg = p.data === undefined;
  const data = isMsg ? null : (p.data as number[]);
  const n = isMsg ? Math.max(1, Math.trunc(Number(p.size ?? 1))) : data!.length;
  if (pipe.size + n > PIPE_CAPACITY && pipe.size > 0) {
    pipe.writers.push(t.tid);
    refreshHolders(k, pipe);
    blockThread(k, t, { on: { kind: 'pipe', id: pipe.id, ...wfName(k, pipe.id) }, key: `${pipe.id}.w`, op: 'fd.write', timeoutNs: null, data: { ...p } });
    return;
  }
  const chunk: Omit<PipeChunk, 'msgId'> = { data, n };
  if (isMsg) chunk.obj = p.obj;
  const pv = typeof p.preview === 'string' ? p.preview : data ? preview(data) : undefined;
  if (pv !== undefined) chunk.preview = pv.length > 80 ? pv.slice(0, 77) + '...' : pv;
  addChunk(k, t, pipe, chunk);
  ret(t, n);
}

/** Space freed: blocked writers go on in order while their data fits. */
function wakeWriters(k: K, pipe: PipeObj): void {
  while (pipe.writers.length > 0) {
    const w = k.s.threads[pipe.writers[0]!]!;
    const req = w.block?.data ?? {};
    const n = req.data === undefined ? Math.max(1, Math.trunc(Number(req.size ?? 1))) : (req.data as number[]).length;
    if (pipe.size + n > PIPE_CAPACITY && pipe.size > 0) return;
    pipe.writers.shift();
    const chunk: Omit<PipeChunk, 'msgId'> = { data: req.data === undefined ? null : (req.data as number[]), n };
    if (req.data === undefined) chunk.obj = req.obj;
    if (typeof req.preview === 'string') chunk.preview = req.preview;
    addChunk(k, w, pipe, chunk);
    wakeThread(k, w, { kind: 'value', value: n });
  }
}

/** os.write(1, b) / os.write(2, b): straight to the output, past sys.stdout's buffer. */
function writeStd(k: K, t: KThread, stream: 'stdout' | 'stderr', p: Record<string, unknown>): void {
  const bytes = (p.data as number[] | undefined) ?? [];
  const text = new TextDecoder().decode(new Uint8Array(bytes));
  if (text !== '') {
    emit(k, { t: now(k), kind: 'io.write', pid: t.pid, tid: t.tid, stream, text });
    emit(k, { t: now(k), kind: 'io.flush', pid: t.pid, tid: t.tid, stream, text, reason: 'unbuffered' });
    k.sinks.output?.(stream, text, t.pid);
  }
  ret(t, bytes.length);
}

// ───────────────────────────── shared memory ─────────────────────────────

function shm(k: K, id: unknown): ShmObj {
  const o = ipcState(k).shm[String(id)];
  if (!o) throw new Error(`kernel: no shared memory ${String(id)}`);
  return o;
}

registerSyscall('shm.create', (k, t, p) => {
  const id = nextId(k, 'shm');
  ipcState(k).shm[id] = { id, typecode: String(p.typecode), data: (p.data as unknown[]).slice() };
  ret(t, id);
});
registerSyscall('shm.get', (k, t, p) => {
  const o = shm(k, p.id);
  shmCost(k, t);
  const start = Math.trunc(Number(p.start ?? 0));
  if (p.stop === undefined) return ret(t, o.data[start]);
  ret(t, o.data.slice(start, Math.trunc(Number(p.stop))));
});
registerSyscall('shm.set', (k, t, p) => {
  const o = shm(k, p.id);
  shmCost(k, t);
  const start = Math.trunc(Number(p.start ?? 0));
  (p.values as unknown[]).forEach((v, i) => {
    o.data[start + i] = v;
  });
  ret(t, null);
});

/**
 * shm.locked {id, start, stop?|values?, lock}: a read or write under a lock (multiprocessing's
 * Synchronized: `with lock: obj.value`). When the lock is free (or an RLock the caller
 * holds) the access happens at once, as an acquire and release that nobody could observe:
 * -> {v}. Otherwise the caller waits for the lock like lock.acquire -> true; it then does
 * the access and releases the lock itself.
 */
registerSyscall('shm.locked', (k, t, p) => {
  const l = k.s.objects[String(p.lock)];
  const free = !l || ((l.kind === 'lock' || l.kind === 'rlock') && (l.owner === null || (l.kind === 'rlock' && l.owner === t.tid)));
  if (!free) return lockAcquire(k, t, { id: p.lock, blocking: true, timeout: -1 });
  const o = shm(k, p.id);
  shmCost(k, t);
  const start = Math.trunc(Number(p.start ?? 0));
  if (Array.isArray(p.values)) {
    (p.values as unknown[]).forEach((v, i) => {
      o.data[start + i] = v;
    });
    return ret(t, { v: null });
  }
  ret(t, { v: p.stop === undefined ? o.data[start] : o.data.slice(start, Math.trunc(Number(p.stop))) });
});

// ───────────────────────────── registration ─────────────────────────────

registerSyscall('fd.pipe', pipeSyscall);
registerSyscall('fd.read', (k, t, p) => readSyscall(k, t, p, 'read'));
registerSyscall('fd.recv', (k, t, p) => readSyscall(k, t, p, 'recv'));
registerSyscall('fd.poll', (k, t, p) => readSyscall(k, t, p, 'poll'));
registerSyscall('fd.write', writeSyscall);
registerSyscall('fd.close', closeSyscall);
registerSyscall('fd.dup', (k, t, p) => dupSyscall(k, t, { fd: p.fd }));
registerSyscall('fd.dup2', dupSyscall);
registerInterruptible('fd.read', 'retry');
registerInterruptible('fd.recv', 'retry');
registerInterruptible('fd.poll', 'retry');
registerInterruptible('fd.write', 'retry');

registerCancelHook((k, t) => {
  const b = t.block;
  if (!b || !b.op.startsWith('fd.')) return;
  const pipe = ipcState(k).pipes[b.key.replace(/\.w$/, '')];
  if (!pipe) return;
  removeWaiter(pipe.readers, t.tid);
  removeWaiter(pipe.writers, t.tid);
});

registerTimer('ipc.poll', (k, data) => {
  const t = k.s.threads[String(data.tid)];
  const b = t?.block;
  if (!t || t.state !== 'blocked' || !b || b.op !== 'fd.poll' || b.data.token !== data.token) return;
  const pipe = ipcState(k).pipes[b.key];
  if (pipe) removeWaiter(pipe.readers, t.tid);
  wakeThread(k, t, { kind: 'value', value: false });
});

procHooks.closeFds = closeAll;
