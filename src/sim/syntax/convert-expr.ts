// Expressions: tree-sitter-python CST nodes → ast.ts Expr.

import type { SyntaxNode as Node } from './cst';
import type {
  Arg, Arguments, CmpOpKind, Comprehension, Expr, ExprContext, Keyword, Loc, OperatorKind,
} from './ast';
import type { Conv } from './conv';
import { decodeNumber } from './literals';
import { allKids, hasToken, kids, nodeLoc, spanLoc } from './loc';
import { stringExpr } from './strings';

export const BINOPS: Record<string, OperatorKind> = {
  '+': 'Add', '-': 'Sub', '*': 'Mult', '@': 'MatMult', '/': 'Div', '%': 'Mod', '**': 'Pow',
  '<<': 'LShift', '>>': 'RShift', '|': 'BitOr', '^': 'BitXor', '&': 'BitAnd', '//': 'FloorDiv',
};

const CMPOPS: Record<string, CmpOpKind> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE',
  'is': 'Is', 'is not': 'IsNot', 'in': 'In', 'not in': 'NotIn',
};

function constant(loc: Loc, value: Extract<Expr, { kind: 'Constant' }>['value']): Expr {
  return { kind: 'Constant', loc, value };
}

/** Converts an expression node (Load context). */
export function expr(c: Conv, n: Node): Expr {
  const loc = nodeLoc(n);
  switch (n.type) {
    case 'identifier':
    case 'keyword_identifier':
      return { kind: 'Name', loc, id: identifier(n.text), ctx: 'Load' };
    case 'integer':
    case 'float': {
      const d = decodeNumber(n.text);
      return d.ok ? constant(loc, d.value) : c.bad(d.message, n);
    }
    case 'true':
      return constant(loc, { type: 'bool', value: true });
    case 'false':
      return constant(loc, { type: 'bool', value: false });
    case 'none':
      return constant(loc, { type: 'None' });
    case 'ellipsis':
      return constant(loc, { type: 'Ellipsis' });
    case 'string':
    case 'concatenated_string':
      return stringExpr(c, n, expr);
    case 'parenthesized_expression': {
      const inner = kids(n);
      if (inner.length !== 1) return c.bad('invalid syntax', n);
      return expr(c, inner[0]);
    }
    case 'type': {
      const inner = kids(n);
      if (inner.length !== 1) return c.bad('invalid syntax', n);
      return expr(c, inner[0]);
    }
    case 'generic_type': {
      const [base, params] = kids(n);
      if (!base || !params || params.type !== 'type_parameter') return c.bad('invalid syntax', n);
      const items = kids(params);
      if (items.length === 0) return c.bad('invalid syntax', params);
      const elts = items.map((i) => expr(c, i));
      const slice: Expr = items.length === 1 && !hasToken(params, ',') ? elts[0]
        : { kind: 'Tuple', loc: spanLoc(elts[0].loc, elts[elts.length - 1].loc), elts, ctx: 'Load' };
      return { kind: 'Subscript', loc, value: expr(c, base), slice, ctx: 'Load' };
    }
    case 'union_type': {
      const items = kids(n).map((i) => expr(c, i));
      if (items.length < 2) return c.bad('invalid syntax', n);
      let acc = items[0];
      for (const r of items.slice(1)) acc = { kind: 'BinOp', loc: spanLoc(acc.loc, r.loc), left: acc, op: 'BitOr', right: r };
      return acc;
    }
    case 'member_type': {
      const k = kids(n);
      const last = k[k.length - 1];
      if (k.length !== 2 || last.type !== 'identifier') return c.bad('invalid syntax', n);
      return { kind: 'Attribute', loc, value: expr(c, k[0]), attr: identifier(last.text), ctx: 'Load' };
    }
    case 'splat_type':
      return { kind: 'Starred', loc, value: only(c, n), ctx: 'Load' };
    case 'constrained_type':
      return c.unsupportedExpr('type parameters (PEP 695)', n);
    case 'tuple_pattern':
    case 'tuple': {
      // `(x)` as a target is a tuple_pattern in tree-sitter but just `x` in Python.
      const k = kids(n);
      if (k.length === 1 && !hasToken(n, ',')) return expr(c, k[0]);
      return { kind: 'Tuple', loc, elts: k.map((x) => expr(c, x)), ctx: 'Load' };
    }
    case 'expression_list':
    case 'pattern_list':
      return { kind: 'Tuple', loc, elts: kids(n).map((k) => expr(c, k)), ctx: 'Load' };
    case 'list':
    case 'list_pattern':
      return { kind: 'List', loc, elts: kids(n).map((k) => expr(c, k)), ctx: 'Load' };
    case 'set':
      return { kind: 'Set', loc, elts: kids(n).map((k) => expr(c, k)) };
    case 'list_splat':
    case 'list_splat_pattern':
    case 'parenthesized_list_splat': {
      const inner = kids(n);
      if (inner.length !== 1) return c.bad('invalid syntax', n);
      if (n.type === 'parenthesized_list_splat') return expr(c, inner[0]);
      return { kind: 'Starred', loc, value: expr(c, inner[0]), ctx: 'Load' };
    }
    case 'dictionary': {
      const keys: (Expr | null)[] = [];
      const values: Expr[] = [];
      for (const k of kids(n)) {
        if (k.type === 'pair') {
          keys.push(field(c, k, 'key'));
          values.push(field(c, k, 'value'));
        } else if (k.type === 'dictionary_splat') {
          keys.push(null);
          values.push(only(c, k));
        } else {
          return c.bad('invalid syntax', k);
        }
      }
      return { kind: 'Dict', loc, keys, values };
    }
    case 'list_comprehension':
    case 'set_comprehension':
    case 'generator_expression': {
      const elt = field(c, n, 'body');
      const generators = comprehension(c, n);
      const kind = n.type === 'list_comprehension' ? 'ListComp' : n.type === 'set_comprehension' ? 'SetComp' : 'GeneratorExp';
      return { kind, loc, elt, generators };
    }
    case 'dictionary_comprehension': {
      const body = n.childForFieldName('body');
      if (!body || body.type !== 'pair') return c.bad('invalid syntax', n);
      return { kind: 'DictComp', loc, key: field(c, body, 'key'), value: field(c, body, 'value'), generators: comprehension(c, n) };
    }
    case 'binary_operator':
      return binaryChain(c, n);
    case 'unary_operator': {
      const opNode = n.childForFieldName('operator');
      const t = opNode?.type;
      const op = t === '-' ? 'USub' : t === '+' ? 'UAdd' : t === '~' ? 'Invert' : null;
      if (!op) return c.bad('invalid syntax', n);
      return { kind: 'UnaryOp', loc, op, operand: field(c, n, 'argument') };
    }
    case 'not_operator':
      return { kind: 'UnaryOp', loc, op: 'Not', operand: field(c, n, 'argument') };
    case 'boolean_operator': {
      const opNode = n.childForFieldName('operator');
      const op = opNode?.type === 'and' ? 'And' : 'Or';
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (!left || !right) return c.bad('invalid syntax', n);
      const values: Expr[] = [];
      const l = expr(c, left);
      // `a and b and c` is left-nested in the CST; CPython flattens unparenthesized runs.
      if (left.type === 'boolean_operator' && l.kind === 'BoolOp' && l.op === op) values.push(...l.values);
      else values.push(l);
      values.push(expr(c, right));
      return { kind: 'BoolOp', loc, op, values };
    }
    case 'comparison_operator': {
      const operands: Expr[] = [];
      const ops: CmpOpKind[] = [];
      for (const k of allKids(n)) {
        if (k.isNamed) operands.push(expr(c, k));
        else {
          const op = CMPOPS[k.type];
          if (!op) return c.bad(k.type === '<>' ? 'invalid syntax' : 'invalid syntax', k);
          ops.push(op);
        }
      }
      if (operands.length !== ops.length + 1 || ops.length === 0) return c.bad('invalid syntax', n);
      return { kind: 'Compare', loc, left: operands[0], ops, comparators: operands.slice(1) };
    }
    case 'conditional_expression': {
      const k = kids(n);
      if (k.length !== 3) return c.bad('invalid syntax', n);
      return { kind: 'IfExp', loc, body: expr(c, k[0]), test: expr(c, k[1]), orelse: expr(c, k[2]) };
    }
    case 'named_expression': {
      const target = field(c, n, 'name');
      if (target.kind === 'Name') target.ctx = 'Store';
      return { kind: 'NamedExpr', loc, target, value: field(c, n, 'value') };
    }
    case 'lambda': {
      const params = n.childForFieldName('parameters');
      const args = params ? argumentsOf(c, params) : emptyArguments();
      return { kind: 'Lambda', loc, args, body: field(c, n, 'body') };
    }
    case 'attribute': {
      const attr = n.childForFieldName('attribute');
      if (!attr) return c.bad('invalid syntax', n);
      return hoistStar({ kind: 'Attribute', loc, value: field(c, n, 'object'), attr: identifier(attr.text), ctx: 'Load' });
    }
    case 'subscript':
      return subscript(c, n, loc);
    case 'slice':
      return sliceExpr(c, n, loc);
    case 'call': {
      const func = field(c, n, 'function');
      const argsNode = n.childForFieldName('arguments');
      if (!argsNode) return c.bad('invalid syntax', n);
      if (argsNode.type === 'generator_expression') {
        return hoistStar({ kind: 'Call', loc, func, args: [expr(c, argsNode)], keywords: [] });
      }
      const { args, keywords } = callArguments(c, argsNode);
      return hoistStar({ kind: 'Call', loc, func, args, keywords });
    }
    case 'yield': {
      const k = kids(n);
      if (hasToken(n, 'from')) {
        if (k.length !== 1) return c.bad('invalid syntax', n);
        return { kind: 'YieldFrom', loc, value: expr(c, k[0]) };
      }
      return { kind: 'Yield', loc, value: k.length === 0 ? null : expr(c, k[0]) };
    }
    case 'await':
      return c.unsupportedExpr('await', n);
    case 'as_pattern':
    case 'dictionary_splat_pattern':
    case 'dictionary_splat':
    case 'keyword_argument':
    case 'pair':
      return c.bad('invalid syntax', n);
    default:
      return c.unsupportedExpr(`syntax '${n.type}'`, n);
  }
}

