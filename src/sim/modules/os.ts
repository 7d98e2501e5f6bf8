// os: processes and file descriptors on the simulated kernel (issue 6) — fork, _exit,
// wait/waitpid and the W* macros, getpid/getppid, kill/killpg, process groups, pipe/read/
// write/close/dup/dup2, cpu_count — plus the few constants and helpers the course's
// programs use (name, sep, linesep, environ, getenv, strerror). Linux x86-64 values.

import { parseArgs } from '../vm/args';
import { PyDict } from '../vm/dict';
import { E, osError, pyErr } from '../vm/exceptions';
import { SyscallRequest, type CallContext, type NativeFn } from '../vm/frame';
import type { PyModule } from '../vm/function';
import { PySet } from '../vm/dict';
import { PyBytes, PyFloat, PyIntSubclass, PyTuple, type PyValue } from '../vm/objects';
import { typeName } from '../vm/protocol';
import { makeBuiltin } from '../vm/types';
import { newModule, type VM } from '../vm/vm';
import { kcall, kernelOf, registerConverter } from './_thread';
import '../kernel/ipc';
import { initOsPath } from './os-path';
import { WCONTINUED, WNOHANG, WUNTRACED } from '../kernel/process';
import { px } from '../kernel/proc-state';
import {
  WCOREDUMP, WEXITSTATUS, WIFCONTINUED, WIFEXITED, WIFSIGNALED, WIFSTOPPED, WSTOPSIG, WTERMSIG,
} from '../kernel/signal-table';

function fn(name: string, f: NativeFn) {
  return makeBuiltin(`os.${name}`, name, f, 'function', null, 'os');
}

/** An int argument (bool, int, int subclasses such as signal.Signals members). */
export function intArg(v: PyValue | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyIntSubclass) return Number(v.value);
  if (v instanceof PyFloat) throw pyErr(E.TypeError, "'float' object cannot be interpreted as an integer");
  throw pyErr(E.TypeError, `'${typeName(v ?? null)}' object cannot be interpreted as an integer`);
}

/** The bytes of a bytes-like argument. */
export function bytesArg(v: PyValue | undefined, fname: string): number[] {
  if (v instanceof PyBytes) return Array.from(v.bytes);
  throw pyErr(E.TypeError, `a bytes-like object is required, not '${typeName(v ?? null)}'`);
  void fname;
}

function pid(ctx: CallContext): number {
  return Number(ctx.vm.ext.pid ?? 0);
}

registerConverter('os.tuple', (_c, v) => new PyTuple((v as number[]).slice()));
registerConverter('os.bytes', (_c, v) => new PyBytes((v as number[]).slice()));

const status1 = (name: string, f: (s: number) => PyValue) =>
  fn(name, (_c, args, kw) => f(intArg(parseArgs(name, args, kw, { names: ['status'] }).values[0])));

const STRERROR: Record<number, string> = {
  0: 'Success', 1: 'Operation not permitted', 2: 'No such file or directory', 3: 'No such process',
  4: 'Interrupted system call', 5: 'Input/output error', 9: 'Bad file descriptor', 10: 'No child processes',
  11: 'Resource temporarily unavailable', 12: 'Cannot allocate memory', 13: 'Permission denied',
  17: 'File exists', 22: 'Invalid argument', 24: 'Too many open files', 32: 'Broken pipe',
};

