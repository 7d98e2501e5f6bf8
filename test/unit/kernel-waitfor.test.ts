import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareIds, createWaitFor, cycleKey, deadlockedSet, findDeadlock, hangReport, heldBy, wfAddHolder, wfAddObject,
  wfAddThread, wfBlock, wfFinishThread, wfNameObject, wfRemoveHolder, wfRemoveThread, wfUnblock, type WaitForGraph,
} from '../../src/sim/kernel/waitfor';

const F = 'dead_lock.py';

function twoLocks(): WaitForGraph {
  const g = createWaitFor();
  wfAddThread(g, '1:1', 1, 'MainThread');
  wfAddThread(g, '1:2', 1, 'Thread-1 (f1)');
  wfAddThread(g, '1:3', 1, 'Thread-2 (f2)');
  wfAddObject(g, { kind: 'lock', id: 'lock#1' }, true);
  wfAddObject(g, { kind: 'lock', id: 'lock#2' }, true);
  wfNameObject(g, 'lock#1', 'lock_a', 3);
  wfNameObject(g, 'lock#2', 'lock_b', 4);
  return g;
}

test('wait-for: the classic two-lock deadlock is found when the cycle closes', () => {
  const g = twoLocks();
  wfAddHolder(g, 'lock#1', '1:2');
  wfAddHolder(g, 'lock#2', '1:3');
  wfBlock(g, '1:2', 'lock#2', { loc: { file: F, line: 9 } });
  assert.equal(findDeadlock(g, '1:2'), null, 'no cycle yet: 1:3 still runs');
  wfBlock(g, '1:3', 'lock#1', { loc: { file: F, line: 16 } });
  const cycle = findDeadlock(g, '1:3');
  assert.deepEqual(cycle, [
    {
      pid: 1, thread: '1:2', threadName: 'Thread-1 (f1)',
      holds: [{ kind: 'lock', id: 'lock#1', name: 'lock_a', line: 3 }],
      waitsFor: { kind: 'lock', id: 'lock#2', name: 'lock_b', line: 4, holder: '1:3' },
      loc: { file: F, line: 9 },
    },
    {
      pid: 1, thread: '1:3', threadName: 'Thread-2 (f2)',
      holds: [{ kind: 'lock', id: 'lock#2', name: 'lock_b', line: 4 }],
      waitsFor: { kind: 'lock', id: 'lock#1', name: 'lock_a', line: 3, holder: '1:2' },
      loc: { file: F, line: 16 },
    },
  ]);
  assert.equal(cycleKey(cycle!), '1:2,1:3');
  // the main thread joining a deadlocked thread is stuck too, but not on the cycle
  wfAddObject(g, { kind: 'join', id: '1:2', name: 't1' }, true, ['1:2']);
  wfBlock(g, '1:1', '1:2');
  assert.deepEqual([...deadlockedSet(g)].sort(), ['1:1', '1:2', '1:3']);
  assert.equal(findDeadlock(g, '1:1'), null);
  assert.equal(cycleKey(findDeadlock(g)!), '1:2,1:3');
});

test('wait-for: re-acquiring your own non-reentrant lock is a cycle of one', () => {
  const g = twoLocks();
  wfAddHolder(g, 'lock#1', '1:1');
  wfBlock(g, '1:1', 'lock#1', { loc: { file: F, line: 5 } });
  const c = findDeadlock(g, '1:1');
  assert.equal(c?.length, 1);
  assert.equal(c![0]!.waitsFor.holder, '1:1');
  assert.deepEqual(c![0]!.holds, [{ kind: 'lock', id: 'lock#1', name: 'lock_a', line: 3 }]);
});

test('wait-for: a timed wait is never a deadlock', () => {
  const g = twoLocks();
  wfAddHolder(g, 'lock#1', '1:2');
  wfAddHolder(g, 'lock#2', '1:3');
  wfBlock(g, '1:2', 'lock#2', { timed: true });
  wfBlock(g, '1:3', 'lock#1');
  assert.equal(findDeadlock(g, '1:3'), null);
  assert.equal(findDeadlock(g), null);
  wfUnblock(g, '1:2');
  wfBlock(g, '1:2', 'lock#2');
  assert.notEqual(findDeadlock(g, '1:2'), null);
});

