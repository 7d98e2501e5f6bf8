/**
 * Loads the real webview bundle in headless Chromium (Debian `chromium`), posts synthetic
 * traces that follow trace format v1, and checks what is drawn through
 * window.__threadlineDebug; saves screenshots to media/screenshots/ for the README.
 * Skipped (with a message) only when no chromium binary is installed.
 */
import { after, before, test } from 'node:test';
import { TimelineModel } from '../../src/protocol/timeline/model';
import { packModel } from '../../src/protocol/timeline/pack';
import type { TraceEvent } from '../../src/trace/format';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { parseJsonl } from '../../src/trace/jsonl';
import { join, resolve } from 'node:path';
import { chromiumPath, openHarness, type Harness } from './harness';
import {
  alarmSignal, deadlockTwoLocks, forkZombieReap, gilTwoThreads, hangEvent, DEADLOCK_HANDOFFS, GIL_TWO_THREADS_HANDOFFS,
} from './fixtures';

const SHOTS = resolve(__dirname, '../../media/screenshots');
const skip = chromiumPath() ? false : 'chromium not installed (apt-get install -y chromium, or set CHROMIUM_PATH)';
if (skip) console.log(`# timeline browser test skipped: ${skip}`);

let h: Harness;
before(async () => {
  if (skip) return;
  mkdirSync(SHOTS, { recursive: true });
  h = await openHarness({ width: 1280, height: 560 });
}, { timeout: 60_000 });
after(async () => {
  if (h) await h.close();
});

