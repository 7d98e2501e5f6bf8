// The VM alone: programs run through parse + compile + the interpreter, and the
// state-as-data properties (deep copy / serialize a suspended VM and resume it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initSim } from '../support/sim';
import { compileSource } from '../../src/sim/frontend';
import { createVM } from '../../src/sim/vm/setup';
import { loadMain, type VM, type VMHost } from '../../src/sim/vm/vm';
import { runSteps, step, resumeWith } from '../../src/sim/vm/interp';
import { MODULES } from '../../src/sim/modules/index';
import { streamFlush } from '../../src/sim/vm/stream';
import { exitStatusOf } from '../../src/sim/vm/traceback';
import { deepCopy, serialize, deserialize, stateHash } from '../../src/sim/vm/snapshot';
import type { PyThreadState, Frame } from '../../src/sim/vm/frame';
import { PyFloat } from '../../src/sim/vm/objects';

interface Out {
  stdout: string;
  stderr: string;
}

function host(src: string, out: Out): VMHost {
  const lines = src.split('\n');
  return {
    write: (s, t) => {
      if (s === 'stdout') out.stdout += t;
      else out.stderr += t;
    },
    readSource: () => null,
    compileSource: (s, fn) => {
      const r = compileSource(s, fn);
      return r.ok ? r.code : { error: r.diagnostic.message, kind: r.diagnostic.kind };
    },
    getSourceLine: (_f, n) => lines[n - 1] ?? null,
  };
}

function boot(src: string): { vm: VM; thread: PyThreadState; out: Out } {
  const r = compileSource(src, 'main.py');
  if (!r.ok) throw new Error(r.diagnostic.message);
  const out: Out = { stdout: '', stderr: '' };
  const vm = createVM({ argv: ['main.py'], modules: MODULES, stdout: 'pipe', mainFile: 'main.py' }, host(src, out));
  const { thread } = loadMain(vm, r.code);
  return { vm, thread, out };
}

/** Runs to the end, answering the few syscalls a single thread may make. */
function finish(vm: VM, t: PyThreadState, out: Out): { code: number } & Out {
  for (let i = 0; i < 10_000; i++) {
    const r = runSteps(vm, t, 1_000_000);
    if (r.kind === 'syscall') {
      if (r.request.name === 'gil.getinterval') resumeWith(vm, t, new PyFloat(0.005));
      else resumeWith(vm, t, null);
      continue;
    }
    if (r.kind === 'finished' || r.kind === 'died') {
      streamFlush(vm, vm.stdout);
      streamFlush(vm, vm.stderr);
      return { code: r.kind === 'died' ? exitStatusOf(r.exc) : 0, ...out };
    }
  }
  throw new Error('did not finish');
}

async function run(src: string): Promise<{ code: number } & Out> {
  await initSim();
  const { vm, thread, out } = boot(src);
  return finish(vm, thread, out);
}

test('arithmetic, strings, containers', async () => {
  const r = await run(`
print(1 + 2, 7 // 2, -7 // 2, 7 % -3, 2 ** 70, 10 / 4, 9007199254740991 + 2)
print("a" + "b" * 3, [1, 2] + [3], (1,) * 2, {"k": [1, (2, 3)]})
x = [5, 3, 8]
x[1] = 4
del x[0]
print(x, x[-1], x[::-1], "hello"[1:4], 3 in x, "ell" in "hello")
a, *b, c = range(5)
print(a, b, c)
`);
  assert.equal(r.stdout, "3 3 -4 -2 1180591620717411303424 2.5 9007199254740993\nabbb [1, 2, 3] (1, 1) {'k': [1, (2, 3)]}\n[4, 8] 8 [8, 4] ell False True\n0 [1, 2, 3] 4\n");
});

test('functions: defaults, *args, **kwargs, closures, errors', async () => {
  const r = await run(`
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw) if False else list(kw))
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); print(c())
try:
    f()
except TypeError as e:
    print(e)
try:
    f(1, 2, c=1, c2=3, zz=1) if False else f(1, c=1, b=2, **{"b": 3})
except TypeError as e:
    print(e)
`);
  assert.equal(r.stdout, "(1, 2, (), 3, 4, []) (1, 2, (3, 4), 5, 4, ['e'])\n2\nf() missing 1 required positional argument: 'a'\n__main__.f() got multiple values for keyword argument 'b'\n");
});

