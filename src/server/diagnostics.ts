// Diagnostics: syntax errors, unsupported features and compile errors of a document
// (static), and deadlocks/hangs found by runs (with related information on every line
// involved). Pure functions from simulator results to LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { Loc, ParseResult } from '../sim/syntax/ast';
import type { WaitEdge } from '../trace/format';

export const SOURCE = 'threadline';

export function locRange(loc: Loc): Range {
  return {
    start: { line: Math.max(0, loc.line - 1), character: Math.max(0, loc.col) },
    end: { line: Math.max(0, loc.endLine - 1), character: Math.max(0, loc.endCol) },
  };
}

/** The whole text of 1-based `line` (without leading indentation). */
export function lineRange(lines: readonly string[], line: number): Range {
  const text = lines[line - 1] ?? '';
  const start = text.length - text.trimStart().length;
  return { start: { line: line - 1, character: start }, end: { line: line - 1, character: text.trimEnd().length } };
}

/** A compile error as the compiler throws it (kind, message, loc). */
export interface CompileProblem {
  kind: 'syntax' | 'unsupported';
  message: string;
  loc: Loc;
}

export function staticDiagnostics(parsed: ParseResult, compile?: CompileProblem): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of parsed.errors) {
    out.push({ range: locRange(e.loc), severity: DiagnosticSeverity.Error, source: SOURCE, code: 'syntax', message: `SyntaxError: ${e.message}` });
  }
  for (const u of parsed.unsupported) {
    out.push({
      range: locRange(u.loc),
      severity: DiagnosticSeverity.Warning,
      source: SOURCE,
      code: 'unsupported',
      message: `Threadline cannot simulate this: ${u.feature} is not supported`,
      data: { feature: u.feature },
    });
  }
  if (compile) {
    out.push(
      compile.kind === 'syntax'
        ? { range: locRange(compile.loc), severity: DiagnosticSeverity.Error, source: SOURCE, code: 'syntax', message: `SyntaxError: ${compile.message}` }
        : {
            range: locRange(compile.loc),
            severity: DiagnosticSeverity.Warning,
            source: SOURCE,
            code: 'unsupported',
            message: `Threadline cannot simulate this: ${compile.message} is not supported`,
            data: { feature: compile.message },
          },
    );
  }
  return out;
}

/** "Thread-1 waits for lock_b held by Thread-2" */
export function describeEdge(e: WaitEdge, names: ReadonlyMap<string, string> = new Map()): string {
  const who = e.threadName ?? names.get(e.thread) ?? e.thread;
  const what = e.waitsFor.name ?? e.waitsFor.id;
  const holder = e.waitsFor.holder ? names.get(e.waitsFor.holder) ?? e.waitsFor.holder : undefined;
  const verb = e.waitsFor.kind === 'join' ? 'waits to join' : 'waits for';
  return holder && e.waitsFor.kind !== 'join' ? `${who} ${verb} ${what} held by ${holder}` : `${who} ${verb} ${what}`;
}

/**
 * Diagnostics for a deadlock cycle or hang: one per waiting thread, on the line of its
 * blocking call, each with related information pointing at the other threads' lines and at
 * the lines that created the objects involved.
 */
export function runDiagnostics(uri: string, lines: readonly string[], kind: 'deadlock' | 'hang', waits: readonly WaitEdge[]): Diagnostic[] {
  const names = new Map(waits.filter((w) => w.threadName).map((w) => [w.thread, w.threadName!] as const));
  const title = kind === 'deadlock' ? 'Deadlock' : 'Hang';
  const summary = waits.map((w) => w.threadName ?? w.thread).join(kind === 'deadlock' ? ' ↔ ' : ', ');
  const out: Diagnostic[] = [];
  for (const edge of waits) {
    if (!edge.loc) continue;
    const related: DiagnosticRelatedInformation[] = [];
    for (const other of waits) {
      if (other !== edge && other.loc) related.push({ location: { uri, range: lineRange(lines, other.loc.line) }, message: describeEdge(other, names) });
    }
    const objects = [edge.waitsFor, ...waits.map((w) => w.waitsFor), ...waits.flatMap((w) => w.holds ?? [])];
    const seen = new Set<string>();
    for (const o of objects) {
      if (o.line === undefined || seen.has(o.id)) continue;
      seen.add(o.id);
      related.push({ location: { uri, range: lineRange(lines, o.line) }, message: `${o.name ?? o.id} created here` });
    }
    out.push({
      range: lineRange(lines, edge.loc.line),
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: kind,
      message: `${title} (${summary}): ${describeEdge(edge, names)}`,
      relatedInformation: related,
    });
  }
  return out;
}
