// A plain-JS mirror of tree-sitter's concrete syntax tree. Every property of a
// web-tree-sitter Node is a call into wasm that allocates; the converter asks for the
// same few properties of every node several times. So the tree is walked once with a
// TreeCursor (a few wasm calls per node) into typed arrays (Cst: preorder, no per-node
// objects for the garbage collector to copy), and the converter reads it through CNode,
// a small handle made on demand. CNode implements the subset of web-tree-sitter's Node
// that the converter uses (SyntaxNode below), with the same results, so the converter
// also runs on real Nodes (bench/parse compares the two; test/unit/syntax-cst checks
// the mirror node by node).
//
// Positions: web-tree-sitter reports indices and columns in UTF-16 code units, and rows
// advance only at '\n' (a lone '\r' does not start a row). The mirror stores indices only
// and derives rows/columns from a table of line starts, on demand.

import type { Point, Tree } from 'web-tree-sitter';
import type { Loc } from './ast';

/** The part of web-tree-sitter's Node interface the CST → AST conversion relies on. */
export interface SyntaxNode {
  readonly type: string;
  readonly isNamed: boolean;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: Point;
  readonly endPosition: Point;
  readonly children: (SyntaxNode | null)[];
  readonly namedChildren: (SyntaxNode | null)[];
  child(index: number): SyntaxNode | null;
  childForFieldName(fieldName: string): SyntaxNode | null;
  childrenForFieldName(fieldName: string): (SyntaxNode | null)[];
}

/** Source text plus the offsets where its rows start (tree-sitter rows: split at '\n'). */
export class SourceLines {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    let i = text.indexOf('\n');
    while (i >= 0) {
      this.starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }

  private last = 0;

  /** 0-based row of a UTF-16 offset. */
  row(index: number): number {
    const s = this.starts;
    // Lookups come mostly in source order: try the row of the previous one first.
    const l = this.last;
    if (s[l] <= index && (l + 1 === s.length || index < s[l + 1])) return l;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }

  /** 1-based line and 0-based column of a span, as ast.ts Loc. */
  loc(start: number, end: number): Loc {
    const r0 = this.row(start);
    const r1 = this.row(end);
    return { line: r0 + 1, col: start - this.starts[r0], endLine: r1 + 1, endCol: end - this.starts[r1] };
  }

  point(index: number): Point {
    const row = this.row(index);
    return { row, column: index - this.starts[row] };
  }
}

/** The mirrored tree: node k (preorder) spans [start[k], end[k]); its subtree ends before
 * node after[k], so its children are k+1, after[k+1], ... up to after[k]. */
export class Cst {
  type: Uint16Array;
  field: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  after: Int32Array;
  count = 0;

  constructor(
    capacity: number,
    readonly lines: SourceLines,
    readonly typeNames: string[],
    readonly namedTypes: boolean[],
    /** Types the converter skips among children: comments and line continuations. */
    readonly skipTypes: boolean[],
    readonly fieldIds: Map<string, number>,
  ) {
    this.type = new Uint16Array(capacity);
    this.field = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.after = new Int32Array(capacity);
  }

  get root(): CNode {
    return new CNode(this, 0);
  }

  /** Makes room for one more node; returns its index. */
  add(): number {
    if (this.count === this.type.length) {
      const n = Math.max(16, this.count * 2);
      const grow = <T extends Uint16Array | Int32Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.type = grow(this.type, new Uint16Array(n));
      this.field = grow(this.field, new Uint16Array(n));
      this.start = grow(this.start, new Int32Array(n));
      this.end = grow(this.end, new Int32Array(n));
      this.after = grow(this.after, new Int32Array(n));
    }
    return this.count++;
  }
}

/** A node of a Cst (a handle: two handles of the same node are equal in all but identity). */
export class CNode implements SyntaxNode {
  constructor(
    readonly cst: Cst,
    readonly index: number,
  ) {}

  get type(): string {
    return this.cst.typeNames[this.cst.type[this.index]] ?? 'ERROR';
  }

  get isNamed(): boolean {
    return this.cst.namedTypes[this.cst.type[this.index]] ?? true;
  }

  get startIndex(): number {
    return this.cst.start[this.index];
  }

  get endIndex(): number {
    return this.cst.end[this.index];
  }

  get text(): string {
    return this.cst.lines.text.slice(this.cst.start[this.index], this.cst.end[this.index]);
  }

  get startPosition(): Point {
    return this.cst.lines.point(this.cst.start[this.index]);
  }

  get endPosition(): Point {
    return this.cst.lines.point(this.cst.end[this.index]);
  }

  get children(): CNode[] {
    const cst = this.cst;
    const after = cst.after[this.index];
    const out: CNode[] = [];
    for (let j = this.index + 1; j < after; j = cst.after[j]) out.push(new CNode(cst, j));
    return out;
  }

  get namedChildren(): CNode[] {
    const cst = this.cst;
    const after = cst.after[this.index];
    const out: CNode[] = [];
    for (let j = this.index + 1; j < after; j = cst.after[j]) if (cst.namedTypes[cst.type[j]] ?? true) out.push(new CNode(cst, j));
    return out;
  }

