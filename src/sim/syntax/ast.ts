// Threadline's typed Python AST, in the spirit of CPython's Parser/Python.asdl (3.11).
// The syntax layer converts tree-sitter's concrete tree into these nodes; the compiler
// consumes them. Nodes are plain data (no methods) so they can be cached and compared.

/** 1-based lines, 0-based columns (UTF-16 units), like CPython's ast module. */
export interface Loc {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type ExprContext = 'Load' | 'Store' | 'Del';

export type BoolOpKind = 'And' | 'Or';
export type OperatorKind =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow'
  | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
export type UnaryOpKind = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOpKind = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

/** A literal. Ints are bigint here so that no precision is lost before the compiler. */
export type ConstantValue =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'complex'; imag: number }
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: number[] }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' };

export interface Module {
  kind: 'Module';
  body: Stmt[];
}

// ---------------------------------------------------------------- statements

export interface Arg { name: string; annotation: Expr | null; loc: Loc }

export interface Arguments {
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One entry per kwonlyarg; null where the argument has no default. */
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last N positional (posonly + args) parameters. */
  defaults: Expr[];
}

export interface Keyword { arg: string | null /* null for **kwargs */; value: Expr; loc: Loc }
export interface Alias { name: string; asname: string | null; loc: Loc }
export interface WithItem { contextExpr: Expr; optionalVars: Expr | null }
export interface ExceptHandler { type: Expr | null; name: string | null; body: Stmt[]; loc: Loc }
export interface Comprehension { target: Expr; iter: Expr; ifs: Expr[]; isAsync: false }

export type Stmt =
  | { kind: 'FunctionDef'; loc: Loc; name: string; args: Arguments; body: Stmt[]; decorators: Expr[]; returns: Expr | null; docstring: string | null }
  | { kind: 'ClassDef'; loc: Loc; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorators: Expr[]; docstring: string | null }
  | { kind: 'Return'; loc: Loc; value: Expr | null }
  | { kind: 'Delete'; loc: Loc; targets: Expr[] }
  | { kind: 'Assign'; loc: Loc; targets: Expr[]; value: Expr }
  | { kind: 'AugAssign'; loc: Loc; target: Expr; op: OperatorKind; value: Expr }
  | { kind: 'AnnAssign'; loc: Loc; target: Expr; annotation: Expr; value: Expr | null; simple: boolean }
  | { kind: 'For'; loc: Loc; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'While'; loc: Loc; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'If'; loc: Loc; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'With'; loc: Loc; items: WithItem[]; body: Stmt[] }
  | { kind: 'Raise'; loc: Loc; exc: Expr | null; cause: Expr | null }
  | { kind: 'Try'; loc: Loc; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
  | { kind: 'Assert'; loc: Loc; test: Expr; msg: Expr | null }
  | { kind: 'Import'; loc: Loc; names: Alias[] }
  | { kind: 'ImportFrom'; loc: Loc; module: string | null; names: Alias[]; level: number }
  | { kind: 'Global'; loc: Loc; names: string[] }
  | { kind: 'Nonlocal'; loc: Loc; names: string[] }
  | { kind: 'Expr'; loc: Loc; value: Expr }
  | { kind: 'Pass'; loc: Loc }
  | { kind: 'Break'; loc: Loc }
  | { kind: 'Continue'; loc: Loc };

// ---------------------------------------------------------------- expressions

export type Expr =
  | { kind: 'BoolOp'; loc: Loc; op: BoolOpKind; values: Expr[] }
  | { kind: 'NamedExpr'; loc: Loc; target: Expr /* Name */; value: Expr }
  | { kind: 'BinOp'; loc: Loc; left: Expr; op: OperatorKind; right: Expr }
  | { kind: 'UnaryOp'; loc: Loc; op: UnaryOpKind; operand: Expr }
  | { kind: 'Lambda'; loc: Loc; args: Arguments; body: Expr }
  | { kind: 'IfExp'; loc: Loc; test: Expr; body: Expr; orelse: Expr }
  /** keys[i] === null means `**values[i]` */
  | { kind: 'Dict'; loc: Loc; keys: (Expr | null)[]; values: Expr[] }
  | { kind: 'Set'; loc: Loc; elts: Expr[] }
  | { kind: 'ListComp'; loc: Loc; elt: Expr; generators: Comprehension[] }
  | { kind: 'SetComp'; loc: Loc; elt: Expr; generators: Comprehension[] }
  | { kind: 'DictComp'; loc: Loc; key: Expr; value: Expr; generators: Comprehension[] }
  | { kind: 'GeneratorExp'; loc: Loc; elt: Expr; generators: Comprehension[] }
  | { kind: 'Yield'; loc: Loc; value: Expr | null }
  | { kind: 'YieldFrom'; loc: Loc; value: Expr }
  | { kind: 'Compare'; loc: Loc; left: Expr; ops: CmpOpKind[]; comparators: Expr[] }
  | { kind: 'Call'; loc: Loc; func: Expr; args: Expr[] /* may contain Starred */; keywords: Keyword[] }
  /** conversion: -1 none, 115 's', 114 'r', 97 'a' (as CPython). `debugText` is the `expr=` prefix. */
  | { kind: 'FormattedValue'; loc: Loc; value: Expr; conversion: number; formatSpec: Expr /* JoinedStr */ | null }
  | { kind: 'JoinedStr'; loc: Loc; values: Expr[] /* Constant(str) | FormattedValue */ }
  | { kind: 'Constant'; loc: Loc; value: ConstantValue }
  | { kind: 'Attribute'; loc: Loc; value: Expr; attr: string; ctx: ExprContext }
  | { kind: 'Subscript'; loc: Loc; value: Expr; slice: Expr; ctx: ExprContext }
  | { kind: 'Starred'; loc: Loc; value: Expr; ctx: ExprContext }
  | { kind: 'Name'; loc: Loc; id: string; ctx: ExprContext }
  | { kind: 'List'; loc: Loc; elts: Expr[]; ctx: ExprContext }
  | { kind: 'Tuple'; loc: Loc; elts: Expr[]; ctx: ExprContext }
  | { kind: 'Slice'; loc: Loc; lower: Expr | null; upper: Expr | null; step: Expr | null };

export type ExprKind = Expr['kind'];
export type StmtKind = Stmt['kind'];
export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;
export type StmtOf<K extends StmtKind> = Extract<Stmt, { kind: K }>;

// ---------------------------------------------------------------- diagnostics

/** A syntax error as CPython would word it ("expected ':'", "'(' was never closed"). */
export interface SyntaxDiagnostic {
  kind: 'syntax';
  message: string;
  loc: Loc;
}

/** Valid Python that the simulator does not run (async, match, ...). */
export interface UnsupportedDiagnostic {
  kind: 'unsupported';
  /** The feature's name as a user would say it: "async def", "match statement". */
  feature: string;
  loc: Loc;
}

export interface ParseResult {
  /** null when there is a syntax error. */
  module: Module | null;
  /** At most the first error of each cascade; usually one. */
  errors: SyntaxDiagnostic[];
  unsupported: UnsupportedDiagnostic[];
}
