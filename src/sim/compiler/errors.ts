// Compile-time errors: SyntaxErrors CPython's compiler/symtable would raise, and valid
// Python the simulator does not run (complex literals, ...).
import type { Loc } from '../syntax/ast';

export type CompileErrorKind = 'syntax' | 'unsupported';

export class CompileError extends Error {
  constructor(
    readonly kind: CompileErrorKind,
    message: string,
    readonly loc: Loc,
  ) {
    super(message);
    this.name = 'CompileError';
  }
}

export function syntaxError(message: string, loc: Loc): CompileError {
  return new CompileError('syntax', message, loc);
}

export function unsupported(feature: string, loc: Loc): CompileError {
  return new CompileError('unsupported', feature, loc);
}
