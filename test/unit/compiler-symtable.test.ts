// Scope analysis from source text: closures, class bodies, comprehensions, global/nonlocal,
// walrus, __class__, and CPython's error messages.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { compileModule } from '../../src/sim/compiler/compile';
import { CompileError } from '../../src/sim/compiler/errors';
import { parse } from '../../src/sim/syntax/parser';
import { Sc, type Scope, buildSymtable } from '../../src/sim/compiler/symtable';
import { codesByQualname, compileSource, parseSource, parserReady } from './compiler-parse';

before(() => parserReady());

function scopes(src: string): Map<string, Scope> {
  const st = buildSymtable(parseSource(src));
  const out = new Map<string, Scope>();
  const walk = (s: Scope, prefix: string) => {
    const key = prefix ? `${prefix}.${s.name}` : s.name;
    out.set(key, s);
    for (const c of s.children) walk(c, key);
  };
  walk(st.top, '');
  return out;
}

function resolved(s: Scope): Record<string, string> {
  const r: Record<string, string> = {};
  for (const [name, sc] of s.scopes) r[name] = Sc[sc];
  return r;
}

test('nested closures: cells in the owner, free in the users, pass-through in between', () => {
  const m = scopes(`
def outer():
    x = 1
    def mid():
        def inner():
            return x + y
        return inner
    return mid
`);
  const outer = m.get('<module>.outer')!;
  const mid = m.get('<module>.outer.mid')!;
  const inner = m.get('<module>.outer.mid.inner')!;
  assert.deepEqual(resolved(outer), { x: 'CELL', mid: 'LOCAL' });
  assert.deepEqual(outer.cellvars, ['x']);
  assert.deepEqual(mid.freevars, ['x']);
  assert.equal(mid.resolve('x'), Sc.FREE);
  assert.deepEqual(resolved(inner), { x: 'FREE', y: 'GLOBAL_IMPLICIT' });
});

test('class bodies: own names are not visible to methods; free names use LOAD_CLASSDEREF', () => {
  const src = `
def f():
    v = 1
    class C:
        v = v
        w = 2
        def m(self):
            return v, w
    return C
`;
  const m = scopes(src);
  const c = m.get('<module>.f.C')!;
  assert.equal(c.resolve('v'), Sc.LOCAL);
  assert.deepEqual(c.freevars, ['v']); // passed through to m (DEF_FREE_CLASS)
  const meth = m.get('<module>.f.C.m')!;
  assert.deepEqual(resolved(meth), { self: 'LOCAL', v: 'FREE', w: 'GLOBAL_IMPLICIT' });
});

test('class body uses LOAD_CLASSDEREF for free variables', async () => {
  const { Op } = await import('../../src/sim/compiler/opcodes');
  const body = codesByQualname(
    compileSource(`
def f():
    v = 1
    class C:
        u = v
    return C
`),
  ).get('f.<locals>.C')!;
  assert.ok(body.ops.includes(Op.LOAD_CLASSDEREF));
  assert.ok(!body.ops.includes(Op.LOAD_DEREF));
});

test('super() and __class__ give the class body a __class__ cell', () => {
  const m = scopes(`
class A:
    def f(self):
        return super().f()
    def g(self):
        return 1
`);
  const a = m.get('<module>.A')!;
  assert.equal(a.needsClassClosure, true);
  assert.deepEqual(a.cellvars, ['__class__']);
  assert.deepEqual(m.get('<module>.A.f')!.freevars, ['__class__']);
  assert.deepEqual(m.get('<module>.A.g')!.freevars, []);
});

