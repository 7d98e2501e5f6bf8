// Signals end to end (issue 6): handlers between instructions in the main thread, default
// actions and exit statuses, alarm/pause/setitimer, PEP 475 interruption, stop/continue,
// keyboard signals to the foreground process group (--signal), the driver/conductor
// homework.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { initSim, py, sim } from './process-sim';

before(() => initSim());

test('signal.signal returns the previous handler; the handler runs right after os.kill, traced', () => {
  const r = sim(py(`
    import os, signal
    def h(sig, frame):
        print("got", sig, frame is not None)
    print(signal.signal(signal.SIGUSR1, h))
    os.kill(os.getpid(), signal.SIGUSR1)
    print("after")
    print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is h)
  `));
  assert.equal(r.stdout, 'Handlers.SIG_DFL\ngot 10 True\nafter\nTrue\n'.replace('Handlers.SIG_DFL', '0'));
  assert.deepEqual(r.problems, []);
  const kinds = r.trace.filter((e) => e.kind.startsWith('signal.')).map((e) => e.kind);
  assert.deepEqual(kinds, ['signal.send', 'signal.pend', 'signal.deliver', 'signal.handler.enter', 'signal.handler.exit']);
  const enter = r.of('signal.handler.enter')[0]!;
  assert.deepEqual([enter.handler, enter.sig, enter.tid], ['h', 'SIGUSR1', '1000:1']);
  const send = r.of('signal.send')[0]!;
  assert.deepEqual([send.pid, send.target, send.source, send.loc?.line], [1000, 1000, 'kill', 5]);
});

test('default actions: terminate (exit 128+N, buffers lost), SIGINT -> KeyboardInterrupt (130), ignore', () => {
  const t = sim(py(`
    import os, signal
    print("lost in the pipe buffer")
    os.kill(os.getpid(), signal.SIGTERM)
  `));
  assert.deepEqual([t.outcome, t.exitCode, t.stdout], ['signal', 143, '']);
  assert.equal(t.of('io.lost')[0]!.text, 'lost in the pipe buffer\n');
  assert.equal(t.of('signal.default')[0]!.action, 'terminate');
  assert.deepEqual(t.of('process.exit')[0]!.signal, { signum: 15, sig: 'SIGTERM' });

  const k = sim(py(`
    import os, signal
    try:
        os.kill(os.getpid(), signal.SIGINT)
    except KeyboardInterrupt:
        print("caught")
    os.kill(os.getpid(), signal.SIGINT)
  `));
  assert.deepEqual([k.stdout, k.exitCode, k.outcome], ['caught\n', 130, 'signal']);
  assert.match(k.stderr, /KeyboardInterrupt\n$/);
  assert.equal(k.of('signal.handler.enter')[0]!.handler, 'default_int_handler');
  assert.equal(k.of('signal.handler.exit')[0]!.raised, 'KeyboardInterrupt');

  const i = sim(py(`
    import os, signal
    signal.signal(signal.SIGUSR2, signal.SIG_IGN)
    os.kill(os.getpid(), signal.SIGUSR2)
    print("alive")
  `));
  assert.equal(i.stdout, 'alive\n');
  assert.equal(i.of('signal.deliver')[0]!.disposition, 'ignore');
});

test('SIGKILL and SIGSTOP cannot be caught or ignored', () => {
  const r = sim(py(`
    import signal
    for s in (signal.SIGKILL, signal.SIGSTOP):
        try:
            signal.signal(s, signal.SIG_IGN)
        except OSError as e:
            print(s.name, e)
  `));
  assert.equal(r.stdout, 'SIGKILL [Errno 22] Invalid argument\nSIGSTOP [Errno 22] Invalid argument\n');
});

test('alarm: one per process, a new one replaces the old and returns the seconds left; pause', () => {
  const r = sim(py(`
    import signal, time
    signal.signal(signal.SIGALRM, lambda s, f: print("alarm at", round(time.monotonic(), 3)))
    print(signal.alarm(5))
    time.sleep(2)
    print(signal.alarm(3))
    signal.pause()
    print(signal.alarm(0))
  `));
  assert.equal(r.stdout, '0\n3\nalarm at 5.0\n0\n');
  assert.equal(r.of('signal.send')[0]!.source, 'alarm');
  const dflt = sim('import signal\nsignal.alarm(1)\nsignal.pause()\n');
  assert.deepEqual([dflt.exitCode, dflt.outcome], [142, 'signal']);
});

test('PEP 475: sleep resumes after a handler for the remaining time, unless the handler raises', () => {
  const r = sim(py(`
    import signal, time
    signal.signal(signal.SIGALRM, lambda s, f: print("tick", round(time.monotonic(), 2)))
    signal.setitimer(signal.ITIMER_REAL, 0.25, 0.25)
    time.sleep(1)
    print("slept", round(time.monotonic(), 2))
    signal.setitimer(signal.ITIMER_REAL, 0)
    def boom(s, f):
        raise TimeoutError("too slow")
    signal.signal(signal.SIGALRM, boom)
    signal.alarm(1)
    try:
        time.sleep(10)
    except TimeoutError as e:
        print(e, round(time.monotonic(), 2))
  `));
  assert.equal(r.stdout, 'tick 0.25\ntick 0.5\ntick 0.75\ntick 1.0\nslept 1.0\ntoo slow 2.0\n');
});