export function initOs(vm: VM): PyModule {
  const k = () => kernelOf(vm);
  const environ = new PyDict();
  for (const [key, val] of Object.entries({ HOME: '/home/user', LANG: 'C.UTF-8', PATH: '/usr/local/bin:/usr/bin:/bin', PWD: '/home/user', USER: 'user' })) {
    environ.setStr(key, val);
  }
  // `import os.path` finds it in sys.modules; `os.path` is the same module
  let path = vm.modules.getStr('os.path');
  if (path === undefined) {
    path = initOsPath(vm);
    vm.modules.setStr('os.path', path);
  }
  return newModule(vm, 'os', {
    path,
    name: 'posix',
    sep: '/',
    altsep: null,
    extsep: '.',
    pathsep: ':',
    linesep: '\n',
    curdir: '.',
    pardir: '..',
    devnull: '/dev/null',
    environ,
    WNOHANG, WUNTRACED, WCONTINUED,
    EX_OK: 0,
    P_PID: 1, P_PGID: 2, P_ALL: 0,
    getpid: fn('getpid', (ctx, args, kw) => {
      parseArgs('getpid', args, kw, { names: [] });
      return pid(ctx);
    }),
    getppid: fn('getppid', (ctx, args, kw) => {
      parseArgs('getppid', args, kw, { names: [] });
      return k().s.procs[pid(ctx)]?.ppid ?? 0;
    }),
    getpgrp: fn('getpgrp', (ctx) => {
      const p = k().s.procs[pid(ctx)];
      return p ? px(k().s, p).pgid : pid(ctx);
    }),
    getpgid: fn('getpgid', (ctx, args, kw) => {
      const n = intArg(parseArgs('getpgid', args, kw, { names: ['pid'], posOnly: true }).values[0]);
      const p = k().s.procs[n === 0 ? pid(ctx) : n];
      if (!p || px(k().s, p).reaped) throw osError(3, 'No such process');
      return px(k().s, p).pgid;
    }),
    setpgid: fn('setpgid', (ctx, args, kw) => {
      const a = parseArgs('setpgid', args, kw, { names: ['pid', 'pgrp'], posOnly: true });
      return new SyscallRequest('proc.setpgid', { pid: intArg(a.values[0]), pgid: intArg(a.values[1]) });
    }),
    setsid: fn('setsid', () => new SyscallRequest('proc.setpgid', { pid: 0, pgid: 0, session: true })),
    getuid: fn('getuid', () => 1000),
    geteuid: fn('geteuid', () => 1000),
    getgid: fn('getgid', () => 1000),
    getlogin: fn('getlogin', () => 'user'),
    getcwd: fn('getcwd', () => '/home/user'),
    fork: fn('fork', (_c, args, kw) => {
      parseArgs('fork', args, kw, { names: [] });
      return new SyscallRequest('os.fork', {});
    }),
    _exit: fn('_exit', (_c, args, kw) => {
      const a = parseArgs('_exit', args, kw, { names: ['status'] });
      return new SyscallRequest('os._exit', { status: intArg(a.values[0]) });
    }),
    wait: fn('wait', (_c, args, kw) => {
      parseArgs('wait', args, kw, { names: [] });
      return kcall('os.waitpid', { pid: -1, options: 0 }, 'os.tuple');
    }),
    waitpid: fn('waitpid', (_c, args, kw) => {
      const a = parseArgs('waitpid', args, kw, { names: ['pid', 'options'], posOnly: true });
      return kcall('os.waitpid', { pid: intArg(a.values[0]), options: intArg(a.values[1]) }, 'os.tuple');
    }),
    WIFEXITED: status1('WIFEXITED', WIFEXITED),
    WEXITSTATUS: status1('WEXITSTATUS', WEXITSTATUS),
    WIFSIGNALED: status1('WIFSIGNALED', WIFSIGNALED),
    WTERMSIG: status1('WTERMSIG', WTERMSIG),
    WIFSTOPPED: status1('WIFSTOPPED', WIFSTOPPED),
    WSTOPSIG: status1('WSTOPSIG', WSTOPSIG),
    WIFCONTINUED: status1('WIFCONTINUED', WIFCONTINUED),
    WCOREDUMP: status1('WCOREDUMP', WCOREDUMP),
    waitstatus_to_exitcode: fn('waitstatus_to_exitcode', (_c, args, kw) => {
      const s = intArg(parseArgs('waitstatus_to_exitcode', args, kw, { names: ['status'] }).values[0]);
      if (WIFEXITED(s)) return WEXITSTATUS(s);
      if (WIFSIGNALED(s)) return -WTERMSIG(s);
      throw pyErr(E.ValueError, `invalid wait status: ${s}`);
    }),
    kill: fn('kill', (_c, args, kw) => {
      const a = parseArgs('kill', args, kw, { names: ['pid', 'signal'], posOnly: true });
      return new SyscallRequest('os.kill', { pid: intArg(a.values[0]), sig: intArg(a.values[1]) });
    }),
    killpg: fn('killpg', (_c, args, kw) => {
      const a = parseArgs('killpg', args, kw, { names: ['pgid', 'signal'], posOnly: true });
      const pg = intArg(a.values[0]);
      if (pg <= 1) throw osError(22, 'Invalid argument');
      return new SyscallRequest('os.kill', { pid: -pg, sig: intArg(a.values[1]) });
    }),
    abort: fn('abort', (ctx) => new SyscallRequest('os.kill', { pid: pid(ctx), sig: 6 })),
    nice: fn('nice', (ctx, args, kw) => {
      const inc = intArg(parseArgs('nice', args, kw, { names: ['increment'], posOnly: true }).values[0]);
      const n = Math.max(-20, Math.min(19, Number(ctx.vm.ext.nice ?? 0) + inc));
      ctx.vm.ext.nice = n;
      return n;
    }),
    cpu_count: fn('cpu_count', () => k().s.opts.cores),
    sched_getaffinity: fn('sched_getaffinity', () => {
      const s = new PySet();
      for (let i = 0; i < k().s.opts.cores; i++) s.add(i);
      return s;
    }),
    pipe: fn('pipe', (_c, args, kw) => {
      parseArgs('pipe', args, kw, { names: [] });
      return kcall('fd.pipe', {}, 'os.tuple');
    }),
    read: fn('read', (_c, args, kw) => {
      const a = parseArgs('read', args, kw, { names: ['fd', 'length'], posOnly: true });
      const n = intArg(a.values[1]);
      if (n < 0) throw pyErr(E.ValueError, 'negative length');
      return kcall('fd.read', { fd: intArg(a.values[0]), n }, 'os.bytes');
    }),
    write: fn('write', (_c, args, kw) => {
      const a = parseArgs('write', args, kw, { names: ['fd', 'data'], posOnly: true });
      return new SyscallRequest('fd.write', { fd: intArg(a.values[0]), data: bytesArg(a.values[1], 'write') });
    }),
    close: fn('close', (_c, args, kw) => {
      const a = parseArgs('close', args, kw, { names: ['fd'] });
      return new SyscallRequest('fd.close', { fd: intArg(a.values[0]) });
    }),
    dup: fn('dup', (_c, args, kw) => {
      const a = parseArgs('dup', args, kw, { names: ['fd'], posOnly: true });
      return new SyscallRequest('fd.dup', { fd: intArg(a.values[0]) });
    }),
    dup2: fn('dup2', (_c, args, kw) => {
      const a = parseArgs('dup2', args, kw, { names: ['fd', 'fd2', 'inheritable'], required: 2 });
      return new SyscallRequest('fd.dup2', { fd: intArg(a.values[0]), fd2: intArg(a.values[1]) });
    }),
    getenv: fn('getenv', (_c, args, kw) => {
      const a = parseArgs('getenv', args, kw, { names: ['key', 'default'], required: 1 });
      const key = a.values[0];
      if (typeof key !== 'string') throw pyErr(E.TypeError, `str expected, not ${typeName(key ?? null)}`);
      return environ.getStr(key) ?? a.values[1] ?? null;
    }),
    strerror: fn('strerror', (_c, args, kw) => {
      const code = intArg(parseArgs('strerror', args, kw, { names: ['code'], posOnly: true }).values[0]);
      return STRERROR[code] ?? `Unknown error ${code}`;
    }),
    isatty: fn('isatty', (ctx, args, kw) => {
      const fd = intArg(parseArgs('isatty', args, kw, { names: ['fd'], posOnly: true }).values[0]);
      return fd === 1 ? ctx.vm.stdout.isTty : fd === 2 ? ctx.vm.stderr.isTty : fd === 0 ? ctx.vm.stdout.isTty : false;
    }),
    getloadavg: fn('getloadavg', () => new PyTuple([new PyFloat(0), new PyFloat(0), new PyFloat(0)])),
  });
}
