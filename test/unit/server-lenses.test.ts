// CodeLens sites and titles computed from the AST (no LSP transport).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { initParser, parse } from '../../src/sim/syntax/parser';
import { readParserWasm } from '../../src/server/wasm';
import { buildLenses, describeThread, findSites } from '../../src/server/lenses';
import type { SessionState } from '../../src/protocol/session';

before(async () => {
  await initParser(readParserWasm());
});

function sitesOf(src: string) {
  const r = parse(src, 'x.py');
  assert.ok(r.module, `parses: ${JSON.stringify(r.errors)}`);
  return findSites(r.module);
}

const DEAD_LOCK = `import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()

def worker1():
    with lock_a:
        time.sleep(0.1)
        with lock_b:
            print("worker1")

def worker2():
    with lock_b:
        time.sleep(0.1)
        with lock_a:
            print("worker2")

t1 = threading.Thread(target=worker1)
t2 = threading.Thread(target=worker2, name="second")
t1.start(); t2.start()
t1.join(); t2.join()
`;

test('thread creations and their targets get Step lenses at the right positions', () => {
  const s = sitesOf(DEAD_LOCK);
  assert.equal(s.concurrency, true);
  assert.deepEqual(s.creations.map((c) => [c.kind, c.line, c.col, c.target, c.name]), [
    ['thread', 19, 5, 'worker1', undefined],
    ['thread', 20, 5, 'worker2', 'second'],
  ]);
  assert.deepEqual(s.targets.map((t) => [t.name, t.line, t.col]), [['worker1', 7, 0], ['worker2', 13, 0]]);
  const lenses = buildLenses('file:///x.py', s);
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command!.title, l.command!.command]),
    [
      [0, '▶ Run in Threadline', 'threadline.run'],
      [0, 'Step', 'threadline.step'],
      [0, 'Find deadlocks', 'threadline.findDeadlocks'],
      [6, 'Step Thread (worker1)', 'threadline.step'],
      [12, 'Step Thread (worker2)', 'threadline.step'],
      [18, 'Step Thread (worker1)', 'threadline.step'],
      [19, 'Step second', 'threadline.step'],
    ],
  );
  assert.deepEqual(lenses[0]!.command!.arguments, [{ uri: 'file:///x.py' }]);
});

test('Pool and a Thread class passed as a value are creation sites', () => {
  const s = sitesOf(`import threading
from multiprocessing import Pool

def count(n):
    pass

def parallel(cls, fn, args):
    ts = [cls(target=fn, args=args) for _ in range(2)]

parallel(threading.Thread, count, (1,))
pool = Pool(4)
`);
  assert.deepEqual(s.creations.map((c) => [c.kind, c.line, c.target, c.name]), [['thread', 10, 'count', undefined], ['process', 11, undefined, 'Pool worker']]);
  assert.deepEqual(s.targets.map((t) => [t.name, t.line]), [['count', 4]]);
});

test('a file without concurrency gets no lenses', () => {
  const s = sitesOf('import os\nprint(os.getpid())\nx = [1, 2]\n');
  assert.equal(s.concurrency, false);
  assert.deepEqual(buildLenses('file:///y.py', s), []);
});

test('aliases, from-imports, Process, fork and Thread subclasses are recognised', () => {
  const s = sitesOf(`import multiprocessing as mp
from threading import Thread as T
import os

class Player(T):
    def run(self):
        pass

class Fancy(Player):
    pass

def job(n):
    pass

p = mp.Process(target=job, args=(1,))
t = T(target=job)
pl = Player()
pid = os.fork()
`);
  const kinds = s.creations.map((c) => `${c.kind}@${c.line}${c.target ? ':' + c.target : ''}${c.cls ? ':' + c.cls : ''}`);
  assert.deepEqual(kinds, ['subclass@5:Player', 'subclass@9:Fancy', 'process@15:job', 'thread@16:job', 'thread@17:Player', 'fork@18']);
  assert.deepEqual(s.targets.map((t) => `${t.name}@${t.line}`), ['Player.run@6', 'job@12']);
  const titles = buildLenses('file:///z.py', s).map((l) => l.command!.title);
  assert.ok(titles.includes('Step fork child'));
  assert.ok(titles.includes('Step Process (job)'));
  assert.ok(titles.includes('Step Player'));
});

test('signal.signal, pause and alarm lines get Send lenses', () => {
  const s = sitesOf(`import signal
from signal import SIGUSR1

def handler(sig, frame):
    print("got", sig)

signal.signal(signal.SIGALRM, handler)
signal.signal(SIGUSR1, handler)
signal.signal(2, signal.SIG_IGN)
signal.alarm(3)
signal.pause()
`);
  assert.deepEqual(s.signals.map((x) => [x.line, x.call, x.signals]), [
    [7, 'signal', ['SIGALRM']],
    [8, 'signal', ['SIGUSR1']],
    [9, 'signal', ['SIGINT']],
    [10, 'alarm', ['SIGALRM', 'SIGUSR1', 'SIGINT']],
    [11, 'pause', ['SIGALRM', 'SIGUSR1', 'SIGINT']],
  ]);
  const send = buildLenses('file:///s.py', s).filter((l) => l.command!.command === 'threadline.sendSignal');
  assert.equal(send[0]!.command!.title, 'Send SIGALRM');
  assert.deepEqual(send[0]!.command!.arguments, [{ uri: 'file:///s.py', sessionId: undefined, signal: 'SIGALRM' }]);
  assert.equal(send[0]!.range.start.line, 6);
});

