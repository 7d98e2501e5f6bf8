import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPs } from '../../src/sim/kernel/proc-state';

test('ps: the table looks like `ps -o pid,ppid,stat,cmd`', () => {
  const text = formatPs([
    { pid: 1000, ppid: 999, stat: 'S+', cmd: 'python3 zombie.py' },
    { pid: 1001, ppid: 1000, stat: 'Z+', cmd: '[python3] <defunct>' },
  ]);
  assert.equal(text, [
    '  PID  PPID STAT CMD',
    ' 1000   999 S+   python3 zombie.py',
    ' 1001  1000 Z+   [python3] <defunct>',
    '',
  ].join('\n'));
  assert.equal(formatPs([{ pid: 123456, ppid: 1, stat: 'Sl+', cmd: 'x' }]).split('\n')[1], '123456      1 Sl+  x');
});
