// Entry point of the CST → AST conversion (statements in convert-stmt.ts, expressions in
// convert-expr.ts, string literals in strings.ts).

import type { SyntaxNode as Node } from './cst';
import type { Module, SyntaxDiagnostic, UnsupportedDiagnostic } from './ast';
import { Conv } from './conv';
import { statements } from './convert-stmt';

export interface ConvertResult {
  module: Module;
  errors: SyntaxDiagnostic[];
  unsupported: UnsupportedDiagnostic[];
}

export function convertModule(root: Node, source: string): ConvertResult {
  const c = new Conv(source);
  const body = statements(c, root);
  return { module: { kind: 'Module', body }, errors: c.errors, unsupported: c.unsupported };
}
