import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFromWebview, validateToWebview } from '../../src/protocol/messages';
import { buildTimelineHtml } from '../../src/protocol/html';

test('protocol: snapshot, detail and playhead-with-time messages', () => {
  assert.equal(typeof validateToWebview({ type: 'snapshot', file: 'a.py', run: 3, model: {} }), 'object');
  assert.match(validateToWebview({ type: 'snapshot', file: 'a.py', run: -1, model: {} }) as string, /snapshot/);
  assert.match(validateToWebview({ type: 'snapshot', file: 'a.py', run: 1 }) as string, /snapshot/);
  assert.equal(typeof validateToWebview({ type: 'detail', run: 1, ev: 0, event: { kind: 'x' } }), 'object');
  assert.match(validateToWebview({ type: 'detail', run: 1, ev: 0 }) as string, /detail/);
  assert.equal(typeof validateToWebview({ type: 'playhead', seq: 4, t: 1e6 }), 'object');
  assert.match(validateToWebview({ type: 'playhead', seq: 4, t: 'x' }) as string, /playhead/);
  assert.match(validateToWebview({ type: 'playhead', seq: 4, t: Infinity }) as string, /playhead/);
  assert.deepEqual(validateFromWebview({ type: 'detail', run: 2, ev: 7 }), { type: 'detail', run: 2, ev: 7 });
  assert.match(validateFromWebview({ type: 'detail', run: 2, ev: 1.5 }) as string, /detail/);
});

test('html: the style nonce must differ from the script nonce', () => {
  const o = { cspSource: 'x', nonce: 'abcdefghijklmnop0123', scriptUri: '', styleUri: '', codiconUri: '' };
  assert.throws(() => buildTimelineHtml({ ...o, styleNonce: o.nonce }), /differ/);
  assert.throws(() => buildTimelineHtml({ ...o, styleNonce: 'x y' }), /nonce/);
});