  child(index: number): CNode | null {
    const cst = this.cst;
    const after = cst.after[this.index];
    let k = 0;
    for (let j = this.index + 1; j < after; j = cst.after[j]) if (k++ === index) return new CNode(cst, j);
    return null;
  }

  // Allocation-light versions of loc.ts helpers (nodeLoc, kids, allKids, hasToken).

  loc(): Loc {
    return this.cst.lines.loc(this.cst.start[this.index], this.cst.end[this.index]);
  }

  /** Named children minus comments and line continuations. */
  kids(): CNode[] {
    const cst = this.cst;
    const after = cst.after[this.index];
    const out: CNode[] = [];
    for (let j = this.index + 1; j < after; j = cst.after[j]) {
      const t = cst.type[j];
      if ((cst.namedTypes[t] ?? true) && !cst.skipTypes[t]) out.push(new CNode(cst, j));
    }
    return out;
  }

  /** All children minus comments and line continuations. */
  allKids(): CNode[] {
    const cst = this.cst;
    const after = cst.after[this.index];
    const out: CNode[] = [];
    for (let j = this.index + 1; j < after; j = cst.after[j]) if (!cst.skipTypes[cst.type[j]]) out.push(new CNode(cst, j));
    return out;
  }

  /** Whether an anonymous child has type `text`. */
  hasToken(text: string): boolean {
    const cst = this.cst;
    const after = cst.after[this.index];
    for (let j = this.index + 1; j < after; j = cst.after[j]) {
      const t = cst.type[j];
      if (!(cst.namedTypes[t] ?? true) && cst.typeNames[t] === text) return true;
    }
    return false;
  }

  childForFieldName(fieldName: string): CNode | null {
    const id = this.cst.fieldIds.get(fieldName);
    if (id === undefined) return null;
    const cst = this.cst;
    const after = cst.after[this.index];
    for (let j = this.index + 1; j < after; j = cst.after[j]) if (cst.field[j] === id) return new CNode(cst, j);
    return null;
  }

  childrenForFieldName(fieldName: string): CNode[] {
    const out: CNode[] = [];
    const id = this.cst.fieldIds.get(fieldName);
    if (id === undefined) return out;
    const cst = this.cst;
    const after = cst.after[this.index];
    for (let j = this.index + 1; j < after; j = cst.after[j]) if (cst.field[j] === id) out.push(new CNode(cst, j));
    return out;
  }
}

/**
 * Node types whose children can carry field names (the types with "fields" in
 * tree-sitter-python's node-types.json; a unit test keeps the list in step). Only the
 * children of these are asked for their field, which saves a wasm call for most nodes.
 */
const FIELD_PARENTS = new Set([
  'aliased_import', 'as_pattern', 'assignment', 'attribute', 'augmented_assignment', 'binary_operator', 'block',
  'boolean_operator', 'call', 'case_clause', 'class_definition', 'comparison_operator', 'decorated_definition',
  'default_parameter', 'dict_pattern', 'dictionary_comprehension', 'elif_clause', 'else_clause', 'except_clause',
  'exec_statement', 'for_in_clause', 'for_statement', 'format_expression', 'function_definition',
  'future_import_statement', 'generator_expression', 'if_statement', 'import_from_statement', 'import_statement',
  'interpolation', 'keyword_argument', 'lambda', 'list_comprehension', 'match_statement', 'named_expression',
  'not_operator', 'pair', 'print_statement', 'raise_statement', 'set_comprehension', 'subscript', 'try_statement',
  'type_alias_statement', 'typed_default_parameter', 'typed_parameter', 'unary_operator', 'while_statement',
  'with_item', 'with_statement',
]);
export const FIELD_PARENT_TYPES: ReadonlySet<string> = FIELD_PARENTS;

interface LanguageTables {
  types: string[];
  named: boolean[];
  skip: boolean[];
  fieldParents: boolean[];
  fieldIds: Map<string, number>;
}

function intern(s: string): string {
  const o: Record<string, true> = {};
  o[s] = true;
  return Object.keys(o)[0] ?? s;
}

const tablesCache = new WeakMap<object, LanguageTables>();

function tablesOf(tree: Tree): LanguageTables {
  const lang = tree.language;
  let t = tablesCache.get(lang);
  if (!t) {
    const named: boolean[] = [];
    const fieldParents: boolean[] = [];
    const skip: boolean[] = [];
    for (let i = 0; i < lang.types.length; i++) {
      named.push(lang.nodeTypeIsNamed(i));
      skip.push(lang.types[i] === 'comment' || lang.types[i] === 'line_continuation');
      fieldParents.push(FIELD_PARENTS.has(lang.types[i]));
    }
    const fieldIds = new Map<string, number>();
    lang.fields.forEach((f, i) => {
      if (f && i > 0) fieldIds.set(f, i);
    });
    // Interned copies: the converter switches on type names, and V8 compares internalized
    // strings by identity (the language's own strings are not internalized).
    const types = lang.types.map(intern);
    t = { types, named, skip, fieldParents, fieldIds };
    tablesCache.set(lang, t);
  }
  return t;
}

