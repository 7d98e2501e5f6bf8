// Statements: tree-sitter-python CST nodes → ast.ts Stmt.

import type { SyntaxNode as Node } from './cst';
import type { Alias, ExceptHandler, Expr, Keyword, Loc, Stmt, WithItem } from './ast';
import type { Conv } from './conv';
import { BINOPS, argumentsOf, callArguments, emptyArguments, expr, field, store } from './convert-expr';
import { allKids, hasToken, kids, nodeLoc, spanLoc } from './loc';

/** Statements of a `module` or `block` node. */
export function statements(c: Conv, n: Node): Stmt[] {
  const out: Stmt[] = [];
  for (const k of kids(n)) {
    const s = stmt(c, k);
    if (s) out.push(s);
  }
  return out;
}

function body(c: Conv, owner: Node, fieldName: string | null): Stmt[] {
  const b = fieldName ? owner.childForFieldName(fieldName) : kids(owner).find((k) => k.type === 'block') ?? null;
  if (!b) {
    c.error('invalid syntax', nodeLoc(owner));
    return [];
  }
  const s = statements(c, b);
  if (s.length === 0) c.error('expected an indented block', nodeLoc(b));
  // CPython ends a block at its last token, which may be a `;` after the last statement.
  const last = allKids(b).pop();
  if (last && last.type === ';') blockEnds.set(s, nodeLoc(last));
  return s;
}

const blockEnds = new WeakMap<Stmt[], Loc>();

/** From the start of `n` to the end of the last statement in `stmts` (trailing comments excluded). */
function through(n: Node, ...bodies: Stmt[][]): Loc {
  const start = nodeLoc(n);
  for (let i = bodies.length - 1; i >= 0; i--) {
    const b = bodies[i];
    if (b.length > 0) return spanLoc(start, blockEnds.get(b) ?? b[b.length - 1].loc);
  }
  return start;
}

function pass(loc: Loc): Stmt {
  return { kind: 'Pass', loc };
}

function docstringOf(b: Stmt[]): string | null {
  const first = b[0];
  if (first && first.kind === 'Expr' && first.value.kind === 'Constant' && first.value.value.type === 'str') {
    return first.value.value.value;
  }
  return null;
}

/** An expression list that may be several comma-separated items (a Tuple). */
function exprOrTuple(c: Conv, parts: Node[], whole: Node): Expr {
  if (parts.length === 1) return expr(c, parts[0]);
  const elts = parts.map((p) => expr(c, p));
  return { kind: 'Tuple', loc: nodeLoc(whole), elts, ctx: 'Load' };
}

