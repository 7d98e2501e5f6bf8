import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  batchPlan, choose, createScheduler, decide, encodeSchedule, longTid, parseSchedule, recordChoice, recordSteps,
  scheduleLength, scheduleString, shortTid, sortCandidates, type Decision,
} from '../../src/sim/kernel/scheduler';

const d = (candidates: string[], cpython: string, current: string | null = null): Decision => ({ pid: 1, candidates, cpython, current });

test('schedule codec: round trip, short tids for the main process, merged runs', () => {
  const runs = parseSchedule('1*120, 2*3,1,1*2,3:1*5,2*0');
  assert.deepEqual(runs, [['1:1', 120], ['1:2', 3], ['1:1', 3], ['3:1', 5], ['1:2', 0]]);
  assert.equal(encodeSchedule(runs), '1*120,2*3,1*3,3:1*5,2*0');
  assert.equal(encodeSchedule([['1:2', 1]]), '2');
  assert.equal(scheduleLength(runs), 131);
  assert.deepEqual(parseSchedule(''), []);
  assert.throws(() => parseSchedule('a*3'), /invalid schedule item "a\*3"/);
  assert.equal(shortTid('1:7'), '7');
  assert.equal(longTid('7'), '1:7');
  assert.equal(longTid('2:7'), '2:7');
  assert.deepEqual(sortCandidates(['1:10', '1:2', '1:2', '1:1']), ['1:1', '1:2', '1:10']);
  assert.deepEqual(parseSchedule('2*3,1001:1', 1000), [['1000:2', 3], ['1001:1', 1]]);
  assert.equal(encodeSchedule([['1000:2', 3], ['1001:1', 1]], 1000), '2*3,1001:1');
});

test('recording: runs of instructions per GIL holding, merged while the holder stays', () => {
  const s = createScheduler('cpython');
  recordSteps(s, '1:1', 10);
  assert.equal(decide(s, d(['1:1', '1:2'], '1:1', '1:1')), '1:1');
  recordSteps(s, '1:1', 5);
  assert.equal(decide(s, d(['1:1', '1:2'], '1:2', '1:1')), '1:2');
  recordSteps(s, '1:2', 7);
  recordSteps(s, '2:1', 4); // another process, interleaved in time
  recordSteps(s, '1:1', 1);
  recordSteps(s, '2:1', 4);
  assert.equal(scheduleString(s), '1*15,2*7,2:1*8,1');
  assert.equal(s.decisions, 2);
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

test('replay: the holder runs its run out, then the next run\'s thread is chosen', () => {
  const s = createScheduler('replay', { schedule: '1*10,2*3,1' });
  assert.deepEqual(batchPlan(s, '1:1', false, false, false), { maxSteps: 10, stopAtBreaker: false, decideAtLimit: false });
  recordSteps(s, '1:1', 4);
  assert.equal(batchPlan(s, '1:1', true, false, false).maxSteps, 6);
  assert.equal(choose(s, d(['1:1', '1:2'], '1:2', '1:1')), '1:1', 'run not over: go on');
  recordSteps(s, '1:1', 6);
  assert.equal(decide(s, d(['1:1', '1:2'], '1:1', '1:1')), '1:2');
  assert.equal(batchPlan(s, '1:2', true, false, false).maxSteps, 3);
  recordSteps(s, '1:2', 3);
  assert.equal(decide(s, d(['1:1', '1:3'], '1:3')), '1:1', 'a handoff after a block');
  recordSteps(s, '1:1', 1);
  assert.equal(scheduleString(s), '1*10,2*3,1');
  // used up: one empty batch (it may end without another instruction), then cpython
  assert.deepEqual(batchPlan(s, '1:1', true, false, false), { maxSteps: 0, stopAtBreaker: false, decideAtLimit: true });
  assert.equal(decide(s, d(['1:1', '1:2'], '1:2', '1:1')), '1:2');
  assert.deepEqual(batchPlan(s, '1:2', true, false, false), { maxSteps: Infinity, stopAtBreaker: false, decideAtLimit: false });
  assert.equal(s.diverged, null);
});

test('replay reports divergence when a replayed thread cannot run', () => {
  const s = createScheduler('replay', { schedule: '1*2,3' });
  recordSteps(s, '1:1', 2);
  assert.equal(decide(s, d(['1:1', '1:2'], '1:2', '1:1')), '1:2');
  assert.match(s.diverged!, /thread 3 cannot run \(candidates 1, 2\)/);
});

test('batch plans: cpython passes breakers until a drop is requested; random stops at each', () => {
  const c = createScheduler('cpython');
  assert.deepEqual(batchPlan(c, '1:1', false, false, false), { maxSteps: Infinity, stopAtBreaker: false, decideAtLimit: false });
  assert.deepEqual(batchPlan(c, '1:1', true, false, false), { maxSteps: Infinity, stopAtBreaker: false, decideAtLimit: false });
  assert.deepEqual(batchPlan(c, '1:1', true, true, false), { maxSteps: Infinity, stopAtBreaker: true, decideAtLimit: false });
  assert.deepEqual(batchPlan(c, '1:1', true, true, true), { maxSteps: 1, stopAtBreaker: false, decideAtLimit: true });
  const r = createScheduler('random');
  assert.deepEqual(batchPlan(r, '1:1', true, false, false), { maxSteps: Infinity, stopAtBreaker: true, decideAtLimit: false });
  assert.deepEqual(batchPlan(r, '1:1', false, false, true), { maxSteps: Infinity, stopAtBreaker: false, decideAtLimit: false });
});

test('manual strategy leaves the choice to the caller', () => {
  const s = createScheduler('manual');
  assert.equal(choose(s, d(['1:1', '1:2'], '1:1')), null);
  recordChoice(s, '1:2');
  assert.equal(scheduleString(s), '2*0');
  assert.equal(decide(s, d(['1:1', '1:2'], '1:1')), '1:1', 'decide falls back to the faithful choice');
});