test('pause with no handler offers SIGINT', () => {
  const s = sitesOf('import signal\nsignal.pause()\n');
  assert.deepEqual(s.signals.map((x) => x.signals), [['SIGINT']]);
});

test('while a session is paused, Step lenses name the threads and their state', () => {
  const s = sitesOf(DEAD_LOCK);
  const session: SessionState = {
    sessionId: 's1', uri: 'file:///x.py', status: 'paused', steps: 42, virtualTimeNs: 1000, lastSeq: 10,
    processes: [{ pid: 1, ppid: 0, name: 'python', state: 'S' }],
    threads: [
      { tid: '1:1', pid: 1, name: 'MainThread', state: 'blocked', main: true, line: 22, waitsFor: { kind: 'join', id: '1:2' } },
      { tid: '1:2', pid: 1, name: 'Thread-1 (worker1)', state: 'ready', main: false, line: 10, target: 'worker1' },
      { tid: '1:3', pid: 1, name: 'second', state: 'blocked', main: false, line: 16, createdAt: 20, waitsFor: { kind: 'lock', id: 'lock#1', name: 'lock_a', holder: '1:2' } },
    ],
  };
  const lenses = buildLenses('file:///x.py', s, session);
  const at = (line: number) => lenses.filter((l) => l.range.start.line === line - 1).map((l) => l.command!.title);
  assert.deepEqual(at(1), ['▶ Continue · paused at step 42', 'Step MainThread · joining Thread-1 (worker1)', '■ Stop']);
  assert.deepEqual(at(19), ['Step Thread-1 (worker1) · ready at line 10']);
  assert.deepEqual(at(20), ['Step second · blocked on lock_a']);
  assert.deepEqual(at(7), ['Step Thread-1 (worker1) · ready at line 10']);
  const step = lenses.find((l) => l.command!.title.startsWith('Step second'))!;
  assert.deepEqual(step.command!.arguments, [{ uri: 'file:///x.py', sessionId: 's1', tid: '1:3' }]);
});

test('describeThread', () => {
  const base = { tid: '1:2', pid: 1, name: 'T', main: false } as const;
  assert.equal(describeThread({ ...base, state: 'running', line: 5 }), 'line 5');
  assert.equal(describeThread({ ...base, state: 'exited' }), 'exited');
  assert.equal(describeThread({ ...base, state: 'blocked', waitsFor: { kind: 'sleep', id: 'sleep' } }), 'sleeping');
  assert.equal(describeThread({ ...base, state: 'blocked', waitsFor: { kind: 'lock', id: 'lock#2' } }), 'blocked on lock#2');
});

test('every sample that uses concurrency gets top lenses, and none throws', () => {
  const dir = path.resolve(import.meta.dirname, '../../samples');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.py')) : [];
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    const r = parse(src, f);
    if (!r.module) continue;
    const s = findSites(r.module);
    const lenses = buildLenses(`file:///${f}`, s);
    if (/^\s*(import|from)\s+(threading|multiprocessing|signal)\b/m.test(src)) {
      assert.equal(lenses[0]?.command?.title, '▶ Run in Threadline', f);
    }
    for (const l of lenses) assert.ok(l.range.start.line < src.split('\n').length, `${f}: lens inside the file`);
  }
});

/** The lenses of a sample as "line:title" (line 1-based), found by text so edits to the samples' comments do not matter. */
function sampleLenses(name: string): { src: string[]; lenses: string[] } | null {
  const file = path.resolve(import.meta.dirname, '../../samples', name);
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  const r = parse(text, name);
  assert.ok(r.module, `${name} parses`);
  return { src: text.split('\n'), lenses: buildLenses(`file:///${name}`, findSites(r.module)).map((l) => `${l.range.start.line + 1}:${l.command!.title}`) };
}

const lineOf = (src: string[], needle: string) => src.findIndex((l) => l.includes(needle)) + 1;

test('samples/dead_lock.py: top lenses, both Thread(...) calls and both targets', (t) => {
  const s = sampleLenses('dead_lock.py');
  if (!s) return t.skip('samples/dead_lock.py not present');
  assert.deepEqual(s.lenses, [
    '1:▶ Run in Threadline', '1:Step', '1:Find deadlocks',
    `${lineOf(s.src, 'def t1')}:Step Thread (t1)`,
    `${lineOf(s.src, 'def t2')}:Step Thread (t2)`,
    `${lineOf(s.src, 'Thread(target=t1')}:Step Thread (t1)`,
    `${lineOf(s.src, 'Thread(target=t2')}:Step Thread (t2)`,
  ]);
});

test('samples/signal_handler.py and alarm.py: Send lenses on signal/alarm/pause lines', (t) => {
  const s = sampleLenses('signal_handler.py');
  const a = sampleLenses('alarm.py');
  if (!s || !a) return t.skip('signal samples not present');
  const sends = (x: { lenses: string[] }) => x.lenses.filter((l) => l.includes(':Send '));
  for (const l of sends(s)) {
    const [line, title] = l.split(':');
    const code = s.src[Number(line) - 1]!;
    assert.match(code, /signal\.(signal|pause|alarm)\(/, l);
    if (code.includes('signal.signal(')) assert.ok(code.includes(title!.replace('Send ', '')), `${l} names the signal of its line`);
  }
  assert.ok(sends(s).length >= 4);
  assert.deepEqual(sends(a).map((l) => l.split(':')[1]), ['Send SIGINT', 'Send SIGINT', 'Send SIGINT']);
  assert.equal(Number(sends(a)[2]!.split(':')[0]), lineOf(a.src, 'signal.pause()'));
});