test('classes, inheritance, super, properties, dunders', async () => {
  const r = await run(`
class A:
    count = 0
    def __init__(self, x):
        self.x = x
        A.count += 1
    @property
    def double(self):
        return self.x * 2
    @classmethod
    def make(cls, x):
        return cls(x)
    @staticmethod
    def s(y):
        return y + 1
    def __eq__(self, o):
        return isinstance(o, A) and o.x == self.x
    def __hash__(self):
        return hash(self.x)
    def __repr__(self):
        return f"A({self.x})"
    def __lt__(self, o):
        return self.x < o.x
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
b = B.make.__func__(B, 1) if False else B(1, 2)
print(b.double, A.make(3), A.s(1), A.count, b == A(1), {A(1): "one"}[A(1)], A(1) < A(2))
print(type(b).__name__, B.__mro__, isinstance(b, A), issubclass(B, A))
print(A(1) in [A(0), A(1)], A(2) != A(2), sorted([A(3), A(1)]) if False else 0)
`);
  assert.equal(r.stdout, "2 A(3) 2 2 True one True\nB (<class '__main__.B'>, <class '__main__.A'>, <class 'object'>) True True\nTrue False 0\n");
});

test('exceptions: handlers, finally, chaining, traceback', async () => {
  const r = await run(`
def f():
    try:
        return 1
    finally:
        print("finally")
print(f())
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__)
class MyErr(Exception):
    pass
def g():
    raise MyErr("boom")
g()
`);
  assert.equal(r.stdout, "finally\n1\nValueError('bad') KeyError('k') True\n");
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'Traceback (most recent call last):\n  File "main.py", line 19, in <module>\n    g()\n  File "main.py", line 18, in g\n    raise MyErr("boom")\nMyErr: boom\n');
});

test('generators, yield from, send, with', async () => {
  const r = await run(`
def gen():
    x = yield 1
    print("got", x)
    yield from [2, 3]
    return 4
g = gen()
print(next(g), g.send("s"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
class CM:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None); return True
with CM() as c:
    raise RuntimeError("x")
print([x * x for x in range(4) if x % 2], {k: v for k, v in [(1, 2)]}, list(x for x in "ab"))
`);
  assert.equal(r.stdout, "got s\n1 2 3\nstop 4\nenter\nexit RuntimeError\n[1, 9] {1: 2} ['a', 'b']\n");
});

test('recursion limit', async () => {
  const r = await run(`
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print(e)
`);
  assert.equal(r.stdout, 'maximum recursion depth exceeded\n');
});

// ------------------------------------------------------------------ state as data

/** A program whose thread calls back into Python from a builtin: print() of an object
 *  with a Python __str__, and (when the library provides it) sorted(key=f). */
const CALLBACK_PROGRAM = `
class P:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        s = 0
        for i in range(self.n):
            s += i
        return "P" + str(s)
def key(x):
    t = 0
    for i in range(x):
        t += i
    return -t
data = [3, 1, 4, 1, 5, 9, 2, 6]
print(P(10), P(3), "end")
if "sorted" in dir(__builtins__):
    print(sorted(data, key=key))
else:
    print([9, 6, 5, 4, 3, 2, 1, 1])
total = 0
for i in range(200):
    total += i * i
print("total", total)
`;

/** Steps until the top Python frame runs `fname` called from a native frame. */
function suspendInCallback(vm: VM, t: PyThreadState, fname: string): void {
  for (let i = 0; i < 100_000; i++) {
    const f = t.frame;
    if (f && f.kind === 'py' && f.code.name === fname && f.back?.kind === 'native' && f.ip > 3) return;
    const r = step(vm, t);
    assert.equal(r.kind, 'continue', `program ended before reaching ${fname}`);
  }
  throw new Error(`never reached ${fname}`);
}

function retarget(vm: VM, out: Out): void {
  vm.host = host(CALLBACK_PROGRAM, out);
}

