// The language server in-process over the LSP protocol (no VS Code): diagnostics, CodeLens,
// and the session requests/notifications against a scripted SimSession.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startClient, FakeSim, fakeFactory } from './server-harness';
import { SessionNotification, SessionRequest, type SessionState, type TraceBatchParams } from '../../src/protocol/session';

const URI = 'file:///tmp/threadline-test/prog.py';

test('syntax errors are published with exact ranges, and cleared when fixed (debounced)', async () => {
  const c = await startClient();
  try {
    c.open(URI, 'import threading\ndef f(:\n    pass\n');
    const first = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === URI);
    assert.equal(first.diagnostics.length, 1);
    const d = first.diagnostics[0];
    assert.equal(d.source, 'threadline');
    assert.equal(d.code, 'syntax');
    assert.equal(d.range.start.line, 1);
    assert.match(d.message, /^SyntaxError: /);

    // Several quick edits give one analysis of the last version.
    c.change(URI, 'import threading\ndef f(:\n    pas\n', 2);
    c.change(URI, 'import threading\ndef f():\n    pass\n', 3);
    const fixed = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === URI && p.version === 3);
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(c.received.filter((r) => r.method === 'textDocument/publishDiagnostics' && r.params.version === 2).length, 0);
  } finally {
    await c.close();
  }
});

test('an unclosed bracket is reported where it opens', async () => {
  const c = await startClient();
  try {
    c.open(URI, 'x = 1\nprint((x,\ny = 2\n');
    const p = await c.waitFor('textDocument/publishDiagnostics', (q) => q.uri === URI);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].range.start.line, 1);
    assert.match(p.diagnostics[0].message, /never closed|invalid syntax|expected/);
  } finally {
    await c.close();
  }
});

test('unsupported features are warnings naming the feature', async () => {
  const c = await startClient();
  try {
    c.open(URI, 'import asyncio\n\nasync def main():\n    pass\n');
    const p = await c.waitFor('textDocument/publishDiagnostics', (q) => q.uri === URI);
    assert.ok(p.diagnostics.length >= 1, JSON.stringify(p.diagnostics));
    const d = p.diagnostics[0];
    assert.equal(d.code, 'unsupported');
    assert.equal(d.severity, 2);
    assert.equal(d.range.start.line, 2);
    assert.match(d.message, /async/);
  } finally {
    await c.close();
  }
});

test('codeLens request returns the lenses of an open document', async () => {
  const c = await startClient();
  try {
    c.open(URI, 'import threading\n\ndef work():\n    pass\n\nt = threading.Thread(target=work)\nt.start()\n');
    const lenses = await c.request('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.deepEqual(
      lenses.map((l: any) => [l.range.start.line, l.command.title]),
      [[0, '▶ Run in Threadline'], [0, 'Step'], [0, 'Find deadlocks'], [2, 'Step Thread (work)'], [5, 'Step Thread (work)']],
    );
  } finally {
    await c.close();
  }
});

const THREADS = `import threading
lock_a = threading.Lock()
lock_b = threading.Lock()
def one():
    with lock_a:
        with lock_b:
            pass
def two():
    with lock_b:
        with lock_a:
            pass
a = threading.Thread(target=one)
b = threading.Thread(target=two)
a.start(); b.start()
a.join(); b.join()
`;

function deadlockSim(input?: import("../../src/server/session").SimInput) {
  return new FakeSim([
    { tid: '1:1', name: 'MainThread', lines: [12, 13, 14, 15] },
    { tid: '1:2', name: 'Thread-1 (one)', lines: [4, 5, 6], target: 'one', blockOn: { id: 'lock#2', name: 'lock_b', holder: '1:3', line: 3 } },
    { tid: '1:3', name: 'Thread-2 (two)', lines: [8, 9, 10], target: 'two', blockOn: { id: 'lock#1', name: 'lock_a', holder: '1:2', line: 2 } },
  ], input);
}

test('a paused session steps one thread while the others stay on their lines', async () => {
  const sims: FakeSim[] = [];
  const c = await startClient({ sessions: fakeFactory((i) => deadlockSim(i), sims) }, { workspace: { codeLens: { refreshSupport: true } } });
  try {
    c.open(URI, THREADS);
    const started: SessionState = await c.request(SessionRequest.start, { uri: URI, paused: true });
    assert.equal(started.status, 'paused');
    assert.equal(sims[0]!.input?.file, '/tmp/threadline-test/prog.py');
    const lineOf = (s: SessionState, tid: string) => s.threads.find((t) => t.tid === tid)!.line;
    const s1: SessionState = await c.request(SessionRequest.step, { sessionId: started.sessionId, tid: '1:2', granularity: 'line' });
    assert.deepEqual([lineOf(s1, '1:1'), lineOf(s1, '1:2'), lineOf(s1, '1:3')], [12, 5, 8]);
    const s2: SessionState = await c.request(SessionRequest.step, { sessionId: started.sessionId, tid: '1:2' });
    assert.deepEqual([lineOf(s2, '1:1'), lineOf(s2, '1:2'), lineOf(s2, '1:3')], [12, 6, 8]);
    assert.equal(s2.steps, 2);

    // The lenses now show the live threads, and the client was asked to refresh them.
    await c.waitFor('workspace/codeLens/refresh');
    const lenses = await c.request('textDocument/codeLens', { textDocument: { uri: URI } });
    const titles = lenses.map((l: any) => l.command.title);
    assert.ok(titles.includes('Step Thread-1 (one) · ready at line 6'), titles.join('\n'));
    assert.ok(titles.includes('▶ Continue · paused at step 2'));

    // Trace batches arrive as notifications, in seq order without gaps.
    await c.waitFor(SessionNotification.trace, (p: TraceBatchParams) => p.events.some((e) => e.kind === 'thread.state'));
    const seqs = c.received.filter((r) => r.method === SessionNotification.trace).flatMap((r) => r.params.events.map((e: any) => e.seq));
    assert.deepEqual(seqs, seqs.map((_: number, i: number) => i));
  } finally {
    await c.close();
  }
});

