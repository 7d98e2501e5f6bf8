// Shared state of one CST → AST conversion: the source and the diagnostics found so far.

import type { SyntaxNode as Node } from './cst';
import type { Expr, Loc, SyntaxDiagnostic, UnsupportedDiagnostic } from './ast';
import { nodeLoc } from './loc';

export class Conv {
  readonly unsupported: UnsupportedDiagnostic[] = [];
  readonly errors: SyntaxDiagnostic[] = [];
  constructor(readonly source: string) {}

  unsupportedAt(feature: string, loc: Loc): void {
    this.unsupported.push({ kind: 'unsupported', feature, loc });
  }

  error(message: string, loc: Loc): void {
    this.errors.push({ kind: 'syntax', message, loc });
  }

  /** Records a syntax error and returns a placeholder expression so conversion can go on. */
  bad(message: string, n: Node): Expr {
    const loc = nodeLoc(n);
    this.error(message, loc);
    return { kind: 'Constant', loc, value: { type: 'None' } };
  }

  /** An unsupported construct: recorded, and a placeholder returned. */
  unsupportedExpr(feature: string, n: Node): Expr {
    const loc = nodeLoc(n);
    this.unsupportedAt(feature, loc);
    return { kind: 'Constant', loc, value: { type: 'None' } };
  }
}
