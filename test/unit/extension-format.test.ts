// The extension's pure helpers: status text, thread line notes, output labelling, settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutputLabeller, blockedNote, colorSlot, formatVirtualTime, lineNotes, optionsFromSettings, statusText } from '../../src/extension/format';
import type { SessionState, ThreadInfo } from '../../src/protocol/session';
import type { TraceEvent } from '../../src/trace/format';

const threads: ThreadInfo[] = [
  { tid: '1:1', pid: 1, name: 'MainThread', state: 'blocked', main: true, line: 22, waitsFor: { kind: 'join', id: '1:2' } },
  { tid: '1:2', pid: 1, name: 'Thread-1', state: 'blocked', main: false, line: 10, waitsFor: { kind: 'lock', id: 'lock#2', name: 'lock_b', holder: '1:3' } },
  { tid: '1:3', pid: 1, name: 'Thread-2', state: 'blocked', main: false, line: 16, waitsFor: { kind: 'lock', id: 'lock#1', name: 'lock_a', holder: '1:2' } },
  { tid: '1:4', pid: 1, name: 'Thread-3', state: 'running', main: false, line: 10 },
  { tid: '1:5', pid: 1, name: 'Thread-4', state: 'exited', main: false },
];

const state: SessionState = {
  sessionId: 's1', uri: 'file:///w/dead_lock.py', status: 'deadlocked', steps: 1234, virtualTimeNs: 101_500_000, lastSeq: 99,
  processes: [{ pid: 1, ppid: 0, name: 'python', state: 'S' }], threads,
};

test('blocked notes name the object and its holder', () => {
  assert.equal(blockedNote(threads[1]!, threads), '⏸ Thread-1 waits for lock_b held by Thread-2');
  assert.equal(blockedNote(threads[0]!, threads), '⏸ MainThread waits for Thread-1 to finish');
  assert.equal(blockedNote(threads[3]!, threads), null);
  assert.equal(blockedNote({ ...threads[3]!, state: 'blocked', waitsFor: { kind: 'sleep', id: 'sleep' } }, threads), '⏸ Thread-3 sleeps');
  assert.equal(blockedNote({ ...threads[3]!, state: 'blocked', waitsFor: { kind: 'event', id: 'event#1', name: 'ev' } }, threads), '⏸ Thread-3 waits for ev');
});

test('line notes group the threads of each line, exited threads have none', () => {
  const notes = lineNotes(state);
  assert.deepEqual(notes.map((n) => [n.line, n.threads.map((t) => t.tid), n.text]), [
    [10, ['1:2', '1:4'], '⏸ Thread-1 waits for lock_b held by Thread-2   ◀ Thread-3 (running)'],
    [16, ['1:3'], '⏸ Thread-2 waits for lock_a held by Thread-1'],
    [22, ['1:1'], '⏸ MainThread waits for Thread-1 to finish'],
  ]);
  const two = lineNotes({ ...state, processes: [...state.processes, { pid: 2, ppid: 1, name: 'python', state: 'R' }], threads: [{ tid: '2:1', pid: 2, name: 'MainThread', state: 'ready', main: true, line: 3 }] });
  assert.equal(two[0]!.text, '◀ MainThread [2]');
});

test('status text shows state, step and virtual time', () => {
  assert.equal(statusText(state), '$(error) Threadline: deadlocked · step 1234 · 101.50 ms');
  assert.equal(statusText({ ...state, status: 'exited', outcome: { kind: 'exit', exitCode: 0 } }), '$(pass) Threadline: exited (0) · step 1234 · 101.50 ms');
  assert.equal(formatVirtualTime(999), '999 ns');
  assert.equal(formatVirtualTime(2_500), '2.5 µs');
  assert.equal(formatVirtualTime(10_000_000_000), '10.000 s');
});

test('colour slots are stable and wrap around the palette', () => {
  const order = ['1:1', '1:2', '1:3', '1:4', '1:5', '1:6', '1:7', '1:8', '1:9'];
  assert.equal(colorSlot('1:1', order), 0);
  assert.equal(colorSlot('1:3', order), 2);
  assert.equal(colorSlot('1:9', order), 0);
});

test('output is split into lines labelled with pid and thread', () => {
  const l = new OutputLabeller();
  const ev = (e: object, seq: number) => ({ seq, t: seq, ...e }) as TraceEvent;
  const lines = l.feed([
    ev({ kind: 'thread.start', pid: 1, tid: '1:1', name: 'MainThread', daemon: false, main: true }, 0),
    ev({ kind: 'thread.start', pid: 1, tid: '1:2', name: 'worker', daemon: false, main: false }, 1),
    ev({ kind: 'io.flush', pid: 1, tid: '1:2', stream: 'stdout', text: 'hello\nwor', reason: 'newline' }, 2),
    ev({ kind: 'io.flush', pid: 1, tid: '1:2', stream: 'stdout', text: 'ld\n', reason: 'newline' }, 3),
    ev({ kind: 'io.flush', pid: 2, tid: '2:1', stream: 'stderr', text: 'oops\n', reason: 'unbuffered' }, 4),
    ev({ kind: 'io.lost', pid: 2, stream: 'stdout', text: 'bye' }, 5),
    ev({ kind: 'io.flush', pid: 1, tid: '1:1', stream: 'stdout', text: 'no newline', reason: 'exit' }, 6),
    ev({ kind: 'run.end', outcome: 'exit', exitCode: 0 }, 7),
  ]);
  assert.deepEqual(lines, [
    '[1 worker] hello',
    '[1 worker] world',
    '[2 2:1] ! oops',
    '[2 process] (lost, never flushed: "bye")',
    '[1 MainThread] no newline',
  ]);
});

test('settings become session options; bad values are dropped', () => {
  assert.deepEqual(optionsFromSettings({ strategy: 'random', seed: 7, cores: 4, switchIntervalMs: 5, switchMode: 'instruction', maxSteps: 1000 }),
    { strategy: 'random', seed: 7, cores: 4, switchIntervalMs: 5, switchMode: 'instruction', maxSteps: 1000 });
  assert.deepEqual(optionsFromSettings({ strategy: 'bogus', seed: -1, cores: 0, switchIntervalMs: 'x', maxSteps: 1.5 }), {});
});
