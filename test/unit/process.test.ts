// Processes end to end (issue 6): fork, exit, zombies, orphans, wait, the process limit,
// buffered output across fork, IPC through pipes, and deadlocks/hangs across processes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initSim, py, sim } from './process-sim';

before(() => initSim());

test('fork: 0 in the child, the child pid in the parent; trace fork/thread.start/exit/zombie/reap', () => {
  const r = sim(py(`
    import os, sys
    pid = os.fork()
    if pid == 0:
        print("child", os.getpid(), os.getppid())
        sys.exit(3)
    cpid, status = os.wait()
    print("parent", pid, cpid == pid, os.WEXITSTATUS(status))
  `));
  assert.equal(r.stdout, 'child 1001 1000\nparent 1001 True 3\n');
  assert.deepEqual(r.problems, []);
  const fork = r.of('process.fork')[0]!;
  assert.deepEqual([fork.pid, fork.child, fork.loc?.line], [1000, 1001, 2]);
  const st = r.of('thread.start').find((e) => e.pid === 1001)!;
  assert.equal(st.forkedFrom, '1000:1');
  assert.equal(st.main, true);
  const exit = r.of('process.exit').find((e) => e.pid === 1001)!;
  assert.equal(exit.status, 3);
  const kinds = r.trace.filter((e) => 'pid' in e && (e.kind.startsWith('process.') && (e.pid === 1001 || (e.kind === 'process.reap'))));
  assert.deepEqual(kinds.map((e) => e.kind).filter((k) => k !== 'process.state'), ['process.exit', 'process.zombie', 'process.reap']);
  assert.equal(r.of('process.reap')[0]!.pid, 1000);
});

test('fork: text still buffered (stdout a pipe) is copied into the child: io.dup, printed twice', () => {
  const src = py(`
    import os
    print("before fork")
    pid = os.fork()
    if pid:
        os.wait()
  `);
  const piped = sim(src);
  assert.equal(piped.stdout, 'before fork\nbefore fork\n');
  const dup = piped.of('io.dup');
  assert.equal(dup.length, 1);
  assert.deepEqual([dup[0]!.pid, dup[0]!.parent, dup[0]!.text], [1001, 1000, 'before fork\n']);
  assert.equal(sim(src, { stdout: 'tty' }).stdout, 'before fork\n');
});

test('os._exit discards unflushed output (io.lost, immediate); sys.exit flushes it', () => {
  const r = sim(py(`
    import os, sys
    if os.fork() == 0:
        print("lost")
        os._exit(0)
    os.wait()
    if os.fork() == 0:
        try:
            print("kept")
            sys.exit(0)
        finally:
            print("finally")
    os.wait()
  `));
  assert.equal(r.stdout, 'kept\nfinally\n');
  assert.equal(r.of('io.lost')[0]!.text, 'lost\n');
  assert.equal(r.of('process.exit').find((e) => e.pid === 1001)!.immediate, true);
});

test('zombie: the child stays Z until its parent waits; an orphan is adopted by init (pid 1)', () => {
  const z = sim(py(`
    import os, time
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    time.sleep(1)
    os.wait()
  `));
  const zombie = z.of('process.zombie')[0]!;
  const reap = z.of('process.reap')[0]!;
  assert.ok(z.of('process.state').some((e) => e.pid === 1001 && e.state === 'Z'));
  assert.ok(reap.t - zombie.t >= 999_000_000, 'reaped a second later');
  assert.equal(reap.auto, undefined);

  const o = sim(py(`
    import os, time
    if os.fork() == 0:
        print("parent", os.getppid(), flush=True)
        time.sleep(0.5)
        print("parent", os.getppid(), flush=True)
        os._exit(0)
  `));
  assert.equal(o.stdout, 'parent 1000\nparent 1\n');
  const rp = o.of('process.reparent')[0]!;
  assert.deepEqual([rp.pid, rp.from, rp.to], [1001, 1000, 1]);
  const reaped = o.of('process.reap')[0]!;
  assert.deepEqual([reaped.pid, reaped.child, reaped.auto], [1, 1001, true]);
  assert.equal(o.exitCode, 0);
});

test('waitpid: WNOHANG, a chosen child, ChildProcessError; SIGCHLD ignored reaps automatically', () => {
  const r = sim(py(`
    import os, time, signal
    pid = os.fork()
    if pid == 0:
        time.sleep(0.5)
        os._exit(7)
    print(os.waitpid(pid, os.WNOHANG))
    print(os.waitpid(pid, 0)[1] >> 8)
    try:
        os.waitpid(-1, 0)
    except ChildProcessError as e:
        print(e.errno, e)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    if os.fork() == 0:
        os._exit(1)
    time.sleep(0.1)
    try:
        os.wait()
    except ChildProcessError as e:
        print("auto-reaped")
  `));
  assert.equal(r.stdout, '(0, 0)\n7\n10 [Errno 10] No child processes\nauto-reaped\n');
  assert.equal(r.of('process.reap').at(-1)!.auto, true);
  assert.equal(r.of('process.zombie').length, 1);
});

test('the process limit (64) makes fork fail with BlockingIOError like Linux', () => {
  const r = sim(py(`
    import os, time
    n = 0
    try:
        while True:
            if os.fork() == 0:
                time.sleep(10)
                os._exit(0)
            n += 1
    except BlockingIOError as e:
        print(n, e, flush=True)
    os.killpg(os.getpgrp(), 9)
  `));
  assert.equal(r.stdout, '63 [Errno 11] Resource temporarily unavailable\n');
  assert.equal(r.exitCode, 128 + 9);
  assert.equal(r.outcome, 'signal');
});