test('wait-for: events, conditions and queues make hangs, not cycles', () => {
  const g = twoLocks();
  wfAddObject(g, { kind: 'event', id: 'event#1', name: 'e', line: 2 }, false);
  wfAddObject(g, { kind: 'queue', id: 'queue#1', name: 'q', line: 7 }, false);
  wfBlock(g, '1:1', 'event#1', { loc: { file: F, line: 20 } });
  wfBlock(g, '1:2', 'queue#1', { loc: { file: F, line: 11 } });
  wfFinishThread(g, '1:3');
  assert.equal(findDeadlock(g), null);
  const h = hangReport(g);
  assert.deepEqual(h.map((e) => [e.thread, e.waitsFor.id, e.waitsFor.holder, e.loc?.line]), [
    ['1:1', 'event#1', undefined, 20],
    ['1:2', 'queue#1', undefined, 11],
  ]);
  assert.deepEqual(hangReport(g, 2), []);
});

test('wait-for: a lock held by a finished thread hangs its waiter (no cycle)', () => {
  const g = twoLocks();
  wfAddHolder(g, 'lock#1', '1:2');
  wfFinishThread(g, '1:2');
  wfBlock(g, '1:1', 'lock#1');
  assert.equal(findDeadlock(g), null);
  const [e] = hangReport(g);
  assert.equal(e!.waitsFor.holder, '1:2');
  // the thread vanishing with its process drops its holdings
  wfRemoveThread(g, '1:2');
  assert.equal(hangReport(g)[0]!.waitsFor.holder, undefined);
});

test('wait-for: a semaphore deadlocks only when every holder is stuck', () => {
  const g = twoLocks();
  wfAddObject(g, { kind: 'semaphore', id: 'semaphore#1', name: 'sem' }, true);
  wfAddHolder(g, 'semaphore#1', '1:2');
  wfAddHolder(g, 'semaphore#1', '1:3');
  wfAddHolder(g, 'lock#1', '1:1');
  wfBlock(g, '1:1', 'semaphore#1');
  wfBlock(g, '1:2', 'lock#1');
  assert.equal(findDeadlock(g, '1:2'), null, '1:3 can still release the semaphore');
  wfBlock(g, '1:3', 'lock#1');
  const c = findDeadlock(g, '1:3')!;
  assert.deepEqual(c.map((e) => e.thread), ['1:1', '1:3']);
  wfUnblock(g, '1:3');
  assert.equal(findDeadlock(g), null);
  // once 1:3 has released its share, 1:1 and 1:2 form a cycle on their own
  wfRemoveHolder(g, 'semaphore#1', '1:3');
  assert.equal(cycleKey(findDeadlock(g)!), '1:1,1:2');
  assert.deepEqual(heldBy(g, '1:2'), ['semaphore#1']);
});

test('wait-for: join cycles (two threads joining each other) across processes too', () => {
  const g = createWaitFor();
  wfAddThread(g, '1:1', 1, 'MainThread');
  wfAddThread(g, '2:1', 2, 'MainThread');
  wfAddObject(g, { kind: 'wait', id: 'pid:2' }, true, ['2:1']);
  wfAddObject(g, { kind: 'pipe', id: 'pipe#1' }, true, ['1:1']);
  wfBlock(g, '1:1', 'pid:2');
  wfBlock(g, '2:1', 'pipe#1');
  const c = findDeadlock(g, '2:1')!;
  assert.deepEqual(c.map((e) => [e.pid, e.thread, e.waitsFor.id]), [[1, '1:1', 'pid:2'], [2, '2:1', 'pipe#1']]);
});

test('compareIds orders numerically within a kind', () => {
  assert.deepEqual(['lock#10', 'queue#1', 'lock#2', '1:10', '1:2', '2:1'].sort(compareIds), ['1:2', '1:10', '2:1', 'lock#2', 'lock#10', 'queue#1']);
});