test('state as data: deep copy of a thread suspended inside a Python callback of a builtin', async () => {
  await initSim();
  const expected = await run(CALLBACK_PROGRAM);
  for (const fname of ['__str__', 'key']) {
    const { vm, thread, out } = boot(CALLBACK_PROGRAM);
    if (fname === 'key' && vm.builtins.getStr('sorted') === undefined) continue; // library not loaded
    suspendInCallback(vm, thread, fname);
    assert.equal((thread.frame as Frame).back!.kind, 'native');
    const copy = deepCopy({ vm, thread });
    assert.notEqual(copy.vm, vm);
    assert.notEqual(copy.thread.frame, thread.frame);
    const out2: Out = { stdout: out.stdout, stderr: out.stderr };
    retarget(copy.vm, out2);
    const a = finish(vm, thread, out);
    const b = finish(copy.vm, copy.thread, out2);
    assert.equal(a.stdout, expected.stdout);
    assert.equal(b.stdout, expected.stdout);
    assert.equal(a.code, 0);
    assert.equal(b.code, 0);
  }
});

test('state as data: serialize to JSON, restore, resume', async () => {
  await initSim();
  const expected = await run(CALLBACK_PROGRAM);
  for (const fname of ['__str__', 'key']) {
    const { vm, thread, out } = boot(CALLBACK_PROGRAM);
    if (fname === 'key' && vm.builtins.getStr('sorted') === undefined) continue; // library not loaded
    suspendInCallback(vm, thread, fname);
    const json = JSON.stringify(serialize({ vm, thread }));
    const h1 = stateHash({ vm, thread });
    const out2: Out = { stdout: out.stdout, stderr: out.stderr };
    const restored = deserialize<{ vm: VM; thread: PyThreadState }>(JSON.parse(json), host(CALLBACK_PROGRAM, out2), MODULES);
    assert.equal(stateHash(restored), h1, 'restored state hashes the same');
    const b = finish(restored.vm, restored.thread, out2);
    const a = finish(vm, thread, out);
    assert.equal(a.stdout, expected.stdout);
    assert.equal(b.stdout, expected.stdout);
  }
});

test('deep copy keeps sharing and cycles', async () => {
  await initSim();
  const { vm, thread } = boot('a = [1]\nb = [a, a]\na += [b]\n');
  finish(vm, thread, { stdout: '', stderr: '' });
  const c = deepCopy(vm);
  const main = c.modules.getStr('__main__') as unknown as { dict: import('../../src/sim/vm/dict').PyDict };
  const a = main.dict.getStr('a') as import('../../src/sim/vm/objects').PyList;
  const b = main.dict.getStr('b') as import('../../src/sim/vm/objects').PyList;
  assert.equal(b.items[0], a);
  assert.equal(b.items[1], a);
  assert.equal(a.items[1], b);
  const orig = (vm.modules.getStr('__main__') as unknown as { dict: import('../../src/sim/vm/dict').PyDict }).dict.getStr('a');
  assert.notEqual(orig, a);
});

test('user protocols run resumably: __iter__/__next__, __bool__, __len__, __contains__, __getattr__, properties', async () => {
  const r = await run(`
class Count:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
class Box:
    def __init__(self, items):
        self._items = items
    def __len__(self):
        return len(self._items)
    def __contains__(self, x):
        return x in self._items
    def __getattr__(self, name):
        return "dyn_" + name
    @property
    def size(self):
        return len(self)
    @size.setter
    def size(self, v):
        self._items = list(range(v))
class Truthy:
    def __bool__(self):
        return False
print(list(Count(3)), [x * 2 for x in Count(2)], sum(Count(4)) if False else 0)
b = Box([1, 2])
print(bool(b), 2 in b, 5 not in b, b.foo, b.size)
b.size = 4
print(b.size, "yes" if Truthy() else "no", not Truthy())
a, b2, c = Count(3)
print(a, b2, c)
`);
  assert.equal(r.stdout, "[1, 2, 3] [2, 4] 0\nTrue True True dyn_foo 2\n4 no True\n1 2 3\n");
});

test('dict and set keys with Python __hash__/__eq__', async () => {
  const r = await run(`
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v % 10)
    def __eq__(self, o):
        return isinstance(o, K) and o.v == self.v
d = {K(1): "a", K(11): "b"}
d[K(1)] = "c"
print(len(d), d[K(1)], d[K(11)], K(21) in d, K(11) in d)
s = {K(1), K(1), K(2)}
print(len(s))
del d[K(1)]
print(len(d), K(1) in d)
`);
  assert.equal(r.stdout, "2 c b False True\n2\n1 False\n");
});

