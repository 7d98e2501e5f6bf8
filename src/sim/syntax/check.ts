// Compile-time checks CPython makes on the AST (placeholder, filled in below).
import type { Module, SyntaxDiagnostic } from './ast';
export function checkModule(module: Module): SyntaxDiagnostic[] {
  void module;
  return [];
}