test('comprehensions: own scope, first iterator outside, .0 parameter', () => {
  const m = scopes(`
class K:
    xs = [1, 2]
    ys = [x * 2 for x in xs]
def f(n):
    return [i * n for i in range(n) for j in range(i)]
`);
  const kc = m.get('<module>.K.<listcomp>')!;
  assert.deepEqual(kc.params, ['.0']);
  assert.equal(kc.resolve('x'), Sc.LOCAL);
  assert.equal(kc.resolve('xs'), Sc.GLOBAL_IMPLICIT); // never looked up inside
  assert.equal(m.get('<module>.K')!.resolve('xs'), Sc.LOCAL);
  const fc = m.get('<module>.f.<listcomp>')!;
  assert.equal(fc.resolve('n'), Sc.FREE);
  assert.equal(fc.resolve('range'), Sc.GLOBAL_IMPLICIT);
  assert.equal(m.get('<module>.f')!.resolve('n'), Sc.CELL);
});

test('walrus in a comprehension binds in the enclosing function (or module)', () => {
  const m = scopes(`
def f(xs):
    if any((hit := x) > 1 for x in xs):
        return hit
ys = [(last := y) for y in range(3)]
`);
  assert.equal(m.get('<module>.f')!.resolve('hit'), Sc.CELL);
  assert.equal(m.get('<module>.f.<genexpr>')!.resolve('hit'), Sc.FREE);
  assert.equal(m.get('<module>.<listcomp>')!.resolve('last'), Sc.GLOBAL_EXPLICIT);
});

test('global and nonlocal declarations', () => {
  const m = scopes(`
count = 0
def bump():
    global count
    count += 1
    def inner():
        return count
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
    return inc
`);
  assert.equal(m.get('<module>.bump')!.resolve('count'), Sc.GLOBAL_EXPLICIT);
  assert.equal(m.get('<module>.bump.inner')!.resolve('count'), Sc.GLOBAL_IMPLICIT);
  assert.equal(m.get('<module>.outer')!.resolve('n'), Sc.CELL);
  assert.equal(m.get('<module>.outer.inc')!.resolve('n'), Sc.FREE);
});

test('private names are mangled inside classes', () => {
  const m = scopes(`
class C:
    __x = 1
    def m(self):
        return self.__y
`);
  assert.ok(m.get('<module>.C')!.scopes.has('_C__x'));
  const codes = codesByQualname(compileSource(`
class C:
    def m(self):
        return self.__y
`));
  assert.ok(codes.get('C.m')!.names.includes('_C__y'));
});

test('scope errors use CPython wording and point at the declaration', () => {
  const cases: [string, string, number][] = [
    ['def f():\n    print(x)\n    global x\n', "name 'x' is used prior to global declaration", 3],
    ['def f():\n    x = 1\n    global x\n', "name 'x' is assigned to before global declaration", 3],
    ['def f():\n    nonlocal q\n', "no binding for nonlocal 'q' found", 2],
    ['x = 1\nnonlocal x\n', 'nonlocal declaration not allowed at module level', 2],
    ['def f(a):\n    nonlocal a\n', "name 'a' is parameter and nonlocal", 2],
    ['def f():\n    from os import *\n', 'import * only allowed at module level', 2],
    ['class C:\n    [(y := 1) for x in range(3)]\n', 'assignment expression within a comprehension cannot be used in a class body', 2],
    ['[(x := 1) for x in range(3)]\n', "assignment expression cannot rebind comprehension iteration variable 'x'", 1],
    ['def f():\n    [(yield 1) for x in range(3)]\n', "'yield' inside list comprehension", 2],
  ];
  for (const [src, message, line] of cases) {
    // The syntax layer checks some of these itself; either layer must word them as CPython.
    const parsed = parse(src, 'x.py');
    if (!parsed.module) {
      assert.equal(parsed.errors[0].message, message);
      assert.equal(parsed.errors[0].loc.line, line, message);
      continue;
    }
    let err: unknown = null;
    try {
      compileModule(parsed.module, 'x.py');
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof CompileError, `${JSON.stringify(src)}: ${String(err)}`);
    assert.equal(err.message, message);
    assert.equal(err.kind, 'syntax');
    assert.equal(err.loc.line, line, message);
  }
});
