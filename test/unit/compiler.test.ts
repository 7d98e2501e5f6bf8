// Compiler tests on hand-built ASTs: instruction shapes, errors, the verifier itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeObject } from '../../src/sim/compiler/code';
import { CodeFlags } from '../../src/sim/compiler/code';
import { CompileError, compileModule } from '../../src/sim/compiler/compile';
import { disassemble, floatRepr, strRepr } from '../../src/sim/compiler/dis';
import { Op, OP_NAMES } from '../../src/sim/compiler/opcodes';
import { verifyCode } from '../../src/sim/compiler/verify';
import * as b from './compiler-ast';

function opnames(code: CodeObject): string[] {
  return code.ops.map((o) => OP_NAMES[o]);
}

function compileOk(...body: Parameters<typeof b.mod>): CodeObject {
  const code = compileModule(b.mod(...body), 't.py');
  assert.deepEqual(verifyCode(code), []);
  return code;
}

function nested(code: CodeObject, name: string): CodeObject {
  for (const k of code.consts) {
    if (k.type !== 'code') continue;
    if (k.code.name === name) return k.code;
    try {
      return nested(k.code, name);
    } catch {
      /* keep looking */
    }
  }
  throw new Error(`no code object ${name}`);
}

test('assignment and arithmetic at module level use *_NAME ops', () => {
  const code = compileOk(b.assign(b.st('x'), b.bin(b.int(1), 'Add', b.n('y'))));
  assert.deepEqual(opnames(code), ['LOAD_CONST', 'LOAD_NAME', 'BINARY_OP', 'STORE_NAME', 'LOAD_CONST', 'RETURN_VALUE']);
  assert.equal(code.name, '<module>');
  assert.equal(code.stacksize, 2);
});

test('function locals are fast slots, globals by name, closures through cells', () => {
  const code = compileOk(
    b.def('f', ['a'], [
      b.assign(b.st('t'), b.bin(b.n('a'), 'Add', b.n('g'))),
      b.def('inner', [], [b.ret(b.n('t'))]),
      b.ret(b.n('inner')),
    ]),
  );
  const f = nested(code, 'f');
  assert.deepEqual(f.varnames, ['a', 'inner']);
  assert.deepEqual(f.cellvars, ['t']);
  assert.ok(opnames(f).includes('LOAD_GLOBAL'));
  assert.ok(opnames(f).includes('STORE_DEREF'));
  assert.ok(f.flags & CodeFlags.OPTIMIZED);
  const inner = nested(code, 'inner');
  assert.deepEqual(inner.freevars, ['t']);
  assert.equal(inner.qualname, 'f.<locals>.inner');
  assert.ok(inner.flags & CodeFlags.NESTED);
  assert.deepEqual(opnames(inner).slice(0, 2), ['LOAD_DEREF', 'RETURN_VALUE']);
});

test('method calls use LOAD_METHOD, keyword calls KW_NAMES, star calls CALL_FUNCTION_EX', () => {
  const code = compileOk(
    b.expr(b.call(b.attr(b.n('o'), 'm'), [b.int(1)], [b.kw('k', b.int(2))])),
    b.expr(b.call(b.n('f'), [b.starred(b.n('a'))], [b.kw(null, b.n('d'))])),
  );
  const names = opnames(code);
  assert.deepEqual(names.slice(0, 7), ['LOAD_NAME', 'LOAD_METHOD', 'LOAD_CONST', 'LOAD_CONST', 'KW_NAMES', 'CALL', 'POP_TOP']);
  assert.equal(code.args[5], 2);
  assert.deepEqual(names.slice(7, 16), [
    'PUSH_NULL', 'LOAD_NAME', 'BUILD_LIST', 'LOAD_NAME', 'LIST_EXTEND', 'LIST_TO_TUPLE', 'BUILD_MAP', 'LOAD_NAME', 'DICT_MERGE',
  ]);
  assert.equal(code.ops[16], Op.CALL_FUNCTION_EX);
  assert.equal(code.args[16], 1);
});

test('chained comparison evaluates the middle operand once', () => {
  const code = compileOk(b.expr(b.cmp(b.n('a'), ['Lt', 'Lt'], [b.n('b'), b.n('c')])));
  assert.deepEqual(opnames(code).slice(0, 12), [
    'LOAD_NAME', 'LOAD_NAME', 'SWAP', 'COPY', 'COMPARE_OP', 'JUMP_IF_FALSE_OR_POP', 'LOAD_NAME', 'COMPARE_OP',
    'JUMP_FORWARD', 'SWAP', 'POP_TOP', 'POP_TOP',
  ]);
});

