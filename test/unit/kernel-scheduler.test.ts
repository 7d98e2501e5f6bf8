import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  choose, createScheduler, decide, encodeSchedule, longTid, parseSchedule, recordChoice, scheduleLength, scheduleString,
  shortTid, sortCandidates, type Decision,
} from '../../src/sim/kernel/scheduler';

const d = (candidates: string[], cpython: string, current: string | null = null): Decision => ({ pid: 1, candidates, cpython, current });

test('schedule codec: round trip, short tids for process 1, merged runs', () => {
  const runs = parseSchedule('1*120, 2*3,1,1*2,3:1*5');
  assert.deepEqual(runs, [['1:1', 120], ['1:2', 3], ['1:1', 3], ['3:1', 5]]);
  assert.equal(encodeSchedule(runs), '1*120,2*3,1*3,3:1*5');
  assert.equal(encodeSchedule([['1:2', 1]]), '2');
  assert.equal(scheduleLength(runs), 131);
  assert.deepEqual(parseSchedule(''), []);
  assert.throws(() => parseSchedule('1*0'), /count/);
  assert.throws(() => parseSchedule('a*3'), /invalid schedule item "a\*3"/);
  assert.equal(shortTid('1:7'), '7');
  assert.equal(longTid('7'), '1:7');
  assert.equal(longTid('2:7'), '2:7');
  assert.deepEqual(sortCandidates(['1:10', '1:2', '1:2', '1:1']), ['1:1', '1:2', '1:10']);
});

test('cpython strategy takes the faithful choice and records it', () => {
  const s = createScheduler('cpython');
  assert.equal(decide(s, d(['1:1', '1:2'], '1:1', '1:1')), '1:1');
  assert.equal(decide(s, d(['1:1', '1:2'], '1:1', '1:1')), '1:1');
  assert.equal(decide(s, d(['1:1', '1:2'], '1:2', '1:1')), '1:2');
  assert.equal(scheduleString(s), '1*2,2');
  assert.equal(s.decisions, 3);
});

test('random strategy: seeded, covers all candidates, reproducible', () => {
  const pick = (seed: number) => {
    const s = createScheduler('random', { seed });
    const out: string[] = [];
    for (let i = 0; i < 60; i++) out.push(decide(s, d(['1:1', '1:2', '1:3'], '1:1')));
    return out;
  };
  const a = pick(5);
  assert.deepEqual(a, pick(5));
  assert.notDeepEqual(a, pick(6));
  assert.deepEqual(new Set(a), new Set(['1:1', '1:2', '1:3']));
});

test('replay strategy follows a recorded schedule, then falls back to cpython', () => {
  const rec = createScheduler('random', { seed: 9 });
  const decisions = Array.from({ length: 40 }, (_, i) => d(['1:1', '1:2'], i % 7 === 0 ? '1:2' : '1:1'));
  const chosen = decisions.map((x) => decide(rec, x));
  const rep = createScheduler('replay', { schedule: scheduleString(rec) });
  assert.deepEqual(decisions.map((x) => decide(rep, x)), chosen);
  assert.equal(scheduleString(rep), scheduleString(rec));
  assert.equal(decide(rep, d(['1:1', '1:2'], '1:2')), '1:2', 'schedule exhausted: cpython choice');
  assert.equal(rep.diverged, null);
});

test('replay strategy reports divergence when a replayed thread cannot run', () => {
  const rep = createScheduler('replay', { schedule: '1,3' });
  assert.equal(decide(rep, d(['1:1', '1:2'], '1:2')), '1:1');
  assert.equal(decide(rep, d(['1:1', '1:2'], '1:2')), '1:2');
  assert.match(rep.diverged!, /decision 2: thread 3 cannot run \(candidates 1, 2\)/);
});

test('manual strategy leaves the choice to the caller', () => {
  const s = createScheduler('manual');
  assert.equal(choose(s, d(['1:1', '1:2'], '1:1')), null);
  recordChoice(s, '1:2');
  assert.equal(scheduleString(s), '2');
  assert.equal(decide(s, d(['1:1', '1:2'], '1:1')), '1:1', 'decide falls back to the faithful choice');
});

test('schedule codec: the main process may have any pid', () => {
  assert.deepEqual(parseSchedule('2*3,1001:1', 1000), [['1000:2', 3], ['1001:1', 1]]);
  assert.equal(encodeSchedule([['1000:2', 3], ['1001:1', 1]], 1000), '2*3,1001:1');
  const s = createScheduler('replay', { schedule: '2', mainPid: 1000 });
  assert.equal(decide(s, d(['1000:1', '1000:2'], '1000:1')), '1000:2');
  assert.equal(scheduleString(s), '2');
});
