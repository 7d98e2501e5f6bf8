// Test helper: prints a Threadline AST the way CPython 3.11's `ast.dump(tree)` prints
// its own, and lists node locations, so the two can be compared textually.

import type {
  Alias, Arg, Arguments, Comprehension, ConstantValue, ExceptHandler, Expr, Keyword, Loc, Module, Stmt, WithItem,
} from '../../src/sim/syntax/ast';

type Field = [string, string | null]; // null: omitted (an absent optional field)

function node(name: string, fields: Field[]): string {
  return `${name}(${fields.filter((f) => f[1] !== null).map(([k, v]) => `${k}=${v}`).join(', ')})`;
}
const list = <T>(xs: T[], f: (x: T) => string): string => `[${xs.map(f).join(', ')}]`;
const opt = <T>(x: T | null, f: (x: T) => string): string | null => (x === null ? null : f(x));
const ctx = (c: string): string => `${c}()`;

export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e');
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let s: string;
  if (exp >= -5 + 1 && exp < 16) {
    if (exp < 0) s = '0.' + '0'.repeat(-exp - 1) + digits;
    else if (digits.length <= exp + 1) s = digits + '0'.repeat(exp + 1 - digits.length) + '.0';
    else s = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  } else {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    s = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return (neg ? '-' : '') + s;
}

function printable(ch: string): boolean {
  return ch === ' ' || !/[\p{C}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch);
}

export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f || printable(ch)) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + q;
}