test('handlers run only in the main thread; a blocked main thread is interrupted for them', () => {
  const r = sim(py(`
    import os, signal, threading, time
    def h(s, f):
        print("handler in", threading.current_thread().name)
    signal.signal(signal.SIGUSR1, h)
    def worker():
        os.kill(os.getpid(), signal.SIGUSR1)
        time.sleep(0.1)
    t = threading.Thread(target=worker)
    t.start()
    t.join()
    print("joined")
  `));
  assert.equal(r.stdout, 'handler in MainThread\njoined\n');
  assert.equal(r.of('signal.handler.enter')[0]!.tid, '1000:1');
});

test('SIGTSTP stops a process (state T) until SIGCONT; SIGCHLD tells the parent', () => {
  const r = sim(py(`
    import os, signal, time
    pid = os.fork()
    if pid == 0:
        time.sleep(0.2)
        print("child at", round(time.monotonic(), 1), flush=True)
        os._exit(0)
    os.kill(pid, signal.SIGTSTP)
    time.sleep(1)
    os.kill(pid, signal.SIGCONT)
    os.wait()
  `));
  assert.equal(r.stdout, 'child at 1.2\n'); // stopped before its sleep began
  const states = r.of('process.state').filter((e) => e.pid === 1001).map((e) => e.state);
  assert.ok(states.includes('T'));
  assert.ok(r.of('signal.send').filter((e) => e.sig === 'SIGCHLD').length >= 3, 'stop, continue and exit');
});

test('--signal: keyboard signals go to the whole foreground process group; a pid targets one', () => {
  const src = py(`
    import os, signal, time
    def h(s, f):
        print(os.getpid(), "got", signal.Signals(s).name, flush=True)
    signal.signal(signal.SIGINT, h)
    pid = os.fork()
    time.sleep(1)
    if pid:
        os.wait()
  `);
  const all = sim(src, { signals: [{ timeNs: 500_000_000, signal: 'SIGINT' }] });
  assert.deepEqual(all.stdout.split('\n').sort(), ['', '1000 got SIGINT', '1001 got SIGINT']);
  assert.ok(all.of('signal.send').filter((e) => e.sig === 'SIGINT').every((e) => e.source === 'keyboard' && e.pid === 0));
  const one = sim(src, { signals: [{ timeNs: 500_000_000, signal: 'INT', pid: 1001 }] });
  assert.equal(one.stdout, '1001 got SIGINT\n');
});

test('the driver and the conductor (homework) with SIGINT, SIGQUIT and SIGTSTP from the keyboard', () => {
  const src = fs.readFileSync('samples/driver_conductor.py', 'utf8');
  const r = sim(src, {
    stdout: 'tty', file: 'driver_conductor.py',
    signals: [{ timeNs: 1e9, signal: 'SIGINT' }, { timeNs: 2e9, signal: 'SIGQUIT' }, { timeNs: 3e9, signal: 'SIGTSTP' }],
  });
  assert.equal(r.stdout, [
    'The old driver starts the bus', 'A bit fast, fasten your seat belts', 'We have arrived, please get off', 'The driver gets off', '',
  ].join('\n'));
  assert.equal(r.exitCode, 0);
  // the conductor (child) got off first
  const exits = r.of('process.exit');
  assert.deepEqual(exits.map((e) => e.pid), [1001, 1000]);
  const demo = sim(src, { stdout: 'tty', file: 'driver_conductor.py', argv: ['driver_conductor.py', '--demo'] });
  assert.equal(demo.stdout, r.stdout);
});

test('Ctrl-Z (--signal T:SIGTSTP) stops the whole job: the run ends as a shell reports it (148)', () => {
  const r = sim(py(`
    import os, time
    if os.fork() == 0:
        time.sleep(5)
        os._exit(0)
    time.sleep(5)
    os.wait()
  `), { signals: [{ timeNs: 1e9, signal: 'SIGTSTP' }] });
  assert.deepEqual([r.outcome, r.exitCode], ['signal', 148]);
  assert.match(r.stderr, /stopped by SIGTSTP/);
  assert.deepEqual(r.of('process.state').filter((e) => e.state === 'T').map((e) => e.pid), [1000, 1001]);
});

test('Condition.wait in the main thread: a handler runs during the wait (then it goes on); an exception re-takes the lock first', () => {
  const r = sim(py(`
    import threading, signal, os, time
    c = threading.Condition()
    events = []
    signal.signal(signal.SIGUSR1, lambda s, f: events.append("handler"))
    def poke():
        time.sleep(0.1)
        os.kill(os.getpid(), signal.SIGUSR1)
        time.sleep(0.1)
        with c:
            c.notify()
        time.sleep(0.1)
        os.kill(os.getpid(), signal.SIGINT)
    threading.Thread(target=poke).start()
    with c:
        print("woken:", c.wait(), events)
    try:
        with c:
            c.wait()
    except KeyboardInterrupt:
        print("interrupted; lock free:", c.acquire(blocking=False))
  `));
  assert.equal(r.stdout, "woken: True ['handler']\ninterrupted; lock free: True\n");
});
