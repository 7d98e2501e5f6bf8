// A disassembler in the format of CPython 3.11's dis.dis: line number when it changes,
// `>>` on jump targets, offsets (instruction index * 2), opcode name, argument and its
// meaning in parentheses; nested code objects follow, each under a
// "Disassembly of <code object ...>:" header. Addresses are a stable placeholder.

import type { CodeConst, CodeObject } from './code';
import { BINARY_OP_SYMBOLS, COMPARE_OP_SYMBOLS, JUMP_OPS, OP_NAMES, Op } from './opcodes';

/** Opcodes shown without an argument (CPython's opcodes below HAVE_ARGUMENT, roughly). */
const NO_ARG: ReadonlySet<Op> = new Set([
  Op.NOP, Op.POP_TOP, Op.PUSH_NULL, Op.BINARY_SUBSCR, Op.STORE_SUBSCR, Op.DELETE_SUBSCR,
  Op.UNARY_POSITIVE, Op.UNARY_NEGATIVE, Op.UNARY_NOT, Op.UNARY_INVERT, Op.LIST_TO_TUPLE,
  Op.GET_ITER, Op.LOAD_BUILD_CLASS, Op.RETURN_VALUE, Op.YIELD_VALUE, Op.YIELD_FROM,
  Op.GET_YIELD_FROM_ITER, Op.IMPORT_STAR, Op.POP_BLOCK, Op.PUSH_EXC_INFO, Op.POP_EXCEPT,
  Op.CHECK_EXC_MATCH, Op.WITH_EXCEPT_START, Op.BEFORE_WITH, Op.LOAD_ASSERTION_ERROR,
  Op.SETUP_ANNOTATIONS,
]);

export function disassemble(code: CodeObject): string {
  const out: string[] = [];
  disassembleOne(code, out);
  for (const c of code.consts) {
    if (c.type !== 'code') continue;
    out.push('', `Disassembly of ${codeRepr(c.code)}:`);
    out.push(disassemble(c.code).replace(/\n$/, ''));
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

export function codeRepr(code: CodeObject): string {
  return `<code object ${code.name} at 0x0000, file "${code.filename}", line ${code.firstLine}>`;
}

function disassembleOne(code: CodeObject, out: string[]): void {
  const n = code.ops.length;
  const targets = new Set<number>();
  for (let i = 0; i < n; i++) if (JUMP_OPS.has(code.ops[i])) targets.add(code.args[i]);
  let maxLine = 0;
  for (const p of code.positions) maxLine = Math.max(maxLine, p.line);
  const linenoWidth = maxLine >= 1000 ? String(maxLine).length : 3;
  const offsetWidth = (n - 1) * 2 >= 10000 ? String((n - 1) * 2).length : 4;
  let prevLine = -1;
  for (let i = 0; i < n; i++) {
    const op = code.ops[i];
    const arg = code.args[i];
    const line = code.positions[i].line;
    const fields: string[] = [];
    if (line !== prevLine) {
      if (i > 0) out.push('');
      fields.push(String(line).padStart(linenoWidth));
      prevLine = line;
    } else {
      fields.push(' '.repeat(linenoWidth));
    }
    fields.push('   ');
    fields.push(targets.has(i) ? '>>' : '  ');
    fields.push(String(i * 2).padStart(offsetWidth));
    fields.push((OP_NAMES[op] ?? `<${op}>`).padEnd(20));
    if (!NO_ARG.has(op)) {
      fields.push(String(arg).padStart(5));
      const r = argRepr(code, op, arg);
      if (r) fields.push(`(${r})`);
    }
    out.push(fields.join(' ').trimEnd());
  }
}

function argRepr(code: CodeObject, op: Op, arg: number): string {
  if (JUMP_OPS.has(op)) return `to ${arg * 2}`;
  switch (op) {
    case Op.LOAD_CONST:
    case Op.KW_NAMES:
      return arg < code.consts.length ? constRepr(code.consts[arg]) : '?';
    case Op.LOAD_FAST:
    case Op.STORE_FAST:
    case Op.DELETE_FAST:
      return code.varnames[arg] ?? '?';
    case Op.LOAD_DEREF:
    case Op.STORE_DEREF:
    case Op.DELETE_DEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_CLASSDEREF:
      return (arg < code.cellvars.length ? code.cellvars[arg] : code.freevars[arg - code.cellvars.length]) ?? '?';
    case Op.LOAD_GLOBAL:
    case Op.STORE_GLOBAL:
    case Op.DELETE_GLOBAL:
    case Op.LOAD_NAME:
    case Op.STORE_NAME:
    case Op.DELETE_NAME:
    case Op.LOAD_ATTR:
    case Op.STORE_ATTR:
    case Op.DELETE_ATTR:
    case Op.LOAD_METHOD:
    case Op.IMPORT_NAME:
    case Op.IMPORT_FROM:
      return code.names[arg] ?? '?';
    case Op.BINARY_OP:
      return BINARY_OP_SYMBOLS[arg] ?? '?';
    case Op.COMPARE_OP:
      return COMPARE_OP_SYMBOLS[arg] ?? '?';
    case Op.FORMAT_VALUE: {
      const conv = ['', 'str', 'repr', 'ascii'][arg & 3];
      return [conv, arg & 4 ? 'with format' : ''].filter((s) => s).join(', ');
    }
    case Op.MAKE_FUNCTION: {
      const parts: string[] = [];
      if (arg & 1) parts.push('defaults');
      if (arg & 2) parts.push('kwdefaults');
      if (arg & 4) parts.push('annotations');
      if (arg & 8) parts.push('closure');
      return parts.join(', ');
    }
    case Op.UNPACK_EX:
      return `${arg & 0xff}, ${arg >> 8}`;
    default:
      return '';
  }
}

export function constRepr(c: CodeConst): string {
  switch (c.type) {
    case 'int':
      return c.value.toString();
    case 'float':
      return floatRepr(c.value);
    case 'str':
      return strRepr(c.value);
    case 'bytes':
      return bytesRepr(c.value);
    case 'bool':
      return c.value ? 'True' : 'False';
    case 'None':
      return 'None';
    case 'Ellipsis':
      return 'Ellipsis';
    case 'tuple':
      return tupleRepr(c.items.map(constRepr));
    case 'kwnames':
      return tupleRepr(c.names.map(strRepr));
    case 'code':
      return codeRepr(c.code);
  }
}

function tupleRepr(items: string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** Python's repr() of a float (shortest round-trip digits, Python's exponent rules). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mant, expPart] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const e = Number(expPart);
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ee = Math.abs(e) < 10 ? `0${Math.abs(e)}` : String(Math.abs(e));
    return `${sign}${m}e${e < 0 ? '-' : '+'}${ee}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const intPart = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
}

/** Python's repr() of a str (quote choice and escapes as CPython). */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0xd800 && cp < 0xe000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + quote;
}

function bytesRepr(b: number[]): string {
  const hasSingle = b.includes(0x27);
  const quote = hasSingle && !b.includes(0x22) ? '"' : "'";
  let out = `b${quote}`;
  for (const x of b) {
    const ch = String.fromCharCode(x);
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (x < 0x20 || x >= 0x7f) out += `\\x${x.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}