/** Identifiers are NFKC-normalized, as CPython does (PEP 3131). */
export function identifier(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return text.normalize('NFKC');
  return text;
}

/**
 * tree-sitter-python binds `*` tighter than calls, attributes and subscripts (`*a.b()`
 * comes out as `(*a).b()`) and than binary operators. In Python the star covers the whole
 * operand: move the Starred to the top.
 */
function hoistStar(e: Expr): Expr {
  let inner: Expr;
  switch (e.kind) {
    case 'Attribute':
    case 'Subscript':
      inner = e.value;
      if (inner.kind !== 'Starred' || inner.loc.line !== e.loc.line || inner.loc.col !== e.loc.col) return e;
      e.value = inner.value;
      break;
    case 'Call':
      inner = e.func;
      if (inner.kind !== 'Starred' || inner.loc.line !== e.loc.line || inner.loc.col !== e.loc.col) return e;
      e.func = inner.value;
      break;
    case 'BinOp':
      inner = e.left;
      if (inner.kind !== 'Starred' || inner.loc.line !== e.loc.line || inner.loc.col !== e.loc.col) return e;
      e.left = inner.value;
      break;
    default:
      return e;
  }
  const starLoc = e.loc;
  e.loc = spanLoc(inner.value.loc, e.loc);
  return { kind: 'Starred', loc: starLoc, value: e, ctx: 'Load' };
}