test('loops: backward jumps are JUMP_BACKWARD, break pops the for iterator', () => {
  const code = compileOk(b.for_(b.st('i'), b.n('xs'), [b.if_(b.n('i'), [b.brk()]), b.cont()]));
  const names = opnames(code);
  const fi = names.indexOf('FOR_ITER');
  assert.ok(fi > 0);
  assert.equal(names[names.indexOf('POP_JUMP_IF_FALSE') + 1], 'POP_TOP');
  for (let i = 0; i < code.ops.length; i++) {
    if (code.ops[i] === Op.JUMP_BACKWARD) assert.ok(code.args[i] <= i);
    if (code.ops[i] === Op.JUMP_FORWARD) assert.ok(code.args[i] > i);
  }
});

test('return inside try/finally inlines the finally body and keeps the value on top', () => {
  const code = compileOk(
    b.def('f', [], [b.try_([b.ret(b.call(b.n('g')))], [], [], [b.expr(b.call(b.n('h')))])]),
  );
  const f = nested(code, 'f');
  const names = opnames(f);
  // SETUP_FINALLY, <call g>, POP_BLOCK, <call h>, POP_TOP, RETURN_VALUE
  assert.deepEqual(names.slice(0, 10), [
    'SETUP_FINALLY', 'PUSH_NULL', 'LOAD_GLOBAL', 'CALL', 'POP_BLOCK', 'PUSH_NULL', 'LOAD_GLOBAL', 'CALL', 'POP_TOP', 'RETURN_VALUE',
  ]);
});

test('except clause follows the opcodes.ts pattern', () => {
  const code = compileOk(
    b.try_([b.pass()], [{ type: b.n('E'), name: 'e', body: [b.pass()] }]),
  );
  assert.deepEqual(opnames(code).slice(0, 22), [
    'SETUP_FINALLY', 'NOP', 'POP_BLOCK', 'JUMP_FORWARD',
    'SETUP_CLEANUP', 'PUSH_EXC_INFO', 'LOAD_NAME', 'CHECK_EXC_MATCH', 'POP_JUMP_IF_FALSE', 'STORE_NAME', 'SETUP_CLEANUP',
    'NOP', 'POP_BLOCK', 'POP_BLOCK', 'POP_EXCEPT', 'LOAD_CONST', 'STORE_NAME', 'DELETE_NAME', 'JUMP_FORWARD',
    'LOAD_CONST', 'STORE_NAME', 'DELETE_NAME',
  ]);
});

test('with statement follows the opcodes.ts pattern', () => {
  const code = compileOk(b.with_(b.n('m'), b.st('x'), [b.pass()]));
  assert.deepEqual(opnames(code).slice(0, 24), [
    'LOAD_NAME', 'BEFORE_WITH', 'SETUP_WITH', 'STORE_NAME', 'NOP', 'POP_BLOCK',
    'PUSH_NULL', 'SWAP', 'LOAD_CONST', 'LOAD_CONST', 'LOAD_CONST', 'CALL', 'POP_TOP', 'JUMP_FORWARD',
    'SETUP_CLEANUP', 'PUSH_EXC_INFO', 'WITH_EXCEPT_START', 'POP_JUMP_IF_TRUE', 'RERAISE',
    'POP_TOP', 'POP_BLOCK', 'POP_EXCEPT', 'POP_TOP', 'JUMP_FORWARD',
  ]);
});

test('class bodies set __module__/__qualname__; super() makes a __class__ cell', () => {
  const code = compileOk(
    b.cls('C', [b.n('B')], [b.def('m', ['self'], [b.ret(b.call(b.n('super')))])]),
  );
  assert.deepEqual(opnames(code).slice(0, 7), ['PUSH_NULL', 'LOAD_BUILD_CLASS', 'LOAD_CONST', 'MAKE_FUNCTION', 'LOAD_CONST', 'LOAD_NAME', 'CALL']);
  assert.equal(code.args[6], 3);
  const body = nested(code, 'C');
  assert.deepEqual(body.cellvars, ['__class__']);
  assert.deepEqual(body.names.slice(0, 3), ['__name__', '__module__', '__qualname__']);
  const names = opnames(body);
  assert.deepEqual(names.slice(-4), ['LOAD_CLOSURE', 'COPY', 'STORE_NAME', 'RETURN_VALUE']);
  const m = nested(code, 'm');
  assert.deepEqual(m.freevars, ['__class__']);
  assert.equal(m.qualname, 'C.m');
});

