import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFromWebview, validateToWebview, isWebviewState } from '../../src/protocol/messages';
import { buildTimelineHtml, timelineCsp } from '../../src/protocol/html';

test('protocol: host → webview messages', () => {
  assert.deepEqual(validateToWebview({ type: 'reset', file: 'a.py' }), { type: 'reset', file: 'a.py' });
  assert.equal(typeof validateToWebview({ type: 'traceBatch', events: [] }), 'object');
  assert.equal(typeof validateToWebview({ type: 'traceBatch', jsonl: '{}\n', done: true }), 'object');
  assert.match(validateToWebview({ type: 'traceBatch', events: [], jsonl: '' }) as string, /traceBatch/);
  assert.match(validateToWebview({ type: 'traceBatch' }) as string, /traceBatch/);
  assert.equal(typeof validateToWebview({ type: 'playhead', seq: null }), 'object');
  assert.match(validateToWebview({ type: 'playhead', seq: -1 }) as string, /playhead/);
  assert.match(validateToWebview({ type: 'nope' }) as string, /unknown type/);
  assert.match(validateToWebview('x') as string, /object/);
});

test('protocol: webview → host messages', () => {
  assert.equal(typeof validateFromWebview({ type: 'ready' }), 'object');
  assert.equal(typeof validateFromWebview({ type: 'revealSource', file: 'a.py', line: 3 }), 'object');
  assert.match(validateFromWebview({ type: 'revealSource', file: 'a.py', line: 0 }) as string, /line/);
  assert.equal(typeof validateFromWebview({ type: 'export', format: 'chrome' }), 'object');
  assert.match(validateFromWebview({ type: 'export', format: 'pdf' }) as string, /format/);
  assert.equal(typeof validateFromWebview({ type: 'exportImage', format: 'png', data: 'data:image/png;base64,AA' }), 'object');
  assert.match(validateFromWebview({ type: 'exportImage', format: 'png', data: 'http://x' }) as string, /data-URL/);
  assert.equal(typeof validateFromWebview({ type: 'seek', seq: 4 }), 'object');
  assert.ok(isWebviewState({ file: 'a', viewport: { t0: 0, nsPerPx: 2 }, filter: 'x' }));
  assert.ok(!isWebviewState({ viewport: { t0: 0, nsPerPx: 0 } }));
});

test('html: strict CSP with nonce, nothing inline', () => {
  const html = buildTimelineHtml({
    cspSource: 'https://x.vscode-cdn.net', nonce: 'abcdefghijklmnop0123', styleNonce: 'stylestylestyle0123', scriptUri: 'https://x/webview.js',
    styleUri: 'https://x/webview.css', codiconUri: 'https://x/codicon.css',
  });
  assert.ok(html.includes(timelineCsp('https://x.vscode-cdn.net', 'abcdefghijklmnop0123', 'stylestylestyle0123').replace(/'/g, "'")));
  assert.match(html, /default-src 'none'; script-src 'nonce-abcdefghijklmnop0123'; style-src https:\/\/x\.vscode-cdn\.net 'nonce-stylestylestyle0123'; font-src https:\/\/x\.vscode-cdn\.net; img-src https:\/\/x\.vscode-cdn\.net data:/);
  assert.match(html, /<script nonce="abcdefghijklmnop0123" src="https:\/\/x\/webview\.js"><\/script>/);
  assert.ok(!/style="/.test(html) && !/<style/.test(html));
  assert.ok(!html.includes('unsafe-inline') && !html.includes('unsafe-eval'));
  assert.match(html, /<meta property="csp-nonce" content="stylestylestyle0123">/);
  assert.ok(!html.includes('csp-nonce" content="abcdefghijklmnop0123'), 'the script nonce is not exposed');
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.throws(() => buildTimelineHtml({ cspSource: 'x', nonce: 'short', styleNonce: 'stylestylestyle0123', scriptUri: '', styleUri: '', codiconUri: '' }), /nonce/);
});