/** Python's binding strength of binary operators (higher binds tighter). */
const BIN_PREC: Record<OperatorKind, number> = {
  BitOr: 1, BitXor: 2, BitAnd: 3, LShift: 4, RShift: 4, Add: 5, Sub: 5,
  Mult: 6, MatMult: 6, Div: 6, FloorDiv: 6, Mod: 6, Pow: 7,
};

/**
 * A run of binary operators. tree-sitter-python ranks `^` above `&` (Python: `&` binds
 * tighter), so the run is flattened in source order and rebuilt with Python's precedence.
 */
function binaryChain(c: Conv, n: Node): Expr {
  const operands: Node[] = [];
  const ops: OperatorKind[] = [];
  let ok = true;
  const walk = (x: Node): void => {
    if (x.type !== 'binary_operator') {
      operands.push(x);
      return;
    }
    const l = x.childForFieldName('left');
    const o = x.childForFieldName('operator');
    const r = x.childForFieldName('right');
    const op = o ? BINOPS[o.type] : undefined;
    if (!l || !r || !op) {
      ok = false;
      return;
    }
    walk(l);
    ops.push(op);
    walk(r);
  };
  walk(n);
  if (!ok) return c.bad('invalid syntax', n);
  const vals = operands.map((o) => expr(c, o));
  // Spans use the operand nodes (a parenthesized operand's parentheses count, as in CPython).
  const spans = operands.map((o) => nodeLoc(o));
  let pos = 0;
  const climb = (minPrec: number): { e: Expr; span: Loc } => {
    let left = { e: vals[pos], span: spans[pos] };
    while (pos < ops.length && BIN_PREC[ops[pos]] >= minPrec) {
      const op = ops[pos];
      const p = BIN_PREC[op];
      pos++;
      const right = climb(op === 'Pow' ? p : p + 1);
      const loc = spanLoc(left.span, right.span);
      left = { e: hoistStar({ kind: 'BinOp', loc, left: left.e, op, right: right.e }), span: loc };
    }
    return left;
  };
  return climb(0).e;
}