test('continue runs to a deadlock: state notification, done batch, diagnostics with related lines', async () => {
  const c = await startClient({ sessions: fakeFactory(() => deadlockSim()) });
  try {
    c.open(URI, THREADS);
    await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === URI);
    const started: SessionState = await c.request(SessionRequest.start, { uri: URI });
    const end: SessionState = await c.waitFor(SessionNotification.state, (s: SessionState) => s.sessionId === started.sessionId && s.status === 'deadlocked');
    assert.equal(end.outcome?.kind, 'deadlock');
    assert.match(end.message ?? '', /deadlock: Thread-1 \(one\) ↔ Thread-2 \(two\)/);
    await c.waitFor(SessionNotification.trace, (p: TraceBatchParams) => p.done === true);
    const diags = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === URI && p.diagnostics.some((d: any) => d.code === 'deadlock'));
    const dl = diags.diagnostics.filter((d: any) => d.code === 'deadlock');
    assert.deepEqual(dl.map((d: any) => d.range.start.line), [5, 9]);
    assert.match(dl[0].message, /Thread-1 \(one\) waits for lock_b held by Thread-2 \(two\)/);
    const related = dl[0].relatedInformation.map((r: any) => [r.location.range.start.line, r.message]);
    assert.deepEqual(related, [[9, 'Thread-2 (two) waits for lock_a held by Thread-1 (one)'], [2, 'lock_b created here'], [1, 'lock_a created here']]);
    assert.equal(dl[0].range.start.character, 8); // the statement, without its indentation

    // Editing the file clears the run's diagnostics.
    c.change(URI, THREADS + '\n', 2);
    await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === URI && !p.diagnostics.some((d: any) => d.code === 'deadlock'));
  } finally {
    await c.close();
  }
});

test('a signal is sent by request; pause and stop work; unknown sessions are errors', async () => {
  const sims: FakeSim[] = [];
  const c = await startClient({ sessions: fakeFactory(() => deadlockSim(), sims) });
  try {
    c.open(URI, THREADS);
    const s: SessionState = await c.request(SessionRequest.start, { uri: URI, paused: true });
    await c.request(SessionRequest.sendSignal, { sessionId: s.sessionId, signal: 'SIGINT' });
    await c.request(SessionRequest.sendSignal, { sessionId: s.sessionId, signal: 'SIGUSR1', pid: 1 });
    assert.deepEqual(sims[0]!.signals, [{ signal: 'SIGINT', pid: undefined }, { signal: 'SIGUSR1', pid: 1 }]);
    const batch = await c.waitFor(SessionNotification.trace, (p: TraceBatchParams) => p.events.some((e) => e.kind === 'signal.send'));
    assert.equal((batch.events.find((e: any) => e.kind === 'signal.send') as any).sig, 'SIGINT');
    const paused: SessionState = await c.request(SessionRequest.pause, { sessionId: s.sessionId });
    assert.equal(paused.status, 'paused');
    assert.equal(await c.request(SessionRequest.stop, { sessionId: s.sessionId }), null);
    await assert.rejects(c.request(SessionRequest.state, { sessionId: s.sessionId }), /no session/);
  } finally {
    await c.close();
  }
});

test('starting a session on a file with a syntax error is refused with the error', async () => {
  const c = await startClient({ sessions: fakeFactory(() => deadlockSim()) });
  try {
    c.open(URI, 'import threading\nif True\n    pass\n');
    await assert.rejects(c.request(SessionRequest.start, { uri: URI }), /SyntaxError at line 2/);
  } finally {
    await c.close();
  }
});

test('explore finds the deadlock and opens a session replaying it', async () => {
  const c = await startClient({ sessions: fakeFactory(() => deadlockSim()) });
  try {
    c.open(URI, THREADS);
    const r = await c.request(SessionRequest.explore, { uri: URI, maxSchedules: 5 });
    assert.equal(r.found, true);
    assert.equal(r.outcome, 'deadlock');
    assert.equal(r.schedulesTried, 1);
    assert.ok(r.sessionId);
    await c.waitFor(SessionNotification.state, (s: SessionState) => s.sessionId === r.sessionId && s.status === 'deadlocked');
  } finally {
    await c.close();
  }
});
