// Linux x86-64 signals as CPython 3.11 sees them: numbers, names (signal.Signals with its
// aliases), strsignal() texts (glibc), valid_signals(), default actions (signal(7)), and
// the wait status encoding of <sys/wait.h> (os.WIFEXITED & co.). Pure data and functions.

import type { SignalDefaultAction } from '../../trace/format';

export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGILL = 4;
export const SIGTRAP = 5;
export const SIGABRT = 6;
export const SIGBUS = 7;
export const SIGFPE = 8;
export const SIGKILL = 9;
export const SIGUSR1 = 10;
export const SIGSEGV = 11;
export const SIGUSR2 = 12;
export const SIGPIPE = 13;
export const SIGALRM = 14;
export const SIGTERM = 15;
export const SIGSTKFLT = 16;
export const SIGCHLD = 17;
export const SIGCONT = 18;
export const SIGSTOP = 19;
export const SIGTSTP = 20;
export const SIGTTIN = 21;
export const SIGTTOU = 22;
export const SIGURG = 23;
export const SIGXCPU = 24;
export const SIGXFSZ = 25;
export const SIGVTALRM = 26;
export const SIGPROF = 27;
export const SIGWINCH = 28;
export const SIGIO = 29;
export const SIGPWR = 30;
export const SIGSYS = 31;
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;
/** signal.NSIG */
export const NSIG = 65;

interface SigDef {
  num: number;
  name: string;
  text: string;
  action: SignalDefaultAction;
}

const DEFS: SigDef[] = [
  { num: 1, name: 'SIGHUP', text: 'Hangup', action: 'terminate' },
  { num: 2, name: 'SIGINT', text: 'Interrupt', action: 'terminate' },
  { num: 3, name: 'SIGQUIT', text: 'Quit', action: 'core' },
  { num: 4, name: 'SIGILL', text: 'Illegal instruction', action: 'core' },
  { num: 5, name: 'SIGTRAP', text: 'Trace/breakpoint trap', action: 'core' },
  { num: 6, name: 'SIGABRT', text: 'Aborted', action: 'core' },
  { num: 7, name: 'SIGBUS', text: 'Bus error', action: 'core' },
  { num: 8, name: 'SIGFPE', text: 'Floating point exception', action: 'core' },
  { num: 9, name: 'SIGKILL', text: 'Killed', action: 'terminate' },
  { num: 10, name: 'SIGUSR1', text: 'User defined signal 1', action: 'terminate' },
  { num: 11, name: 'SIGSEGV', text: 'Segmentation fault', action: 'core' },
  { num: 12, name: 'SIGUSR2', text: 'User defined signal 2', action: 'terminate' },
  { num: 13, name: 'SIGPIPE', text: 'Broken pipe', action: 'terminate' },
  { num: 14, name: 'SIGALRM', text: 'Alarm clock', action: 'terminate' },
  { num: 15, name: 'SIGTERM', text: 'Terminated', action: 'terminate' },
  { num: 16, name: 'SIGSTKFLT', text: 'Stack fault', action: 'terminate' },
  { num: 17, name: 'SIGCHLD', text: 'Child exited', action: 'ignore' },
  { num: 18, name: 'SIGCONT', text: 'Continued', action: 'continue' },
  { num: 19, name: 'SIGSTOP', text: 'Stopped (signal)', action: 'stop' },
  { num: 20, name: 'SIGTSTP', text: 'Stopped', action: 'stop' },
  { num: 21, name: 'SIGTTIN', text: 'Stopped (tty input)', action: 'stop' },
  { num: 22, name: 'SIGTTOU', text: 'Stopped (tty output)', action: 'stop' },
  { num: 23, name: 'SIGURG', text: 'Urgent I/O condition', action: 'ignore' },
  { num: 24, name: 'SIGXCPU', text: 'CPU time limit exceeded', action: 'core' },
  { num: 25, name: 'SIGXFSZ', text: 'File size limit exceeded', action: 'core' },
  { num: 26, name: 'SIGVTALRM', text: 'Virtual timer expired', action: 'terminate' },
  { num: 27, name: 'SIGPROF', text: 'Profiling timer expired', action: 'terminate' },
  { num: 28, name: 'SIGWINCH', text: 'Window changed', action: 'ignore' },
  { num: 29, name: 'SIGIO', text: 'I/O possible', action: 'terminate' },
  { num: 30, name: 'SIGPWR', text: 'Power failure', action: 'terminate' },
  { num: 31, name: 'SIGSYS', text: 'Bad system call', action: 'core' },
];

const BY_NUM = new Map<number, SigDef>(DEFS.map((d) => [d.num, d]));

/**
 * The members of signal.Signals in definition order (CPython builds the enum from the
 * module's SIG* names sorted by value; aliases follow their canonical name):
 * [name, number]. Aliases (SIGIOT, SIGCLD, SIGPOLL) map to the canonical member.
 */
export const SIGNAL_MEMBERS: readonly [string, number][] = [
  ['SIGHUP', 1], ['SIGINT', 2], ['SIGQUIT', 3], ['SIGILL', 4], ['SIGTRAP', 5], ['SIGABRT', 6], ['SIGIOT', 6],
  ['SIGBUS', 7], ['SIGFPE', 8], ['SIGKILL', 9], ['SIGUSR1', 10], ['SIGSEGV', 11], ['SIGUSR2', 12], ['SIGPIPE', 13],
  ['SIGALRM', 14], ['SIGTERM', 15], ['SIGSTKFLT', 16], ['SIGCHLD', 17], ['SIGCLD', 17], ['SIGCONT', 18],
  ['SIGSTOP', 19], ['SIGTSTP', 20], ['SIGTTIN', 21], ['SIGTTOU', 22], ['SIGURG', 23], ['SIGXCPU', 24],
  ['SIGXFSZ', 25], ['SIGVTALRM', 26], ['SIGPROF', 27], ['SIGWINCH', 28], ['SIGIO', 29], ['SIGPOLL', 29],
  ['SIGPWR', 30], ['SIGSYS', 31], ['SIGRTMIN', 34], ['SIGRTMAX', 64],
];