/** The expression in field `name`; a placeholder + error when tree-sitter has none. */
export function field(c: Conv, n: Node, name: string): Expr {
  const f = n.childForFieldName(name);
  if (!f) return c.bad('invalid syntax', n);
  return expr(c, f);
}

function only(c: Conv, n: Node): Expr {
  const k = kids(n);
  if (k.length !== 1) return c.bad('invalid syntax', n);
  return expr(c, k[0]);
}

function subscript(c: Conv, n: Node, loc: Loc): Expr {
  const value = field(c, n, 'value');
  const items: Node[] = [];
  let trailingComma = false;
  let afterOpen = false;
  for (const ch of allKids(n)) {
    if (ch.type === '[') afterOpen = true;
    else if (!afterOpen) continue;
    else if (ch.type === ',') trailingComma = true;
    else if (ch.type === ']') break;
    else if (ch.isNamed) {
      items.push(ch);
      trailingComma = false;
    }
  }
  if (items.length === 0) return c.bad('invalid syntax', n);
  let slice: Expr;
  const single = items.length === 1 && !trailingComma ? expr(c, items[0]) : null;
  // `a[*b]` is a one-element tuple in CPython 3.11 (PEP 646).
  if (single && single.kind !== 'Starred') slice = single;
  else if (single) slice = { kind: 'Tuple', loc: single.loc, elts: [single], ctx: 'Load' };
  else {
    const elts = items.map((i) => expr(c, i));
    const last = trailingComma ? nodeLoc(n) : elts[elts.length - 1].loc;
    const tupleLoc = spanLoc(elts[0].loc, trailingComma ? { ...last, endCol: last.endCol - 1 } : last);
    slice = { kind: 'Tuple', loc: tupleLoc, elts, ctx: 'Load' };
  }
  return hoistStar({ kind: 'Subscript', loc, value, slice, ctx: 'Load' });
}

function sliceExpr(c: Conv, n: Node, loc: Loc): Expr {
  const parts: (Expr | null)[] = [null, null, null];
  let i = 0;
  for (const ch of allKids(n)) {
    if (ch.type === ':') i++;
    else if (ch.isNamed && i < 3) parts[i] = expr(c, ch);
  }
  return { kind: 'Slice', loc, lower: parts[0], upper: parts[1], step: parts[2] };
}