function pyBytesRepr(b: number[]): string {
  const hasSq = b.includes(39);
  const q = hasSq && !b.includes(34) ? '"' : "'";
  let out = 'b' + q;
  for (const v of b) {
    const ch = String.fromCharCode(v);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (v === 10) out += '\\n';
    else if (v === 13) out += '\\r';
    else if (v === 9) out += '\\t';
    else if (v < 0x20 || v >= 0x7f) out += '\\x' + v.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

export function constRepr(v: ConstantValue): string {
  switch (v.type) {
    case 'int': return v.value.toString();
    case 'float': return pyFloatRepr(v.value);
    case 'complex': return pyFloatRepr(v.imag).replace(/\.0$/, '') + 'j';
    case 'str': return pyStrRepr(v.value);
    case 'bytes': return pyBytesRepr(v.value);
    case 'bool': return v.value ? 'True' : 'False';
    case 'None': return 'None';
    case 'Ellipsis': return 'Ellipsis';
  }
}

const arg = (a: Arg): string => node('arg', [['arg', `'${a.name}'`], ['annotation', opt(a.annotation, expr)]]);
const keyword = (k: Keyword): string => node('keyword', [['arg', k.arg === null ? null : `'${k.arg}'`], ['value', expr(k.value)]]);
const alias = (a: Alias): string => node('alias', [['name', `'${a.name}'`], ['asname', a.asname === null ? null : `'${a.asname}'`]]);
const withitem = (w: WithItem): string => node('withitem', [['context_expr', expr(w.contextExpr)], ['optional_vars', opt(w.optionalVars, expr)]]);
const handler = (h: ExceptHandler): string =>
  node('ExceptHandler', [['type', opt(h.type, expr)], ['name', h.name === null ? null : `'${h.name}'`], ['body', list(h.body, stmt)]]);
const comp = (g: Comprehension): string =>
  node('comprehension', [['target', expr(g.target)], ['iter', expr(g.iter)], ['ifs', list(g.ifs, expr)], ['is_async', '0']]);
const args = (a: Arguments): string =>
  node('arguments', [
    ['posonlyargs', list(a.posonlyargs, arg)], ['args', list(a.args, arg)], ['vararg', opt(a.vararg, arg)],
    ['kwonlyargs', list(a.kwonlyargs, arg)], ['kw_defaults', list(a.kwDefaults, (d) => (d === null ? 'None' : expr(d)))],
    ['kwarg', opt(a.kwarg, arg)], ['defaults', list(a.defaults, expr)],
  ]);
const body = (b: Stmt[]): string => list(b, stmt);

export function stmt(s: Stmt): string {
  switch (s.kind) {
    case 'FunctionDef':
      return node('FunctionDef', [['name', `'${s.name}'`], ['args', args(s.args)], ['body', body(s.body)], ['decorator_list', list(s.decorators, expr)], ['returns', opt(s.returns, expr)]]);
    case 'ClassDef':
      return node('ClassDef', [['name', `'${s.name}'`], ['bases', list(s.bases, expr)], ['keywords', list(s.keywords, keyword)], ['body', body(s.body)], ['decorator_list', list(s.decorators, expr)]]);
    case 'Return': return node('Return', [['value', opt(s.value, expr)]]);
    case 'Delete': return node('Delete', [['targets', list(s.targets, expr)]]);
    case 'Assign': return node('Assign', [['targets', list(s.targets, expr)], ['value', expr(s.value)]]);
    case 'AugAssign': return node('AugAssign', [['target', expr(s.target)], ['op', `${s.op}()`], ['value', expr(s.value)]]);
    case 'AnnAssign':
      return node('AnnAssign', [['target', expr(s.target)], ['annotation', expr(s.annotation)], ['value', opt(s.value, expr)], ['simple', s.simple ? '1' : '0']]);
    case 'For': return node('For', [['target', expr(s.target)], ['iter', expr(s.iter)], ['body', body(s.body)], ['orelse', body(s.orelse)]]);
    case 'While': return node('While', [['test', expr(s.test)], ['body', body(s.body)], ['orelse', body(s.orelse)]]);
    case 'If': return node('If', [['test', expr(s.test)], ['body', body(s.body)], ['orelse', body(s.orelse)]]);
    case 'With': return node('With', [['items', list(s.items, withitem)], ['body', body(s.body)]]);
    case 'Raise': return node('Raise', [['exc', opt(s.exc, expr)], ['cause', opt(s.cause, expr)]]);
    case 'Try':
      return node('Try', [['body', body(s.body)], ['handlers', list(s.handlers, handler)], ['orelse', body(s.orelse)], ['finalbody', body(s.finalbody)]]);
    case 'Assert': return node('Assert', [['test', expr(s.test)], ['msg', opt(s.msg, expr)]]);
    case 'Import': return node('Import', [['names', list(s.names, alias)]]);
    case 'ImportFrom':
      return node('ImportFrom', [['module', s.module === null ? null : `'${s.module}'`], ['names', list(s.names, alias)], ['level', String(s.level)]]);
    case 'Global': return node('Global', [['names', list(s.names, (n) => `'${n}'`)]]);
    case 'Nonlocal': return node('Nonlocal', [['names', list(s.names, (n) => `'${n}'`)]]);
    case 'Expr': return node('Expr', [['value', expr(s.value)]]);
    case 'Pass': return 'Pass()';
    case 'Break': return 'Break()';
    case 'Continue': return 'Continue()';
  }
}

export function expr(e: Expr): string {
  switch (e.kind) {
    case 'BoolOp': return node('BoolOp', [['op', `${e.op}()`], ['values', list(e.values, expr)]]);
    case 'NamedExpr': return node('NamedExpr', [['target', expr(e.target)], ['value', expr(e.value)]]);
    case 'BinOp': return node('BinOp', [['left', expr(e.left)], ['op', `${e.op}()`], ['right', expr(e.right)]]);
    case 'UnaryOp': return node('UnaryOp', [['op', `${e.op}()`], ['operand', expr(e.operand)]]);
    case 'Lambda': return node('Lambda', [['args', args(e.args)], ['body', expr(e.body)]]);
    case 'IfExp': return node('IfExp', [['test', expr(e.test)], ['body', expr(e.body)], ['orelse', expr(e.orelse)]]);
    case 'Dict': return node('Dict', [['keys', list(e.keys, (k) => (k === null ? 'None' : expr(k)))], ['values', list(e.values, expr)]]);
    case 'Set': return node('Set', [['elts', list(e.elts, expr)]]);
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      return node(e.kind, [['elt', expr(e.elt)], ['generators', list(e.generators, comp)]]);
    case 'DictComp': return node('DictComp', [['key', expr(e.key)], ['value', expr(e.value)], ['generators', list(e.generators, comp)]]);
    case 'Yield': return node('Yield', [['value', opt(e.value, expr)]]);
    case 'YieldFrom': return node('YieldFrom', [['value', expr(e.value)]]);
    case 'Compare':
      return node('Compare', [['left', expr(e.left)], ['ops', list(e.ops, (o) => `${o}()`)], ['comparators', list(e.comparators, expr)]]);
    case 'Call': return node('Call', [['func', expr(e.func)], ['args', list(e.args, expr)], ['keywords', list(e.keywords, keyword)]]);
    case 'FormattedValue':
      return node('FormattedValue', [['value', expr(e.value)], ['conversion', String(e.conversion)], ['format_spec', opt(e.formatSpec, expr)]]);
    case 'JoinedStr': return node('JoinedStr', [['values', list(e.values, expr)]]);
    case 'Constant': return node('Constant', [['value', constRepr(e.value)]]);
    case 'Attribute': return node('Attribute', [['value', expr(e.value)], ['attr', `'${e.attr}'`], ['ctx', ctx(e.ctx)]]);
    case 'Subscript': return node('Subscript', [['value', expr(e.value)], ['slice', expr(e.slice)], ['ctx', ctx(e.ctx)]]);
    case 'Starred': return node('Starred', [['value', expr(e.value)], ['ctx', ctx(e.ctx)]]);
    case 'Name': return node('Name', [['id', `'${e.id}'`], ['ctx', ctx(e.ctx)]]);
    case 'List': return node('List', [['elts', list(e.elts, expr)], ['ctx', ctx(e.ctx)]]);
    case 'Tuple': return node('Tuple', [['elts', list(e.elts, expr)], ['ctx', ctx(e.ctx)]]);
    case 'Slice': return node('Slice', [['lower', opt(e.lower, expr)], ['upper', opt(e.upper, expr)], ['step', opt(e.step, expr)]]);
  }
}

export function dumpModule(m: Module): string {
  return `Module(body=${body(m.body)}, type_ignores=[])`;
}

// ------------------------------------------------------------------ locations

const fmtLoc = (name: string, l: Loc): string => `${name} ${l.line}:${l.col}-${l.endLine}:${l.endCol}`;

/** One line per located node, depth-first in field order; f-string internals skipped. */
export function dumpLocs(m: Module): string[] {
  const out: string[] = [];
  const e = (x: Expr | null): void => {
    if (!x) return;
    out.push(fmtLoc(x.kind, x.loc));
    switch (x.kind) {
      case 'BoolOp': x.values.forEach(e); break;
      case 'NamedExpr': e(x.target); e(x.value); break;
      case 'BinOp': e(x.left); e(x.right); break;
      case 'UnaryOp': e(x.operand); break;
      case 'Lambda': a(x.args); e(x.body); break;
      case 'IfExp': e(x.test); e(x.body); e(x.orelse); break;
      case 'Dict': x.keys.forEach(e); x.values.forEach(e); break;
      case 'Set': x.elts.forEach(e); break;
      case 'ListComp': case 'SetComp': case 'GeneratorExp': e(x.elt); x.generators.forEach(g); break;
      case 'DictComp': e(x.key); e(x.value); x.generators.forEach(g); break;
      case 'Yield': e(x.value); break;
      case 'YieldFrom': e(x.value); break;
      case 'Compare': e(x.left); x.comparators.forEach(e); break;
      case 'Call': e(x.func); x.args.forEach(e); x.keywords.forEach(kw); break;
      case 'FormattedValue': case 'JoinedStr': case 'Constant': case 'Name': break;
      case 'Attribute': e(x.value); break;
      case 'Subscript': e(x.value); e(x.slice); break;
      case 'Starred': e(x.value); break;
      case 'List': case 'Tuple': x.elts.forEach(e); break;
      case 'Slice': e(x.lower); e(x.upper); e(x.step); break;
    }
  };
  const g = (c: Comprehension): void => { e(c.target); e(c.iter); c.ifs.forEach(e); };
  const kw = (k: Keyword): void => { out.push(fmtLoc('keyword', k.loc)); e(k.value); };
  const ar = (x: Arg | null): void => { if (x) { out.push(fmtLoc('arg', x.loc)); e(x.annotation); } };
  const a = (x: Arguments): void => {
    x.posonlyargs.forEach(ar); x.args.forEach(ar); ar(x.vararg); x.kwonlyargs.forEach(ar);
    x.kwDefaults.forEach(e); ar(x.kwarg); x.defaults.forEach(e);
  };
  const s = (x: Stmt): void => {
    out.push(fmtLoc(x.kind, x.loc));
    switch (x.kind) {
      case 'FunctionDef': a(x.args); x.body.forEach(s); x.decorators.forEach(e); e(x.returns); break;
      case 'ClassDef': x.bases.forEach(e); x.keywords.forEach(kw); x.body.forEach(s); x.decorators.forEach(e); break;
      case 'Return': e(x.value); break;
      case 'Delete': x.targets.forEach(e); break;
      case 'Assign': x.targets.forEach(e); e(x.value); break;
      case 'AugAssign': e(x.target); e(x.value); break;
      case 'AnnAssign': e(x.target); e(x.annotation); e(x.value); break;
      case 'For': e(x.target); e(x.iter); x.body.forEach(s); x.orelse.forEach(s); break;
      case 'While': case 'If': e(x.test); x.body.forEach(s); x.orelse.forEach(s); break;
      case 'With': x.items.forEach((w) => { e(w.contextExpr); e(w.optionalVars); }); x.body.forEach(s); break;
      case 'Raise': e(x.exc); e(x.cause); break;
      case 'Try':
        x.body.forEach(s);
        x.handlers.forEach((h) => { out.push(fmtLoc('ExceptHandler', h.loc)); e(h.type); h.body.forEach(s); });
        x.orelse.forEach(s); x.finalbody.forEach(s); break;
      case 'Assert': e(x.test); e(x.msg); break;
      case 'Import': case 'ImportFrom': x.names.forEach((n) => out.push(fmtLoc('alias', n.loc))); break;
      case 'Expr': e(x.value); break;
      case 'Global': case 'Nonlocal': case 'Pass': case 'Break': case 'Continue': break;
    }
  };
  m.body.forEach(s);
  return out;
}