export function stmt(c: Conv, n: Node): Stmt | null {
  const loc = nodeLoc(n);
  switch (n.type) {
    case 'expression_statement':
      return expressionStatement(c, n, loc);
    case 'pass_statement':
      return pass(loc);
    case 'break_statement':
      return { kind: 'Break', loc };
    case 'continue_statement':
      return { kind: 'Continue', loc };
    case 'return_statement': {
      const k = kids(n);
      return { kind: 'Return', loc, value: k.length === 0 ? null : expr(c, k[0]) };
    }
    case 'delete_statement': {
      const k = kids(n);
      if (k.length !== 1) return (c.error('invalid syntax', loc), null);
      const targets = k[0].type === 'expression_list' ? kids(k[0]).map((t) => expr(c, t)) : [expr(c, k[0])];
      return { kind: 'Delete', loc, targets: targets.map((t) => store(c, t, 'Del', 'del')) };
    }
    case 'raise_statement': {
      const cause = n.childForFieldName('cause');
      const k = kids(n).filter((x) => !cause || x.startIndex !== cause.startIndex);
      return { kind: 'Raise', loc, exc: k.length === 0 ? null : expr(c, k[0]), cause: cause ? expr(c, cause) : null };
    }
    case 'assert_statement': {
      const k = kids(n);
      if (k.length === 0 || k.length > 2) return (c.error('invalid syntax', loc), null);
      return { kind: 'Assert', loc, test: expr(c, k[0]), msg: k.length > 1 ? expr(c, k[1]) : null };
    }
    case 'global_statement':
    case 'nonlocal_statement': {
      const names = kids(n).map((k) => k.text);
      return n.type === 'global_statement' ? { kind: 'Global', loc, names } : { kind: 'Nonlocal', loc, names };
    }
    case 'import_statement':
      return { kind: 'Import', loc, names: n.childrenForFieldName('name').filter((x): x is Node => !!x).map((x) => alias(x)) };
    case 'import_from_statement':
    case 'future_import_statement':
      return importFrom(c, n, loc);
    case 'if_statement':
      return ifStatement(c, n);
    case 'while_statement': {
      const test = field(c, n, 'condition');
      const b = body(c, n, 'body');
      const alt = n.childForFieldName('alternative');
      const orelse = alt ? body(c, alt, 'body') : [];
      return { kind: 'While', loc: through(n, b, orelse), test, body: b, orelse };
    }
    case 'for_statement': {
      if (hasToken(n, 'async')) c.unsupportedAt('async for', loc);
      const left = n.childForFieldName('left');
      const target = left ? store(c, expr(c, left), 'Store', 'for') : c.bad('invalid syntax', n);
      const iter = field(c, n, 'right');
      const b = body(c, n, 'body');
      const alt = n.childForFieldName('alternative');
      const orelse = alt ? body(c, alt, 'body') : [];
      return { kind: 'For', loc: through(n, b, orelse), target, iter, body: b, orelse };
    }
    case 'with_statement':
      return withStatement(c, n, loc);
    case 'try_statement':
      return tryStatement(c, n);
    case 'function_definition':
      return functionDef(c, n, []);
    case 'class_definition':
      return classDef(c, n, []);
    case 'decorated_definition': {
      const decorators = kids(n).filter((k) => k.type === 'decorator').map((d) => {
        const k = kids(d);
        return k.length === 1 ? expr(c, k[0]) : c.bad('invalid syntax', d);
      });
      const def = n.childForFieldName('definition');
      if (!def) return (c.error('invalid syntax', loc), null);
      return def.type === 'class_definition' ? classDef(c, def, decorators) : functionDef(c, def, decorators);
    }
    case 'print_statement': {
      // `print >> f, x` is valid Python 3 (a tuple holding a shift); other forms are not.
      const chevron = kids(n).find((k) => k.type === 'chevron');
      if (chevron) return printChevron(c, n, chevron, loc);
      c.error("Missing parentheses in call to 'print'. Did you mean print(...)?", loc);
      return null;
    }
    case 'exec_statement':
      c.error("Missing parentheses in call to 'exec'. Did you mean exec(...)?", loc);
      return null;
    case 'match_statement':
      c.unsupportedAt('match statement', loc);
      return pass(loc);
    case 'type_alias_statement':
      if (/^type\s*[([.]/.test(n.text)) return typeCallAssignment(c, n, loc);
      c.unsupportedAt('type alias statement', loc);
      return pass(loc);
    default:
      c.unsupportedAt(`statement '${n.type}'`, loc);
      return pass(loc);
  }
}

function alias(x: Node): Alias {
  if (x.type === 'aliased_import') {
    const name = x.childForFieldName('name');
    const as = x.childForFieldName('alias');
    return { name: name ? dotted(name) : '', asname: as ? as.text : null, loc: nodeLoc(x) };
  }
  return { name: dotted(x), asname: null, loc: nodeLoc(x) };
}

/** `a . b` → "a.b" (whitespace inside dotted names is legal). */
function dotted(x: Node): string {
  if (x.type !== 'dotted_name') return x.text;
  return kids(x).map((k) => k.text).join('.');
}

function importFrom(c: Conv, n: Node, loc: Loc): Stmt {
  let module: string | null = null;
  let level = 0;
  if (n.type === 'future_import_statement') module = '__future__';
  else {
    const m = n.childForFieldName('module_name');
    if (m && m.type === 'relative_import') {
      for (const k of kids(m)) {
        if (k.type === 'import_prefix') level = k.text.replace(/[^.]/g, '').length;
        else if (k.type === 'dotted_name') module = dotted(k);
      }
    } else if (m) module = dotted(m);
  }
  const names: Alias[] = [];
  const star = kids(n).find((k) => k.type === 'wildcard_import');
  if (star) names.push({ name: '*', asname: null, loc: nodeLoc(star) });
  for (const x of n.childrenForFieldName('name')) if (x) names.push(alias(x));
  return { kind: 'ImportFrom', loc, module, names, level };
}

function expressionStatement(c: Conv, n: Node, loc: Loc): Stmt | null {
  const k = kids(n);
  if (k.length === 0) return (c.error('invalid syntax', loc), null);
  if (k.length > 1 || hasToken(n, ',')) {
    const elts = k.map((x) => expr(c, x));
    return { kind: 'Expr', loc, value: { kind: 'Tuple', loc, elts, ctx: 'Load' } };
  }
  const e = k[0];
  if (e.type === 'assignment') return assignment(c, e, loc);
  if (e.type === 'augmented_assignment') {
    const opNode = e.childForFieldName('operator');
    const op = opNode ? BINOPS[opNode.type.slice(0, -1)] : undefined;
    const left = e.childForFieldName('left');
    const right = e.childForFieldName('right');
    if (!op || !left || !right) return (c.error('invalid syntax', loc), null);
    return { kind: 'AugAssign', loc, target: store(c, expr(c, left), 'Store', 'aug'), op, value: rhs(c, right) };
  }
  return { kind: 'Expr', loc, value: expr(c, e) };
}

function rhs(c: Conv, n: Node): Expr {
  if (n.type === 'assignment' || n.type === 'augmented_assignment') return c.bad('invalid syntax', n);
  return expr(c, n);
}

/** `a = b = c`, `x: T = v`: the CST nests assignments to the right. */
function assignment(c: Conv, n: Node, loc: Loc): Stmt {
  const annotation = n.childForFieldName('type');
  const left = n.childForFieldName('left');
  const right = n.childForFieldName('right');
  if (!left) return pass(loc);
  if (annotation) {
    const target = expr(c, left);
    const parenthesized = c.source[left.startIndex] === '(';
    store(c, target, 'Store', 'ann');
    if (target.kind !== 'Name' && target.kind !== 'Attribute' && target.kind !== 'Subscript' && c.errors.length === 0) {
      c.error('illegal target for annotation', target.loc);
    }
    return {
      kind: 'AnnAssign', loc, target, annotation: expr(c, annotation), value: right ? rhs(c, right) : null,
      simple: target.kind === 'Name' && !parenthesized,
    };
  }
  const targets: Expr[] = [store(c, expr(c, left), 'Store', 'assign')];
  let value = right;
  while (value && value.type === 'assignment' && !value.childForFieldName('type')) {
    const l = value.childForFieldName('left');
    if (l) targets.push(store(c, expr(c, l), 'Store', 'assign'));
    value = value.childForFieldName('right');
  }
  if (!value) return { kind: 'Assign', loc, targets, value: c.bad('invalid syntax', n) };
  return { kind: 'Assign', loc, targets, value: rhs(c, value) };
}

function ifStatement(c: Conv, n: Node): Stmt {
  const test = field(c, n, 'condition');
  const b = body(c, n, 'consequence');
  const alts = n.childrenForFieldName('alternative').filter((x): x is Node => !!x);
  // Build the elif chain from the end: each elif is an If nested in the previous orelse.
  let orelse: Stmt[] = [];
  for (let i = alts.length - 1; i >= 0; i--) {
    const a = alts[i];
    if (a.type === 'else_clause') orelse = body(c, a, 'body');
    else {
      const t = field(c, a, 'condition');
      const eb = body(c, a, 'consequence');
      orelse = [{ kind: 'If', loc: through(a, eb, orelse), test: t, body: eb, orelse }];
    }
  }
  return { kind: 'If', loc: through(n, b, orelse), test, body: b, orelse };
}

function withStatement(c: Conv, n: Node, loc: Loc): Stmt {
  if (hasToken(n, 'async')) c.unsupportedAt('async with', loc);
  const items: WithItem[] = [];
  const clause = kids(n).find((k) => k.type === 'with_clause');
  for (const it of clause ? kids(clause) : []) {
    if (it.type !== 'with_item') continue;
    let v = it.childForFieldName('value');
    if (!v) continue;
    // `with (cm() as x):` — one parenthesized item.
    if (v.type === 'parenthesized_expression') {
      const inner = kids(v);
      if (inner.length === 1 && inner[0].type === 'as_pattern') v = inner[0];
    }
    if (v.type === 'as_pattern') {
      const [ctxNode] = kids(v).filter((k) => k.type !== 'as_pattern_target');
      const target = v.childForFieldName('alias');
      const tk = target ? kids(target) : [];
      const optionalVars = tk.length === 1 ? store(c, expr(c, tk[0]), 'Store', 'with') : c.bad('invalid syntax', v);
      items.push({ contextExpr: ctxNode ? expr(c, ctxNode) : c.bad('invalid syntax', v), optionalVars });
    } else items.push({ contextExpr: expr(c, v), optionalVars: null });
  }
  const b = body(c, n, 'body');
  return { kind: 'With', loc: through(n, b), items, body: b };
}

function tryStatement(c: Conv, n: Node): Stmt {
  const b = body(c, n, 'body');
  const handlers: ExceptHandler[] = [];
  let orelse: Stmt[] = [];
  let finalbody: Stmt[] = [];
  for (const k of kids(n)) {
    if (k.type === 'except_clause' || k.type === 'except_group_clause') {
      if (k.type === 'except_group_clause' || hasToken(k, '*') || hasToken(k, 'except*')) c.unsupportedAt('except*', nodeLoc(k));
      const hb = body(c, k, null);
      let type: Expr | null = null;
      let name: string | null = null;
      const values = k.childrenForFieldName('value').filter((x): x is Node => !!x && x.isNamed);
      const aliasNode = k.childForFieldName('alias');
      if (values.length === 1 && values[0].type === 'as_pattern') {
        const v = values[0];
        const [t] = kids(v).filter((x) => x.type !== 'as_pattern_target');
        type = t ? expr(c, t) : null;
        const target = v.childForFieldName('alias');
        const tk = target ? kids(target) : [];
        if (tk.length !== 1 || tk[0].type !== 'identifier') c.error('invalid syntax', nodeLoc(target ?? v));
        else name = tk[0].text;
      } else if (values.length > 0) {
        type = exprOrTuple(c, values, k);
        if (values.length > 1) c.error('multiple exception types must be parenthesized', nodeLoc(k));
      }
      if (aliasNode) name = aliasNode.text;
      handlers.push({ type, name, body: hb, loc: through(k, hb) });
    } else if (k.type === 'else_clause') orelse = body(c, k, 'body');
    else if (k.type === 'finally_clause') finalbody = body(c, k, null);
  }
  const loc = through(n, b, handlers.length ? handlers[handlers.length - 1].body : [], orelse, finalbody);
  return { kind: 'Try', loc, body: b, handlers, orelse, finalbody };
}

function functionDef(c: Conv, n: Node, decorators: Expr[]): Stmt {
  if (hasToken(n, 'async')) c.unsupportedAt('async def', nodeLoc(n));
  if (n.childForFieldName('type_parameters')) c.unsupportedAt('type parameters (PEP 695)', nodeLoc(n));
  const nameNode = n.childForFieldName('name');
  const params = n.childForFieldName('parameters');
  const args = params ? argumentsOf(c, params) : emptyArguments();
  const ret = n.childForFieldName('return_type');
  const returns = ret ? expr(c, ret) : null;
  const b = body(c, n, 'body');
  return {
    kind: 'FunctionDef', loc: through(n, b), name: nameNode ? nameNode.text : '', args, body: b,
    decorators, returns, docstring: docstringOf(b),
  };
}

function classDef(c: Conv, n: Node, decorators: Expr[]): Stmt {
  if (n.childForFieldName('type_parameters')) c.unsupportedAt('type parameters (PEP 695)', nodeLoc(n));
  const nameNode = n.childForFieldName('name');
  const sup = n.childForFieldName('superclasses');
  let bases: Expr[] = [];
  let keywords: Keyword[] = [];
  if (sup) ({ args: bases, keywords } = callArguments(c, sup));
  const b = body(c, n, 'body');
  return {
    kind: 'ClassDef', loc: through(n, b), name: nameNode ? nameNode.text : '', bases, keywords, body: b,
    decorators, docstring: docstringOf(b),
  };
}


function printChevron(c: Conv, n: Node, chevron: Node, loc: Loc): Stmt {
  const printName: Expr = { kind: 'Name', loc: nodeLoc(n.child(0) ?? n), id: 'print', ctx: 'Load' };
  const target = kids(chevron);
  const right = target.length === 1 ? expr(c, target[0]) : c.bad('invalid syntax', chevron);
  const shift: Expr = { kind: 'BinOp', loc: spanLoc(printName.loc, right.loc), left: printName, op: 'RShift', right };
  const rest = n.childrenForFieldName('argument').filter((x): x is Node => !!x && x.isNamed).map((x) => expr(c, x));
  if (rest.length === 0 && !hasToken(n, ',')) return { kind: 'Expr', loc, value: shift };
  return { kind: 'Expr', loc, value: { kind: 'Tuple', loc, elts: [shift, ...rest], ctx: 'Load' } };
}

/**
 * tree-sitter-python reads `type(x).attr = v` as a PEP 695 alias of `(x).attr`. Rebuild
 * the call of `type` at the left end of the target and make it an assignment.
 */
function typeCallAssignment(c: Conv, n: Node, loc: Loc): Stmt | null {
  const left = n.childForFieldName('left');
  const right = n.childForFieldName('right');
  if (!left || !right) return (c.error('invalid syntax', loc), null);
  const typeName: Expr = { kind: 'Name', loc: { ...loc, endLine: loc.line, endCol: loc.col + 4 }, id: 'type', ctx: 'Load' };
  const target = expr(c, left);
  // Walk down the left spine to the parenthesized group right after `type`.
  const fix = (e: Expr): Expr => {
    const asCall = (args: Expr[], end: Loc): Expr => ({ kind: 'Call', loc: spanLoc(typeName.loc, end), func: typeName, args, keywords: [] });
    switch (e.kind) {
      case 'Attribute':
      case 'Subscript':
        e.value = fix(e.value);
        e.loc = spanLoc(typeName.loc, e.loc);
        return e;
      case 'Call':
        e.func = fix(e.func);
        e.loc = spanLoc(typeName.loc, e.loc);
        return e;
      case 'Tuple':
        return asCall(e.elts, e.loc);
      default:
        return asCall([e], { ...e.loc, endCol: e.loc.endCol + 1 });
    }
  };
  const fixed = store(c, fix(target), 'Store', 'assign');
  return { kind: 'Assign', loc, targets: [fixed], value: expr(c, right) };
}