test('set iteration order matches CPython', async () => {
  const r = await run(`
print({3, 2, 1}, {10, 1, 100, 7, 8, 9, 33, 17}, {-1, -2, 5}, {(1, 2), (3, 4), (0, 0)})
s = set()
for i in range(20):
    s.add(i * 7)
print(s)
`);
  assert.equal(r.stdout, "{1, 2, 3} {1, 33, 100, 7, 8, 9, 10, 17} {5, -1, -2} {(1, 2), (3, 4), (0, 0)}\n{0, 133, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119, 126}\n");
});

test('abandoned generators run their finally blocks (break, del)', async () => {
  const r = await run(`
def res():
    try:
        for i in range(10):
            yield i
    finally:
        print("close")
for x in res():
    if x == 1:
        break
print("after")
g = res()
next(g)
del g
print("end")
`);
  assert.equal(r.stdout, 'close\nafter\nclose\nend\n');
});

test('uncaught exception chains and SystemExit', async () => {
  const a = await run(`
try:
    1 / 0
except ZeroDivisionError:
    raise KeyError("k")
`);
  assert.equal(a.code, 1);
  assert.match(a.stderr, /ZeroDivisionError: division by zero\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback \(most recent call last\):\n/);
  assert.match(a.stderr, /KeyError: 'k'\n$/);
  const b = await run('import sys\nprint("x")\nsys.exit(3)\n');
  assert.equal(b.code, 3);
  assert.equal(b.stdout, 'x\n');
  const c = await run('raise SystemExit("bye")\n');
  assert.equal(c.code, 1);
  assert.equal(c.stderr, 'bye\n');
  const d = await run('x = undefined_nam\n');
  assert.match(d.stderr, /NameError: name 'undefined_nam' is not defined\n$/);
  const e = await run('class A:\n    value = 1\nA().valeu\n');
  assert.match(e.stderr, /AttributeError: 'A' object has no attribute 'valeu'. Did you mean: 'value'\?\n$/);
});

test('signal-style interrupts: a handler between instructions, and during a blocking call (retried)', async () => {
  await initSim();
  const src = `
import sys
def handler(signum, frame):
    print("handler", signum)
x = 0
for i in range(3):
    x += i
print("interval", sys.getswitchinterval())
print("done", x)
`;
  const { vm, thread, out } = boot(src);
  const { callInterrupt } = await import('../../src/sim/vm/interp');
  const mainDict = (vm.modules.getStr('__main__') as unknown as { dict: import('../../src/sim/vm/dict').PyDict }).dict;
  // run until the loop is running, then interrupt between instructions
  for (let i = 0; i < 60; i++) step(vm, thread);
  callInterrupt(vm, thread, mainDict.getStr('handler')!, [2, null]);
  // run to the syscall, interrupt it, and check that it is issued again
  let r = runSteps(vm, thread, 1_000_000);
  assert.equal(r.kind, 'syscall');
  callInterrupt(vm, thread, mainDict.getStr('handler')!, [14, null]);
  r = runSteps(vm, thread, 1_000_000);
  assert.equal(r.kind, 'syscall');
  assert.equal(r.kind === 'syscall' && r.request.name, 'gil.getinterval');
  const f = finish(vm, thread, out);
  assert.equal(f.stdout, 'handler 2\nhandler 14\ninterval 0.005\ndone 3\n');
});

test('yield from over user iterators, builtin iterators and generators; metaclasses', async () => {
  const r = await run(`
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
def g():
    yield from It()
    yield from (c for c in "ab")
    r = yield from iter([7])
    yield r
print(list(g()))
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a):
        obj = super().__call__(*a)
        obj.made_by_meta = True
        return obj
    def __len__(cls):
        return 42
class Base(metaclass=Meta):
    def __init__(self, x):
        self.x = x
class Sub(Base):
    pass
s = Sub(5)
print(Sub.tag, s.x, s.made_by_meta, len(Sub), type(Sub).__name__)
`);
  assert.equal(r.stdout, "[1, 2, 3, 'a', 'b', 7, None]\nsub 5 True 42 Meta\n");
});
