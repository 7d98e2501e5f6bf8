// Source text -> Module through the real parser (tree-sitter), for compiler tests.
import { loadParserWasm } from '../../src/cli/wasm';
import type { Module } from '../../src/sim/syntax/ast';
import { initParser, parse } from '../../src/sim/syntax/parser';
import { compileModule } from '../../src/sim/compiler/compile';
import type { CodeObject } from '../../src/sim/compiler/code';

let ready: Promise<void> | null = null;

export function parserReady(): Promise<void> {
  ready ??= initParser(loadParserWasm());
  return ready;
}

export function parseSource(src: string, filename = 'x.py'): Module {
  const r = parse(src, filename);
  if (!r.module) throw new Error(`parse failed: ${JSON.stringify(r.errors)}`);
  return r.module;
}

export function compileSource(src: string, filename = 'x.py'): CodeObject {
  return compileModule(parseSource(src, filename), filename);
}

/** Nested code objects by qualname (first one wins). */
export function codesByQualname(code: CodeObject): Map<string, CodeObject> {
  const out = new Map<string, CodeObject>();
  const walk = (c: CodeObject) => {
    if (!out.has(c.qualname)) out.set(c.qualname, c);
    for (const k of c.consts) if (k.type === 'code') walk(k.code);
  };
  walk(code);
  return out;
}
