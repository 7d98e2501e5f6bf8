import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateTraceEvent, validateTrace } from '../../src/trace/validate';
import { toJsonl, parseJsonl, eventToJsonLine } from '../../src/trace/jsonl';
import { toChromeTrace, chromeTid } from '../../src/trace/chrome';
import { TraceBuilder } from '../../src/trace/builder';
import { TRACE_VERSION } from '../../src/trace/format';
import { FIXTURES, deadlockTwoLocks, forkZombieReap, alarmSignal, gilTwoThreads } from '../browser/fixtures';

test('TRACE_VERSION is 1', () => {
  assert.equal(TRACE_VERSION, 1);
});

test('every fixture is a valid trace', () => {
  for (const [name, make] of Object.entries(FIXTURES)) {
    assert.deepEqual(validateTrace(make()), [], name);
  }
});

test('validator rejects malformed events with a message', () => {
  const bad: [unknown, RegExp][] = [
    [null, /expected an object/],
    [{ seq: 0, t: 0, kind: 'nope' }, /unknown "nope"/],
    [{ seq: -1, t: 0, kind: 'run.end', outcome: 'exit', exitCode: 0 }, /seq/],
    [{ seq: 0, t: 1.5, kind: 'run.end', outcome: 'exit', exitCode: 0 }, /\bt\b/],
    [{ seq: 0, t: 0, kind: 'run.start', version: 2, file: 'x' }, /version/],
    [{ seq: 0, t: 0, kind: 'thread.state', pid: 1, tid: '1:1', state: 'blocked' }, /on: expected blocking object/],
    [{ seq: 0, t: 0, kind: 'thread.state', pid: 1, tid: '1:1', state: 'blocked', on: { kind: 'mutex', id: 'x' } }, /on:/],
    [{ seq: 0, t: 0, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'tired' }, /reason/],
    [{ seq: 0, t: 0, kind: 'gil.acquire', pid: 1 }, /tid/],
    [{ seq: 0, t: 0, kind: 'deadlock', cycle: [] }, /cycle/],
    [{ seq: 0, t: 0, kind: 'process.exit', pid: 1 }, /status/],
    [{ seq: 0, t: 0, kind: 'io.write', pid: 1, tid: '1:1', stream: 'stdin', text: '' }, /stream/],
  ];
  for (const [x, re] of bad) {
    const r = validateTraceEvent(x);
    assert.equal(typeof r, 'string', JSON.stringify(x));
    assert.match(r as string, re);
  }
});

test('validateTrace reports seq and time ordering problems', () => {
  const ev = gilTwoThreads();
  const swapped = [ev[1], ev[0], ...ev.slice(2)];
  assert.ok(validateTrace(swapped).some((p) => /seq not increasing/.test(p)));
  const back = ev.map((e) => ({ ...e }));
  back[10] = { ...back[10], t: 0 };
  assert.ok(validateTrace(back).some((p) => /t 0 < previous/.test(p)));
});

test('TraceBuilder numbers events and refuses time going backwards', () => {
  const b = new TraceBuilder();
  b.emit({ t: 5, kind: 'run.end', outcome: 'exit', exitCode: 0 });
  assert.equal(b.events[0].seq, 0);
  assert.throws(() => b.emit({ t: 4, kind: 'run.end', outcome: 'exit', exitCode: 0 }), /backwards/);
});

test('JSONL: seq, t, kind first; round trip; deterministic bytes', () => {
  const ev = deadlockTwoLocks();
  const text = toJsonl(ev);
  assert.equal(text, toJsonl(deadlockTwoLocks()));
  assert.equal(text.split('\n').length, ev.length + 1);
  assert.match(eventToJsonLine(ev[1]), /^\{"seq":1,"t":0,"kind":"process.start",/);
  const parsed = parseJsonl(text);
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.events, ev);
  const broken = parseJsonl('{"seq":0}\nnot json\n\n');
  assert.equal(broken.events.length, 0);
  assert.equal(broken.errors.length, 2);
  assert.match(broken.errors[1], /^line 2:/);
});

test('Chrome trace: process and thread names, GIL track, blocked slices named by object', () => {
  const ct = toChromeTrace(deadlockTwoLocks());
  const ev = ct.traceEvents;
  assert.equal(ct.displayTimeUnit, 'ns');
  assert.ok(ev.some((e) => e.ph === 'M' && e.name === 'process_name' && e.pid === 1));
  assert.ok(ev.some((e) => e.ph === 'M' && e.name === 'thread_name' && e.tid === 0 && e.args?.name === 'GIL'));
  assert.ok(ev.some((e) => e.ph === 'M' && e.name === 'thread_name' && e.tid === 2 && /Thread-1/.test(String(e.args?.name))));
  const blocked = ev.filter((e) => e.ph === 'X' && e.cat === 'state' && e.name.startsWith('lock '));
  assert.deepEqual(blocked.map((e) => e.name).sort(), ['lock lock_a', 'lock lock_b']);
  const gil = ev.filter((e) => e.ph === 'X' && e.tid === 0);
  assert.ok(gil.length >= 4);
  for (const e of ev) if (e.ph === 'X') assert.ok((e.dur ?? -1) >= 0, `negative dur in ${e.name}`);
  assert.ok(ev.some((e) => e.name === 'DEADLOCK' && e.s === 'g'));
  JSON.parse(JSON.stringify(ct));
});

test('Chrome trace: flows for fork and IPC pair up; zombie as async state', () => {
  const ev = toChromeTrace(forkZombieReap()).traceEvents;
  const starts = ev.filter((e) => e.ph === 's').map((e) => e.id).sort();
  const ends = ev.filter((e) => e.ph === 'f').map((e) => e.id).sort();
  assert.deepEqual(starts, ['fork-2', 'msg-m1']);
  assert.deepEqual(ends, starts);
  assert.ok(ev.some((e) => e.ph === 'b' && e.name === 'state Z' && e.pid === 2));
  const b = ev.filter((e) => e.ph === 'b').length;
  const e = ev.filter((x) => x.ph === 'e').length;
  assert.equal(b, e, 'async slices balanced');
});

test('Chrome trace: signal pending and handler spans, instants', () => {
  const ev = toChromeTrace(alarmSignal()).traceEvents;
  assert.ok(ev.some((e) => e.ph === 'b' && e.name === 'pending SIGALRM'));
  assert.ok(ev.some((e) => e.ph === 'e' && e.name === 'pending SIGALRM'));
  assert.ok(ev.some((e) => e.ph === 'b' && /handler handler\(SIGALRM\)/.test(e.name)));
  assert.ok(ev.some((e) => e.ph === 'i' && /send SIGALRM/.test(e.name)));
  assert.equal(chromeTid('12:3'), 3);
});