test('generators and comprehensions', () => {
  const code = compileOk(
    b.def('g', [], [b.expr(b.yld(b.int(1)))]),
    b.assign(b.st('l'), b.listcomp(b.n('x'), b.st('x'), b.n('xs'), [b.n('x')])),
    b.assign(b.st('f'), b.lambda(['a'], b.n('a'))),
  );
  assert.ok(nested(code, 'g').flags & CodeFlags.GENERATOR);
  const lc = nested(code, '<listcomp>');
  assert.deepEqual(lc.varnames, ['.0', 'x']);
  assert.equal(lc.argcount, 1);
  assert.ok(opnames(lc).includes('LIST_APPEND'));
  assert.equal(nested(code, '<lambda>').argcount, 1);
});

test('compile errors carry CPython wording and a position', () => {
  const cases: [() => unknown, string, string][] = [
    [() => compileModule(b.mod(b.brk()), 't.py'), 'syntax', "'break' outside loop"],
    [() => compileModule(b.mod(b.cont()), 't.py'), 'syntax', "'continue' not properly in loop"],
    [() => compileModule(b.mod(b.ret()), 't.py'), 'syntax', "'return' outside function"],
    [() => compileModule(b.mod(b.expr(b.yld())), 't.py'), 'syntax', "'yield' outside function"],
    [() => compileModule(b.mod(b.nonlocal('x')), 't.py'), 'syntax', 'nonlocal declaration not allowed at module level'],
    [() => compileModule(b.mod(b.def('f', [], [b.nonlocal('x')])), 't.py'), 'syntax', "no binding for nonlocal 'x' found"],
    [() => compileModule(b.mod(b.def('f', [], [b.expr(b.n('x')), b.global_('x')])), 't.py'), 'syntax', "name 'x' is used prior to global declaration"],
    [() => compileModule(b.mod(b.def('f', ['x'], [b.global_('x')])), 't.py'), 'syntax', "name 'x' is parameter and global"],
    [
      () => compileModule(b.mod(b.expr({ kind: 'Constant', loc: b.L(), value: { type: 'complex', imag: 1 } })), 't.py'),
      'unsupported',
      'complex numbers',
    ],
  ];
  for (const [f, kind, message] of cases) {
    assert.throws(f, (e: unknown) => {
      assert.equal((e as Error).message, message);
      assert.ok(e instanceof CompileError, String(e));
      assert.equal(e.kind, kind);
      assert.equal(e.message, message);
      assert.ok(e.loc.line >= 1);
      return true;
    });
  }
});

test('verifier rejects malformed code', () => {
  const good = compileOk(b.assign(b.st('x'), b.int(1)));
  const bad = (patch: Partial<CodeObject>) => verifyCode({ ...good, ...patch });
  assert.ok(bad({ ops: [Op.POP_TOP, Op.LOAD_CONST, Op.RETURN_VALUE], args: [0, 0, 0] }).some((e) => /negative|underflow/.test(e)));
  assert.ok(bad({ ops: [Op.JUMP_FORWARD, Op.RETURN_VALUE], args: [7, 0], positions: good.positions.slice(0, 2) }).some((e) => /out of range/.test(e)));
  assert.ok(bad({ ops: [Op.POP_BLOCK, Op.LOAD_CONST, Op.RETURN_VALUE], args: [0, 0, 0], positions: good.positions.slice(0, 3) }).some((e) => /no block/.test(e)));
  const pos = good.positions[0];
  // Two paths reaching index 3 with different depths.
  const ops = [Op.LOAD_CONST, Op.POP_JUMP_IF_FALSE, Op.LOAD_CONST, Op.LOAD_CONST, Op.RETURN_VALUE];
  assert.ok(verifyCode({ ...good, ops, args: [0, 3, 0, 0, 0], positions: ops.map(() => pos) }).some((e) => /inconsistent/.test(e)));
});

test('dis output shape and Python reprs', () => {
  b.resetLines();
  const code = compileOk(b.assign(b.st('x'), b.str("it's")));
  const text = disassemble(code);
  assert.equal(text.split('\n')[0], `  1           0 LOAD_CONST               0 ("it's")`);
  assert.equal(strRepr('a\nb'), "'a\\nb'");
  assert.equal(floatRepr(1e16), '1e+16');
  assert.equal(floatRepr(0.0001), '0.0001');
  assert.equal(floatRepr(1.5e-5), '1.5e-05');
  assert.equal(floatRepr(2.0), '2.0');
  assert.equal(floatRepr(123456789.125), '123456789.125');
});
