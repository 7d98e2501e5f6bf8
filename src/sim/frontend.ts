// Source text → code object, or a diagnostic worded and laid out as CPython prints it.
// Shared by the CLI (`run`, `dis`), the language server and the simulator's importer.
import { parse } from './syntax/parser';
import type { Loc } from './syntax/ast';
import { compileModule, CompileError } from './compiler/compile';
import type { CodeObject } from './compiler/code';

export interface FrontendDiagnostic {
  kind: 'syntax' | 'unsupported';
  /** For 'syntax': CPython's message ("expected ':'"). For 'unsupported': the feature. */
  message: string;
  loc: Loc;
}

export type FrontendResult =
  | { ok: true; code: CodeObject }
  | { ok: false; diagnostic: FrontendDiagnostic };

export function compileSource(source: string, filename: string): FrontendResult {
  const parsed = parse(source, filename);
  if (parsed.errors.length > 0 || !parsed.module) {
    const e = parsed.errors[0];
    return { ok: false, diagnostic: { kind: 'syntax', message: e ? e.message : 'invalid syntax', loc: e ? e.loc : zeroLoc() } };
  }
  if (parsed.unsupported.length > 0) {
    const u = parsed.unsupported[0];
    return { ok: false, diagnostic: { kind: 'unsupported', message: u.feature, loc: u.loc } };
  }
  try {
    return { ok: true, code: compileModule(parsed.module, filename) };
  } catch (e) {
    if (e instanceof CompileError) {
      return { ok: false, diagnostic: { kind: e.kind, message: e.message, loc: e.loc } };
    }
    throw e;
  }
}

function zeroLoc(): Loc {
  return { line: 1, col: 0, endLine: 1, endCol: 0 };
}

/**
 * The text CPython prints for a SyntaxError raised while compiling `displayPath`:
 *   File "x.py", line 2
 *     if x
 *         ^
 * SyntaxError: expected ':'
 */
export function formatSyntaxError(d: FrontendDiagnostic, source: string, displayPath: string): string {
  const lineText = source.split(/\r?\n/)[d.loc.line - 1] ?? '';
  const stripped = lineText.replace(/^\s+/, '');
  const indent = lineText.length - stripped.length;
  const out = [`  File "${displayPath}", line ${d.loc.line}`];
  if (stripped.trim() !== '') {
    out.push('    ' + stripped.replace(/\s+$/, ''));
    const start = Math.max(0, d.loc.col - indent);
    const sameLine = d.loc.endLine === d.loc.line;
    const width = sameLine ? Math.max(1, d.loc.endCol - d.loc.col) : 1;
    out.push('    ' + ' '.repeat(start) + '^'.repeat(Math.min(width, Math.max(1, stripped.length - start))));
  }
  // CPython raises IndentationError (a SyntaxError subclass) for the indentation messages.
  const kind = /indent/.test(d.message) ? 'IndentationError' : 'SyntaxError';
  out.push(`${kind}: ${d.message}`);
  return out.join('\n') + '\n';
}

/** The message for valid Python the simulator does not run (exit code 4). */
export function formatUnsupported(d: FrontendDiagnostic, displayPath: string): string {
  return `threadline: unsupported feature: ${d.message} (${displayPath}, line ${d.loc.line})\n`;
}