/** Is `n` a signal number the kernel accepts (1..64 except glibc's 32 and 33)? */
export function isValidSignal(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n < NSIG && n !== 32 && n !== 33;
}

/** signal.valid_signals(), ascending. */
export function validSignals(): number[] {
  const out: number[] = [];
  for (let n = 1; n < NSIG; n++) if (isValidSignal(n)) out.push(n);
  return out;
}

/** Canonical name of a signal ("SIGINT"); real-time signals other than the bounds get
 * "SIGRTMIN+n" (the name kill -l prints). Unknown numbers: "SIG<n>". */
export function signalName(n: number): string {
  const d = BY_NUM.get(n);
  if (d) return d.name;
  if (n === SIGRTMIN) return 'SIGRTMIN';
  if (n === SIGRTMAX) return 'SIGRTMAX';
  if (n > SIGRTMIN && n < SIGRTMAX) return n - SIGRTMIN <= 15 ? `SIGRTMIN+${n - SIGRTMIN}` : `SIGRTMAX-${SIGRTMAX - n}`;
  return `SIG${n}`;
}

/** The number of a signal name ("SIGINT", "INT", "sigint", "2"), or null. */
export function signalNumber(name: string): number | null {
  const s = name.trim();
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return isValidSignal(n) ? n : null;
  }
  let u = s.toUpperCase();
  if (!u.startsWith('SIG')) u = `SIG${u}`;
  for (const [m, n] of SIGNAL_MEMBERS) if (m === u) return n;
  const rt = /^SIGRT(MIN|MAX)([+-]\d+)$/.exec(u);
  if (rt) {
    const n = (rt[1] === 'MIN' ? SIGRTMIN : SIGRTMAX) + Number(rt[2]);
    return n >= SIGRTMIN && n <= SIGRTMAX ? n : null;
  }
  return null;
}

/** signal.strsignal(n): glibc's description, or null (CPython returns None) for an
 * invalid number. */
export function strsignal(n: number): string | null {
  const d = BY_NUM.get(n);
  if (d) return d.text;
  if (n >= SIGRTMIN && n <= SIGRTMAX) return `Real-time signal ${n - SIGRTMIN}`;
  return null;
}

/** The default action of a signal (signal(7)); real-time signals terminate. */
export function defaultAction(n: number): SignalDefaultAction {
  return BY_NUM.get(n)?.action ?? 'terminate';
}

/** Signals whose disposition cannot be changed (sigaction fails with EINVAL). */
export function isUncatchable(n: number): boolean {
  return n === SIGKILL || n === SIGSTOP;
}

/** Stop signals that a SIGCONT (or the job control of a terminal) resumes. */
export function isStopSignal(n: number): boolean {
  return defaultAction(n) === 'stop';
}

// ───────────────────────────── wait status ─────────────────────────────
// The 16-bit status word of wait(2), as <bits/waitstatus.h> encodes it.

/** exit(code): (code & 0xff) << 8 */
export function exitedStatus(code: number): number {
  return (code & 0xff) << 8;
}

/** killed by `sig` (`core`: WCOREDUMP; core dumps are disabled by default, as with
 * `ulimit -c 0`, so the simulator never sets it). */
export function signaledStatus(sig: number, core = false): number {
  return (sig & 0x7f) | (core ? 0x80 : 0);
}

/** stopped by `sig`: (sig << 8) | 0x7f */
export function stoppedStatus(sig: number): number {
  return ((sig & 0xff) << 8) | 0x7f;
}

/** continued (WCONTINUED) */
export const CONTINUED_STATUS = 0xffff;

export const WIFEXITED = (s: number): boolean => (s & 0x7f) === 0;
export const WEXITSTATUS = (s: number): number => (s >> 8) & 0xff;
export const WIFSIGNALED = (s: number): boolean => (s & 0x7f) !== 0 && (s & 0x7f) !== 0x7f;
export const WTERMSIG = (s: number): number => s & 0x7f;
export const WIFSTOPPED = (s: number): boolean => (s & 0xff) === 0x7f;
export const WSTOPSIG = (s: number): number => (s >> 8) & 0xff;
export const WIFCONTINUED = (s: number): boolean => s === CONTINUED_STATUS;
export const WCOREDUMP = (s: number): boolean => (s & 0x80) !== 0;

/** What a shell reports as `$?` for a wait status: the exit code, or 128+N for a signal. */
export function shellStatus(s: number): number {
  if (WIFEXITED(s)) return WEXITSTATUS(s);
  if (WIFSIGNALED(s)) return 128 + WTERMSIG(s);
  if (WIFSTOPPED(s)) return 128 + WSTOPSIG(s);
  return 0;
}

/** multiprocessing's Process.exitcode for a wait status: the code, or -N for a signal. */
export function exitcodeOf(s: number): number {
  if (WIFSIGNALED(s)) return -WTERMSIG(s);
  return WEXITSTATUS(s);
}
