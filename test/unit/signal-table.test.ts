import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SIGNAL_MEMBERS, WCOREDUMP, WEXITSTATUS, WIFCONTINUED, WIFEXITED, WIFSIGNALED, WIFSTOPPED, WSTOPSIG, WTERMSIG,
  CONTINUED_STATUS, defaultAction, exitcodeOf, exitedStatus, isUncatchable, isValidSignal, shellStatus,
  signalName, signalNumber, signaledStatus, stoppedStatus, strsignal, validSignals,
} from '../../src/sim/kernel/signal-table';

test('signal table: Linux x86-64 numbers, names and strsignal texts (as CPython 3.11 shows them)', () => {
  const expected: [string, number, string][] = [
    ['SIGHUP', 1, 'Hangup'], ['SIGINT', 2, 'Interrupt'], ['SIGQUIT', 3, 'Quit'], ['SIGKILL', 9, 'Killed'],
    ['SIGUSR1', 10, 'User defined signal 1'], ['SIGUSR2', 12, 'User defined signal 2'], ['SIGPIPE', 13, 'Broken pipe'],
    ['SIGALRM', 14, 'Alarm clock'], ['SIGTERM', 15, 'Terminated'], ['SIGCHLD', 17, 'Child exited'],
    ['SIGCONT', 18, 'Continued'], ['SIGSTOP', 19, 'Stopped (signal)'], ['SIGTSTP', 20, 'Stopped'],
    ['SIGTTIN', 21, 'Stopped (tty input)'], ['SIGWINCH', 28, 'Window changed'], ['SIGSYS', 31, 'Bad system call'],
  ];
  for (const [name, n, text] of expected) {
    assert.equal(signalName(n), name);
    assert.equal(signalNumber(name), n);
    assert.equal(strsignal(n), text);
  }
  assert.equal(strsignal(34), 'Real-time signal 0');
  assert.equal(strsignal(64), 'Real-time signal 30');
  assert.equal(strsignal(32), null);
  assert.equal(strsignal(0), null);
  assert.equal(signalName(6), 'SIGABRT');
  assert.equal(signalNumber('SIGIOT'), 6);
  assert.equal(signalNumber('SIGCLD'), 17);
  assert.equal(signalNumber('SIGPOLL'), 29);
  assert.equal(signalNumber('int'), 2);
  assert.equal(signalNumber('TSTP'), 20);
  assert.equal(signalNumber('9'), 9);
  assert.equal(signalNumber('SIGRTMIN+2'), 36);
  assert.equal(signalNumber('SIGNOPE'), null);
  assert.equal(SIGNAL_MEMBERS.length, 36);
});

test('signal table: valid_signals is 1..64 without 32 and 33', () => {
  const v = validSignals();
  assert.equal(v.length, 62);
  assert.equal(v[0], 1);
  assert.equal(v.at(-1), 64);
  assert.ok(!v.includes(32) && !v.includes(33) && v.includes(31) && v.includes(34));
  assert.ok(!isValidSignal(0) && !isValidSignal(65) && isValidSignal(64));
});

test('signal table: default actions (signal(7)) and uncatchable signals', () => {
  assert.equal(defaultAction(2), 'terminate');
  assert.equal(defaultAction(3), 'core');
  assert.equal(defaultAction(9), 'terminate');
  assert.equal(defaultAction(14), 'terminate');
  assert.equal(defaultAction(17), 'ignore');
  assert.equal(defaultAction(18), 'continue');
  assert.equal(defaultAction(19), 'stop');
  assert.equal(defaultAction(20), 'stop');
  assert.equal(defaultAction(28), 'ignore');
  assert.equal(defaultAction(40), 'terminate');
  assert.ok(isUncatchable(9) && isUncatchable(19) && !isUncatchable(20));
});

test('wait status: encoding and the W* macros agree with <sys/wait.h>', () => {
  const e = exitedStatus(3);
  assert.equal(e, 768);
  assert.ok(WIFEXITED(e) && !WIFSIGNALED(e) && !WIFSTOPPED(e));
  assert.equal(WEXITSTATUS(e), 3);
  assert.equal(exitedStatus(256 + 7), 7 << 8);
  const k = signaledStatus(9);
  assert.equal(k, 9);
  assert.ok(!WIFEXITED(k) && WIFSIGNALED(k) && !WIFSTOPPED(k) && !WCOREDUMP(k));
  assert.equal(WTERMSIG(k), 9);
  assert.ok(WCOREDUMP(signaledStatus(3, true)));
  const s = stoppedStatus(20);
  assert.equal(s, 0x147f);
  assert.ok(WIFSTOPPED(s) && !WIFEXITED(s) && !WIFSIGNALED(s));
  assert.equal(WSTOPSIG(s), 20);
  assert.ok(WIFCONTINUED(CONTINUED_STATUS) && !WIFEXITED(CONTINUED_STATUS));
  assert.equal(shellStatus(e), 3);
  assert.equal(shellStatus(signaledStatus(2)), 130);
  assert.equal(shellStatus(signaledStatus(14)), 142);
  assert.equal(exitcodeOf(signaledStatus(15)), -15);
  assert.equal(exitcodeOf(exitedStatus(0)), 0);
});