test('pipes: EOF once every write end is closed; a forgotten write end is a deadlock across processes', () => {
  const ok = sim(py(`
    import os
    r, w = os.pipe()
    if os.fork() == 0:
        os.close(r)
        os.write(w, b"hello")
        os._exit(0)
    os.close(w)
    print(os.read(r, 100), os.read(r, 100))
  `));
  assert.equal(ok.stdout, "b'hello' b''\n");
  const send = ok.of('ipc.send')[0]!;
  const recv = ok.of('ipc.recv')[0]!;
  assert.equal(send.msgId, recv.msgId);
  assert.deepEqual([send.pid, recv.pid, recv.bytes], [1001, 1000, 5]);

  const stuck = sim(py(`
    import os
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.read(r, 10)
        os._exit(0)
    os.waitpid(pid, 0)
  `));
  assert.equal(stuck.outcome, 'deadlock');
  assert.equal(stuck.exitCode, 3);
  const cycle = stuck.of('deadlock')[0]!.cycle;
  assert.deepEqual(cycle.map((e) => [e.pid, e.waitsFor.kind]), [[1000, 'wait'], [1001, 'pipe']]);
});

test('fork while another thread holds a lock: the child waits for ever (the lock stays held)', () => {
  const r = sim(py(`
    import os, threading, time
    lock = threading.Lock()
    def worker():
        with lock:
            time.sleep(1)
    t = threading.Thread(target=worker)
    t.start()
    time.sleep(0.1)
    pid = os.fork()
    if pid == 0:
        lock.acquire()
        os._exit(0)
    t.join()
    os.waitpid(pid, 0)
  `));
  assert.equal(r.outcome, 'hang');
  const waits = r.of('hang')[0]!.waiters.map((e) => [e.pid, e.waitsFor.kind]);
  assert.deepEqual(waits, [[1000, 'wait'], [1002, 'lock']]);
  // the child's lock is its own copy, held by a thread that does not exist there
  const childLock = r.of('hang')[0]!.waiters[1]!.waitsFor;
  assert.notEqual(childLock.id, 'lock#1');
});

test('wait() for a stopped child is a hang; SIGCONT lets it go on', () => {
  const r = sim(py(`
    import os, signal
    pid = os.fork()
    if pid == 0:
        os.kill(os.getpid(), signal.SIGSTOP)
        os._exit(0)
    p, st = os.waitpid(pid, os.WUNTRACED)
    print(os.WIFSTOPPED(st), os.WSTOPSIG(st), flush=True)
    os.wait()
  `));
  assert.equal(r.stdout, 'True 19\n');
  assert.equal(r.outcome, 'hang');
  assert.ok(r.of('process.state').some((e) => e.pid === 1001 && e.state === 'T'));
  const c = sim(py(`
    import os, signal
    pid = os.fork()
    if pid == 0:
        os.kill(os.getpid(), signal.SIGSTOP)
        print("continued", flush=True)
        os._exit(0)
    os.waitpid(pid, os.WUNTRACED)
    os.kill(pid, signal.SIGCONT)
    print(os.waitpid(pid, os.WCONTINUED)[1] == 0xffff, flush=True)
    os.wait()
  `));
  assert.deepEqual(c.stdout.split('\n').sort(), ['', 'True', 'continued']);
  assert.equal(c.outcome, 'exit');
});

test('multiprocessing: Process start/join/exitcode, is_alive, terminate (-15), names', () => {
  const r = sim(py(`
    import multiprocessing as mp, time, sys
    def ok(): pass
    def bad(): raise ValueError("boom")
    def sleeper(): time.sleep(5)
    if __name__ == "__main__":
        for f in (ok, bad):
            p = mp.Process(target=f)
            p.start(); p.join()
            print(p.name, p.exitcode, p.is_alive())
        p = mp.Process(target=sleeper, name="sleepy")
        p.start()
        time.sleep(0.1)
        print(p.is_alive(), repr(p).startswith("<Process name='sleepy' pid="))
        p.terminate(); p.join()
        print(p.exitcode, repr(p).endswith("exitcode=-SIGTERM>"))
  `));
  assert.equal(r.stdout, 'Process-1 0 False\nProcess-2 1 False\nTrue True\n-15 True\n');
  assert.match(r.stderr, /^Process Process-2:\nTraceback \(most recent call last\):\n[\s\S]*ValueError: boom\n$/);
  assert.deepEqual(r.problems, []);
});

test('multiprocessing: the main process joins non-daemonic children at exit and terminates daemonic ones', () => {
  const r = sim(py(`
    import multiprocessing as mp, time
    def late():
        time.sleep(1)
        print("late child done", flush=True)
    def forever():
        time.sleep(100)
    if __name__ == "__main__":
        mp.Process(target=late).start()
        d = mp.Process(target=forever, daemon=True)
        d.start()
        print("main done", flush=True)
  `));
  assert.equal(r.stdout, 'main done\nlate child done\n');
  assert.equal(r.exitCode, 0);
  const killed = r.of('process.exit').find((e) => e.pid === 1002)!;
  assert.equal(killed.signal?.sig, 'SIGTERM');
  assert.ok(r.virtualTimeNs < 2e9);
});

test('ps: the table shows the zombie (Z, <defunct>) while its parent sleeps', async () => {
  const { runProgram } = await import('../../src/sim/api');
  const r = runProgram({
    filename: 'zombie.py', stdoutMode: 'pipe', processTable: 'verbose',
    source: py(`
      import os, time, signal
      pid = os.fork()
      if pid == 0:
          os._exit(0)
      time.sleep(1)
      os.wait()
    `),
  });
  assert.match(r.stderr, /  PID  PPID STAT CMD\n 1000   999 S\+   python3 zombie\.py\n 1001  1000 Z\+   \[python3\] <defunct>\n/);
});