/** Positional and keyword arguments of an `argument_list` (call or class bases). */
export function callArguments(c: Conv, n: Node): { args: Expr[]; keywords: Keyword[] } {
  const args: Expr[] = [];
  const keywords: Keyword[] = [];
  for (const k of kids(n)) {
    if (k.type === 'keyword_argument') {
      const name = k.childForFieldName('name');
      keywords.push({ arg: name ? name.text : null, value: field(c, k, 'value'), loc: nodeLoc(k) });
    } else if (k.type === 'list_splat' && keywords.some((kw) => kw.arg === null)) {
      const at = nodeLoc(k);
      c.error('iterable argument unpacking follows keyword argument unpacking', { ...at, endLine: at.line, endCol: at.col + 1 });
      args.push(expr(c, k));
    } else if (k.type === 'dictionary_splat') {
      keywords.push({ arg: null, value: only(c, k), loc: nodeLoc(k) });
    } else {
      if (keywords.length > 0 && k.type !== 'list_splat') {
        const hasDoubleStar = keywords.some((kw) => kw.arg === null);
        // CPython points just past the offending argument.
        const at = nodeLoc(k);
        const loc = { line: at.endLine, col: at.endCol, endLine: at.endLine, endCol: at.endCol + 1 };
        c.error(hasDoubleStar ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument', loc);
      }
      args.push(expr(c, k));
    }
  }
  return { args, keywords };
}

function comprehension(c: Conv, n: Node): Comprehension[] {
  const gens: Comprehension[] = [];
  const body = n.childForFieldName('body');
  for (const k of kids(n)) {
    if (body && k.startIndex === body.startIndex && k.endIndex === body.endIndex) continue;
    if (k.type === 'for_in_clause') {
      if (hasToken(k, 'async')) c.unsupportedAt('async comprehension', nodeLoc(k));
      const left = k.childForFieldName('left');
      const rights = k.childrenForFieldName('right').filter((r): r is Node => !!r && r.isNamed);
      const target = left ? store(c, expr(c, left), 'Store', 'for') : c.bad('invalid syntax', k);
      let iter: Expr;
      if (rights.length === 1) iter = expr(c, rights[0]);
      else if (rights.length === 0) iter = c.bad('invalid syntax', k);
      else {
        const elts = rights.map((r) => expr(c, r));
        iter = { kind: 'Tuple', loc: spanLoc(elts[0].loc, elts[elts.length - 1].loc), elts, ctx: 'Load' };
      }
      gens.push({ target, iter, ifs: [], isAsync: false });
    } else if (k.type === 'if_clause') {
      const cond = only(c, k);
      if (gens.length > 0) gens[gens.length - 1].ifs.push(cond);
      else c.error('invalid syntax', nodeLoc(k));
    }
  }
  if (gens.length === 0) c.error('invalid syntax', nodeLoc(n));
  return gens;
}

export function emptyArguments(): Arguments {
  return { posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [] };
}

/** `parameters` or `lambda_parameters` → Arguments. */
export function argumentsOf(c: Conv, n: Node): Arguments {
  const a = emptyArguments();
  let kwonly = false;
  const seen = new Set<string>();
  const mkArg = (nameNode: Node | null, annotation: Node | null, whole: Node): Arg | null => {
    void whole;
    if (!nameNode || nameNode.type !== 'identifier') {
      c.error(nameNode && nameNode.type === 'tuple_pattern' ? 'invalid syntax' : 'invalid syntax', nodeLoc(nameNode ?? whole));
      return null;
    }
    const name = nameNode.text;
    if (seen.has(name)) c.error(`duplicate argument '${name}' in function definition`, nodeLoc(nameNode));
    seen.add(name);
    const nameLoc = nodeLoc(nameNode);
    return { name, annotation: annotation ? expr(c, annotation) : null, loc: annotation ? spanLoc(nameLoc, nodeLoc(annotation)) : nameLoc };
  };
  const addPlain = (arg: Arg | null, dflt: Expr | null, whole: Node): void => {
    if (!arg) return;
    if (kwonly) {
      a.kwonlyargs.push(arg);
      a.kwDefaults.push(dflt);
      return;
    }
    if (dflt) a.defaults.push(dflt);
    else if (a.defaults.length > 0) c.error('non-default argument follows default argument', nodeLoc(whole));
    a.args.push(arg);
  };
  for (const k of kids(n)) {
    switch (k.type) {
      case 'identifier':
        addPlain(mkArg(k, null, k), null, k);
        break;
      case 'default_parameter':
        addPlain(mkArg(k.childForFieldName('name'), null, k), field(c, k, 'value'), k);
        break;
      case 'typed_default_parameter':
        addPlain(mkArg(k.childForFieldName('name'), k.childForFieldName('type'), k), field(c, k, 'value'), k);
        break;
      case 'typed_parameter': {
        const inner = kids(k).find((x) => x.type !== 'type') ?? null;
        const ann = k.childForFieldName('type');
        if (inner && (inner.type === 'list_splat_pattern' || inner.type === 'dictionary_splat_pattern')) {
          const arg = mkArg(kids(inner)[0] ?? null, ann, k);
          if (inner.type === 'list_splat_pattern') {
            a.vararg = arg;
            kwonly = true;
          } else a.kwarg = arg;
        } else addPlain(mkArg(inner, ann, k), null, k);
        break;
      }
      case 'list_splat_pattern':
        a.vararg = mkArg(kids(k)[0] ?? null, null, k);
        kwonly = true;
        break;
      case 'dictionary_splat_pattern':
        a.kwarg = mkArg(kids(k)[0] ?? null, null, k);
        break;
      case 'keyword_separator':
        kwonly = true;
        break;
      case 'positional_separator':
        a.posonlyargs.push(...a.args);
        a.args = [];
        break;
      default:
        c.error('invalid syntax', nodeLoc(k));
    }
  }
  return a;
}

type TargetUse = 'assign' | 'aug' | 'for' | 'with' | 'del' | 'ann';

const DESCRIBE: Partial<Record<Expr['kind'], string>> = {
  Call: 'function call', BinOp: 'expression', UnaryOp: 'expression', BoolOp: 'expression',
  Compare: 'comparison', Lambda: 'lambda', IfExp: 'conditional expression', Dict: 'dict literal',
  Set: 'set display', ListComp: 'list comprehension', SetComp: 'set comprehension',
  DictComp: 'dict comprehension', GeneratorExp: 'generator expression', Yield: 'yield expression',
  YieldFrom: 'yield expression', JoinedStr: 'f-string expression', FormattedValue: 'f-string expression',
  NamedExpr: 'named expression', Constant: 'literal',
};

function describe(e: Expr): string {
  if (e.kind === 'Constant') {
    if (e.value.type === 'bool') return e.value.value ? 'True' : 'False';
    if (e.value.type === 'None') return 'None';
    if (e.value.type === 'Ellipsis') return 'ellipsis';
  }
  return DESCRIBE[e.kind] ?? 'expression';
}

/** Marks `e` as an assignment (or del) target, reporting CPython's message if it cannot be one. */
export function store(c: Conv, e: Expr, ctx: Exclude<ExprContext, 'Load'>, use: TargetUse, top = true): Expr {
  switch (e.kind) {
    case 'Name':
      if (e.id === '__debug__') c.error(`cannot ${ctx === 'Del' ? 'delete' : 'assign to'} __debug__`, e.loc);
      e.ctx = ctx;
      return e;
    case 'Attribute':
    case 'Subscript':
      e.ctx = ctx;
      return e;
    case 'Starred':
      if (use === 'del') c.error('cannot delete starred', e.loc);
      e.ctx = ctx;
      store(c, e.value, ctx, use, false);
      return e;
    case 'Tuple':
    case 'List':
      if (use === 'aug' || (use === 'ann' && top)) {
        c.error(use === 'aug' ? `'${e.kind.toLowerCase()}' is an illegal expression for augmented assignment` : `only single target (not ${e.kind.toLowerCase()}) can be annotated`, e.loc);
        return e;
      }
      e.ctx = ctx;
      for (const el of e.elts) store(c, el, ctx, use, false);
      return e;
    default: {
      const what = describe(e);
      const isName = what === 'True' || what === 'False' || what === 'None';
      let msg: string;
      if (use === 'aug') msg = `'${what}' is an illegal expression for augmented assignment`;
      else if (use === 'del') msg = `cannot delete ${what}`;
      else if (use === 'assign' && !isName && e.kind !== 'Compare' && top) msg = `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`;
      else msg = `cannot assign to ${what}`;
      c.error(msg, e.loc);
      return e;
    }
  }
}