/**
 * web-tree-sitter 0.25's own wasm entry points for TreeCursor. Its TreeCursor methods copy
 * the cursor into a transfer buffer in wasm memory before each call (four DataView writes)
 * and back after each move; the entry points themselves keep the cursor in that buffer.
 * So a walk that makes no other tree-sitter call in between can call them directly, about
 * five times faster. Emscripten uses the options object given to Parser.init() as its
 * Module, so these are found there (parser.ts passes it in). Internal to web-tree-sitter:
 * rawCursorApi() checks they exist, mirrorTree() falls back to TreeCursor otherwise, and
 * test/unit/syntax-cst compares both paths with web-tree-sitter's Nodes.
 */
export interface RawCursorApi {
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_delete_wasm(tree: number): void;
}

const RAW_NAMES: (keyof RawCursorApi)[] = [
  '_ts_tree_cursor_current_node_type_id_wasm', '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_start_index_wasm', '_ts_tree_cursor_end_index_wasm', '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm', '_ts_tree_cursor_goto_parent_wasm', '_ts_tree_cursor_delete_wasm',
];

/** The raw cursor entry points of an initialized web-tree-sitter module, or null. */
export function rawCursorApi(module: unknown): RawCursorApi | null {
  if (typeof module !== 'object' || module === null) return null;
  const m = module as Record<string, unknown>;
  return RAW_NAMES.every((k) => typeof m[k] === 'function') ? (module as RawCursorApi) : null;
}

/** The cursor operations mirrorTree needs. */
interface Walker {
  typeId(): number;
  fieldId(): number;
  start(): number;
  end(): number;
  firstChild(): boolean;
  nextSibling(): boolean;
  parent(): boolean;
  done(): void;
}

function walker(tree: Tree, raw: RawCursorApi | null): Walker {
  const cur = tree.walk();
  const addr = (tree as unknown as Record<number, unknown>)[0];
  if (raw && typeof addr === 'number') {
    // Any getter puts the new cursor into the transfer buffer; from there on it lives there.
    void cur.currentFieldId;
    return {
      typeId: () => raw._ts_tree_cursor_current_node_type_id_wasm(addr),
      fieldId: () => raw._ts_tree_cursor_current_field_id_wasm(addr),
      start: () => raw._ts_tree_cursor_start_index_wasm(addr),
      end: () => raw._ts_tree_cursor_end_index_wasm(addr),
      firstChild: () => raw._ts_tree_cursor_goto_first_child_wasm(addr) === 1,
      nextSibling: () => raw._ts_tree_cursor_goto_next_sibling_wasm(addr) === 1,
      parent: () => raw._ts_tree_cursor_goto_parent_wasm(addr) === 1,
      // The JS TreeCursor still holds the initial state: delete from the buffer instead.
      done: () => raw._ts_tree_cursor_delete_wasm(addr),
    };
  }
  return {
    typeId: () => cur.nodeTypeId,
    fieldId: () => cur.currentFieldId,
    start: () => cur.startIndex,
    end: () => cur.endIndex,
    firstChild: () => cur.gotoFirstChild(),
    nextSibling: () => cur.gotoNextSibling(),
    parent: () => cur.gotoParent(),
    done: () => cur.delete(),
  };
}

/**
 * Copies an error-free `tree` (rootNode.hasError false) into a Cst in one pass of a
 * cursor: per node its type id, offsets, and (under FIELD_PARENTS) its field id. An
 * anonymous leaf whose text is its type (a keyword or punctuation) needs no end offset.
 * With `raw`, the cursor is driven through web-tree-sitter's entry points directly.
 */
export function mirrorTree(tree: Tree, source: string, raw: RawCursorApi | null = null): Cst {
  const { types, named, skip, fieldParents, fieldIds } = tablesOf(tree);
  const lines = new SourceLines(source);
  const cst = new Cst(tree.rootNode.descendantCount, lines, types, named, skip, fieldIds);
  const cur = walker(tree, raw);
  try {
    // Node indices from the root to the cursor's parent.
    const stack: number[] = [];
    let withFields = false;
    for (;;) {
      const k = cst.add();
      const id = cur.typeId();
      cst.type[k] = id;
      if (withFields) cst.field[k] = cur.fieldId();
      const start = cur.start();
      cst.start[k] = start;
      if (cur.firstChild()) {
        stack.push(k);
        withFields = fieldParents[id] ?? true;
        continue;
      }
      cst.after[k] = k + 1;
      if (!(named[id] ?? true) && source.startsWith(types[id], start)) cst.end[k] = start + types[id].length;
      else cst.end[k] = cur.end();
      if (stack.length === 0) return cst; // a root without children
      while (!cur.nextSibling()) {
        const p = stack.pop()!;
        cst.after[p] = cst.count;
        cur.parent();
        // Hidden tokens (a dedent, the final newline) and text between children (in
        // string_content) make a node's span differ from its children's: ask for it.
        cst.end[p] = cur.end();
        if (stack.length === 0) return cst;
      }
      withFields = fieldParents[cst.type[stack[stack.length - 1]]] ?? true;
    }
  } finally {
    cur.done();
  }
}