const shot = (name: string) => h.page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** Real traces recorded from the simulator (test/browser/make-golden.ts; gil_two_threads is
 * the kernel's own golden trace), when present. */
const GOLDEN_FILES: Record<string, string> = {
  dead_lock: resolve(__dirname, 'golden/dead_lock.jsonl'),
  alarm: resolve(__dirname, 'golden/alarm.jsonl'),
  zombie: resolve(__dirname, 'golden/zombie.jsonl'),
  gil_two_threads: resolve(__dirname, '../golden/gil_two_threads.jsonl'),
};
function golden(name: string): TraceEvent[] | undefined {
  const f = GOLDEN_FILES[name];
  if (!existsSync(f)) return undefined;
  const { events, errors } = parseJsonl(readFileSync(f, 'utf8'));
  assert.deepEqual(errors, [], f);
  return events as TraceEvent[];
}
const noGolden = (name: string): string | false => skip || (golden(name) ? false : `no golden trace for ${name} yet (synthetic fixture used above)`);
const modelStats = (ev: TraceEvent[]) => { const m = new TimelineModel(); m.addEvents(ev); return m.stats; };

test('starts under the strict CSP and says ready', { skip }, async () => {
  const posted = await h.posted();
  assert.deepEqual(posted[0], { type: 'ready', state: {} });
  // not even the toolkit's :focus-visible probe is blocked: it carries the style nonce
  assert.deepEqual(await h.cspViolations(), []);
  assert.equal(await h.page.evaluate(() => getComputedStyle(document.querySelector('vscode-button')!).display !== ''), true);
});

test('two threads: lanes and GIL handoffs (forced vs voluntary)', { skip }, async () => {
  const d = await h.load('demo.py', gilTwoThreads());
  assert.deepEqual(d.lanes.map((l) => `${l.kind}:${l.tid ?? l.pid}`), ['process:1', 'gil:1', 'thread:1:1', 'thread:1:2', 'thread:1:3']);
  assert.deepEqual(d.lanes.slice(2).map((l) => l.label), ['MainThread', 'Thread-1', 'Thread-2']);
  assert.equal(d.stats.gilHandoffs, GIL_TWO_THREADS_HANDOFFS.total);
  assert.equal(d.stats.gilForced, GIL_TWO_THREADS_HANDOFFS.forced);
  assert.equal(d.render!.arrows, GIL_TWO_THREADS_HANDOFFS.total, 'every handoff arrow drawn at fit-all');
  assert.equal(d.banner.kind, 'none');
  assert.equal(d.outcome?.outcome, 'exit');
  if (!golden('gil_two_threads')) await shot('gil-handoffs');
});

test('deadlock: red banner naming the cycle, wait-for graph, lanes highlighted', { skip }, async () => {
  const d = await h.load('dead_lock.py', deadlockTwoLocks());
  assert.equal(d.banner.kind, 'deadlock');
  assert.match(d.banner.text, /Deadlock: Thread-1 → Thread-2 → Thread-1/);
  assert.deepEqual(d.banner.nodes.map((n) => n.label).sort(), ['Thread-1', 'Thread-2', 'lock_a', 'lock_b']);
  assert.equal(d.banner.edges.filter((e) => e.label === 'holds').length, 2);
  assert.equal(d.banner.edges.filter((e) => e.label === 'waits for').length, 2);
  assert.deepEqual(d.lanes.filter((l) => l.highlight).map((l) => l.tid), ['1:2', '1:3']);
  assert.equal(d.stats.gilHandoffs, DEADLOCK_HANDOFFS);
  const banner = h.page.locator('.banner-deadlock');
  assert.ok(await banner.isVisible());
  assert.match(await banner.innerText(), /lock_b held by 1:3 \(line 10\)/);
  if (!golden('dead_lock')) await shot('deadlock');
  // clicking a graph node reveals the line that created the object
  await h.page.locator('.waitgraph .node[data-id="o:lock#1"]').click();
  const posted = await h.posted();
  assert.deepEqual(posted[posted.length - 1], { type: 'revealSource', file: 'dead_lock.py', line: 3 });
});

test('clicking a blocked segment reveals its source line', { skip }, async () => {
  await h.load('dead_lock.py', deadlockTwoLocks());
  const d = await h.snapshot();
  const lane = d.lanes.find((l) => l.tid === '1:2')!;
  // Thread-1 sleeps (line 9) from 0.5 ms to 100.5 ms: click in the middle of it
  const x = await h.page.evaluate(() => (window as any).__threadlineDebug.xOf(50_000_000));
  const box = (await h.page.locator('canvas').boundingBox())!;
  const y = d.axisHeight + lane.y + lane.h / 2 - d.scrollY;
  await h.page.mouse.click(box.x + x, box.y + y);
  const posted = await h.posted();
  const reveal = posted.filter((m: any) => m.type === 'revealSource').pop();
  assert.deepEqual(reveal, { type: 'revealSource', file: 'dead_lock.py', line: 9 });
  assert.ok(posted.some((m: any) => m.type === 'seek'));
  // hovering shows a tooltip naming the state
  await h.page.mouse.move(box.x + x + 3, box.y + y);
  await h.page.waitForSelector('.tooltip:not([hidden])');
  assert.match(await h.page.locator('.tooltip').innerText(), /blocked on sleep/);
});

test('signal: send marker, pending span, delivery marker, handler span', { skip }, async () => {
  const d = await h.load('alarm.py', alarmSignal());
  assert.equal(d.stats.signalsSent, 1);
  assert.equal(d.stats.pendingSpans, 1);
  assert.equal(d.stats.handlerSpans, 1);
  // everything happens in the last 0.01% of the run: zoom onto it
  await h.page.evaluate(() => (window as any).__threadlineDebug.benchView(999_990_000, 200));
  const z = await h.snapshot();
  assert.ok((z.render!.markerKinds.sigSend ?? 0) >= 1, JSON.stringify(z.render!.markerKinds));
  assert.ok((z.render!.markerKinds.sigDeliver ?? 0) >= 1, JSON.stringify(z.render!.markerKinds));
  await shot('signal-handler'); // synthetic: a Python handler span (alarm.py uses the default action)
});

test('fork, zombie span, reap, IPC arrow; output duplicated and lost', { skip }, async () => {
  const d = await h.load('fork_zombie.py', forkZombieReap());
  assert.deepEqual(d.lanes.filter((l) => l.kind === 'process').map((l) => l.pid), [1, 2]);
  assert.equal(d.stats.forks, 1);
  assert.equal(d.stats.ipcArrows, 1);
  assert.ok(d.render!.arrows >= 2, 'fork + IPC arrows drawn');
  assert.ok((d.render!.markerKinds.reap ?? 0) >= 1);
  assert.ok((d.render!.markerKinds.dup ?? 0) >= 1 && (d.render!.markerKinds.lost ?? 0) >= 1);
  if (!golden('zombie')) await shot('fork-zombie');
});

test('hang banner', { skip }, async () => {
  const d = await h.load('hang.py', hangEvent());
  assert.equal(d.banner.kind, 'hang');
  assert.match(d.banner.text, /Hang/);
  assert.ok(await h.page.locator('.banner-hang').isVisible());
});

test('zoom, pan, fit-all, lane filter, playhead', { skip }, async () => {
  await h.load('demo.py', gilTwoThreads());
  const before = await h.snapshot();
  const box = (await h.page.locator('canvas').boundingBox())!;
  await h.page.mouse.move(box.x + 600, box.y + 80);
  await h.page.keyboard.down('Control');
  await h.page.mouse.wheel(0, -400);
  await h.page.keyboard.up('Control');
  await h.page.waitForFunction((n) => (window as any).__threadlineDebug.snapshot().view.nsPerPx < n, before.view.nsPerPx);
  const zoomed = await h.snapshot();
  await h.page.mouse.move(box.x + 600, box.y + 80);
  await h.page.mouse.down();
  await h.page.mouse.move(box.x + 400, box.y + 80, { steps: 4 });
  await h.page.mouse.up();
  const panned = await h.snapshot();
  assert.ok(panned.view.t0 > zoomed.view.t0, 'dragging left shows later times');
  await h.page.keyboard.press('f');
  await h.page.waitForFunction((n) => (window as any).__threadlineDebug.snapshot().view.nsPerPx === n, before.view.nsPerPx);
  await h.post({ type: 'playhead', seq: 20 });
  await h.page.waitForFunction(() => (window as any).__threadlineDebug.snapshot().playheadSeq === 20);
  await h.page.locator('vscode-text-field').locator('input').fill('Thread-2');
  await h.page.waitForFunction(() => (window as any).__threadlineDebug.snapshot().lanes.length === 3);
  const f = await h.snapshot();
  assert.deepEqual(f.lanes.map((l) => l.label), ['pid 1  python demo.py', 'GIL', 'Thread-2']);
  await h.page.locator('vscode-text-field').locator('input').fill('');
});

test('invalid messages and events are rejected and reported', { skip }, async () => {
  await h.post({ type: 'bogus' });
  await h.post({ type: 'reset', file: 'x.py' });
  await h.post({ type: 'traceBatch', events: [{ seq: 0, t: 0, kind: 'thread.state', pid: 1, tid: '1:1', state: 'blocked' }, ...gilTwoThreads().slice(0, 3)] });
  await h.page.waitForFunction(() => (window as any).__threadlineDebug.snapshot().events === 3);
  const d = await h.snapshot();
  assert.equal(d.stats.invalidEvents, 1);
  const errors = (await h.posted()).filter((m: any) => m.type === 'error').map((m: any) => m.message);
  assert.ok(errors.some((m) => /unknown type "bogus"/.test(m)), errors.join('\n'));
  assert.ok(errors.some((m) => /1 invalid trace event.*on: expected blocking object/.test(m)), errors.join('\n'));
});

test('export buttons post export messages (Chrome trace, PNG image)', { skip }, async () => {
  await h.load('demo.py', gilTwoThreads());
  await h.page.getByText('Export Chrome trace').click();
  await h.page.getByText('Export image').click();
  const posted = await h.posted();
  assert.ok(posted.some((m: any) => m.type === 'export' && m.format === 'chrome'));
  const img = posted.find((m: any) => m.type === 'exportImage') as { format: string; data: string };
  assert.equal(img.format, 'png');
  assert.match(img.data, /^data:image\/png;base64,/);
});

test('JSONL batches (the fast path for big traces) give the same picture', { skip }, async () => {
  const { toJsonl } = await import('../../src/trace/jsonl');
  const ev = deadlockTwoLocks();
  await h.post({ type: 'reset', file: 'dead_lock.py' });
  await h.post({ type: 'traceBatch', jsonl: toJsonl(ev.slice(0, 20)) });
  await h.post({ type: 'traceBatch', jsonl: toJsonl(ev.slice(20)) + 'not json\n', done: true });
  await h.page.waitForFunction((n) => (window as any).__threadlineDebug.snapshot().lastFrameEvents === n, ev.length);
  const d = await h.snapshot();
  assert.equal(d.banner.kind, 'deadlock');
  assert.equal(d.stats.gilHandoffs, DEADLOCK_HANDOFFS);
  const errors = (await h.posted()).filter((m: any) => m.type === 'error').map((m: any) => m.message);
  assert.ok(errors.some((m) => /bad JSONL line/.test(m)), errors.join('\n'));
});

const modelOf = (ev: TraceEvent[]): TimelineModel => {
  const m = new TimelineModel();
  m.addEvents(ev);
  return m;
};
/** what a picture is made of, for comparing two ways of loading the same trace */
const picture = (d: Awaited<ReturnType<Harness['snapshot']>>) => ({
  lanes: d.lanes, stats: d.stats, banner: d.banner, events: d.events, outcome: d.outcome, rects: d.render!.rects,
  markers: d.render!.markers, arrows: d.render!.arrows,
});

test('snapshot (packed model from the host) gives the same picture; details are fetched on demand', { skip }, async () => {
  const ev = deadlockTwoLocks();
  const viaEvents = picture(await h.load('dead_lock.py', ev));
  await h.postSnapshot('dead_lock.py', 7, packModel(modelOf(ev)));
  await h.page.waitForFunction(() => (window as any).__threadlineDebug.snapshot().snapshot?.run === 7);
  await h.page.waitForFunction((n) => (window as any).__threadlineDebug.snapshot().lastFrameEvents === n, ev.length);
  const d = await h.snapshot();
  assert.deepEqual(picture(d), viaEvents);
  assert.deepEqual(d.snapshot, { run: 7, packed: ev.length });
  assert.deepEqual(d.errors, []);
  // hover Thread-1's sleep: a placeholder, a detail request, then the real tooltip
  const lane = d.lanes.find((l) => l.tid === '1:2')!;
  const x = await h.page.evaluate(() => (window as any).__threadlineDebug.xOf(50_000_000));
  const box = (await h.page.locator('canvas').boundingBox())!;
  const y = box.y + d.axisHeight + lane.y + lane.h / 2 - d.scrollY;
  await h.page.mouse.move(box.x + x, y);
  await h.page.waitForSelector('.tooltip:not([hidden])');
  assert.match(await h.page.locator('.tooltip').innerText(), /sleeping: sleep[\s\S]*loading details/);
  const req = (await h.posted()).filter((m: any) => m.type === 'detail').pop() as { run: number; ev: number };
  assert.equal(req.run, 7);
  assert.equal(ev[req.ev].kind, 'thread.state');
  await h.post({ type: 'detail', run: 6, ev: req.ev, event: ev[0] as never }); // stale run: ignored
  await h.post({ type: 'detail', run: 7, ev: req.ev, event: ev[req.ev] as never });
  await h.page.waitForFunction(() => /blocked on sleep/.test(document.querySelector('.tooltip')!.textContent ?? ''));
  // a click on an event whose details are known reveals its line at once
  await h.page.mouse.click(box.x + x, y);
  const reveal = (await h.posted()).filter((m: any) => m.type === 'revealSource').pop();
  assert.deepEqual(reveal, { type: 'revealSource', file: 'dead_lock.py', line: 9 });
  // an invalid detail is rejected
  await h.post({ type: 'detail', run: 7, ev: 3, event: { kind: 'nope' } as never });
  await h.page.waitForFunction(() => (window as any).__threadlineDebug.snapshot().errors.some((e: string) => /^detail:/.test(e)));
});

test('snapshot mid-run, then live batches: the run continues as if streamed whole', { skip }, async () => {
  const ev = forkZombieReap();
  const whole = picture(await h.load('fork_zombie.py', ev));
  const cut = Math.floor(ev.length / 2);
  const half = modelOf(ev.slice(0, cut));
  await h.postSnapshot('fork_zombie.py', 8, packModel(half));
  await h.post({ type: 'traceBatch', events: ev.slice(cut) as never, done: true });
  await h.page.waitForFunction((n) => (window as any).__threadlineDebug.snapshot().lastFrameEvents === n, ev.length);
  assert.deepEqual(picture(await h.snapshot()), whole);
});

test('a malformed snapshot is rejected and reported', { skip }, async () => {
  const p = packModel(modelOf(gilTwoThreads()));
  p.intervals.ev[0] = 1e6;
  await h.postSnapshot('demo.py', 9, p);
  await h.page.waitForFunction(() => (window as any).__threadlineDebug.snapshot().errors.some((e: string) => /snapshot: intervals\.ev/.test(e)));
  const d = await h.snapshot();
  assert.equal(d.events, 0);
});

test('restored after a reload: the saved view comes back with the re-run of the same file', { skip }, async () => {
  const ev = deadlockTwoLocks();
  await h.load('dead_lock.py', ev);
  await h.page.locator('canvas').focus();
  await h.page.keyboard.press('w');
  await h.page.keyboard.press('w');
  await h.page.waitForFunction(() => (window as any).__threadlineDebug.snapshot().frames > 0);
  const zoomed = await h.snapshot();
  const saved = await h.page.evaluate(() => JSON.parse(sessionStorage.getItem('threadline-state')!));
  assert.equal(saved.file, 'dead_lock.py');
  assert.equal(saved.viewport.nsPerPx, zoomed.view.nsPerPx);
  await h.page.reload();
  await h.page.waitForFunction(() => !!(window as any).__threadlineDebug);
  assert.deepEqual((await h.posted())[0], { type: 'ready', state: saved });
  const d = await h.load('dead_lock.py', ev); // the host runs the file again
  assert.equal(d.view.nsPerPx, zoomed.view.nsPerPx);
  assert.equal(d.view.t0, zoomed.view.t0);
  await h.page.locator('canvas').focus();
  await h.page.keyboard.press('f');
  await h.page.waitForFunction((n) => (window as any).__threadlineDebug.snapshot().view.nsPerPx !== n, zoomed.view.nsPerPx);
  await h.page.evaluate(() => sessionStorage.clear());
});

// ───────────── real traces from the simulator ─────────────

test('real trace, samples/dead_lock.py: deadlock banner naming the cycle, graph, highlighted lanes', { skip: noGolden('dead_lock') }, async () => {
  const ev = golden('dead_lock')!;
  const dl = ev.find((e) => e.kind === 'deadlock')!;
  assert.ok(dl.kind === 'deadlock');
  const d = await h.load('dead_lock.py', ev);
  assert.equal(d.banner.kind, 'deadlock');
  const names = dl.cycle.map((w) => w.threadName ?? w.thread);
  assert.match(d.banner.text, new RegExp(`Deadlock: ${names.map((n) => n.replace(/[()]/g, '\\$&')).join(' → ')} → `));
  const objects = dl.cycle.map((w) => w.waitsFor.name!);
  assert.deepEqual(d.banner.nodes.map((n) => n.label).sort(), [...names, ...objects].sort());
  assert.equal(d.banner.edges.filter((e) => e.label === 'holds').length, 2);
  assert.equal(d.banner.edges.filter((e) => e.label === 'waits for').length, 2);
  assert.deepEqual(d.lanes.filter((l) => l.highlight).map((l) => l.tid).sort(), dl.cycle.map((w) => w.thread).sort());
  assert.deepEqual(d.lanes.map((l) => l.kind), ['process', 'gil', 'thread', 'thread', 'thread']);
  assert.ok(d.stats.gilHandoffs > 0);
  assert.deepEqual(d.stats, modelStats(ev));
  assert.equal(d.outcome?.outcome, 'deadlock');
  await shot('deadlock');
  // the graph's lock node reveals the line that created the lock
  await h.page.locator(`.waitgraph .node[data-id="o:${dl.cycle[0].waitsFor.id}"]`).click();
  const posted = await h.posted();
  assert.deepEqual(posted[posted.length - 1], { type: 'revealSource', file: 'dead_lock.py', line: dl.cycle[0].waitsFor.line });
});

test('real trace, samples/zombie.py: fork arrow, child exits, zombie span, SIGCHLD, reparent and reap by init', { skip: noGolden('zombie') }, async () => {
  const ev = golden('zombie')!;
  const d = await h.load('zombie.py', ev);
  const fork = ev.find((e) => e.kind === 'process.fork')!;
  assert.ok(fork.kind === 'process.fork');
  assert.deepEqual(d.lanes.filter((l) => l.kind === 'process').map((l) => l.pid), [fork.pid, fork.child]);
  assert.equal(d.stats.forks, 1);
  assert.deepEqual(d.stats, modelStats(ev));
  assert.ok(d.render!.arrows >= 1, 'fork arrow drawn');
  const k = d.render!.markerKinds;
  assert.ok((k.fork ?? 0) >= 1 && (k.exit ?? 0) >= 1 && (k.reap ?? 0) >= 1 && (k.reparent ?? 0) >= 1, JSON.stringify(k));
  assert.ok((k.sigDefault ?? 0) + (k.sigDeliver ?? 0) >= 1, 'SIGCHLD delivered to the parent');
  await shot('fork-zombie');
});

test('real trace, samples/alarm.py: sleep, pause, SIGALRM sent and delivered, killed by its default action', { skip: noGolden('alarm') }, async () => {
  const ev = golden('alarm')!;
  const d = await h.load('alarm.py', ev);
  assert.ok(d.stats.signalsSent >= 1 && d.stats.signalsDelivered >= 1);
  assert.deepEqual(d.stats, modelStats(ev));
  const k = d.render!.markerKinds;
  assert.ok((k.sigSend ?? 0) >= 1 && (k.sigDeliver ?? 0) + (k.sigDefault ?? 0) >= 1, JSON.stringify(k));
  assert.match(d.lanes[0].label, /alarm\.py/);
  await shot('alarm');
});

test('real trace, two CPU-bound threads (kernel golden): GIL lane and handoff arrows', { skip: noGolden('gil_two_threads') }, async () => {
  const ev = golden('gil_two_threads')!;
  const d = await h.load('gil_two_threads.py', ev);
  assert.ok(d.lanes.some((l) => l.kind === 'gil'));
  assert.ok(d.stats.gilHandoffs > 0);
  assert.deepEqual(d.stats, modelStats(ev));
  await shot('gil-handoffs');
});
