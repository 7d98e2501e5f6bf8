// Loads tree-sitter-python (prebuilt wasm, ABI 15) through web-tree-sitter and turns
// Python source into Threadline's AST (ast.ts). The host supplies the wasm bytes, so this
// module touches no file system and runs unchanged in Node, a worker or a browser.

import { Language, Parser } from 'web-tree-sitter';
import type { ParseResult } from './ast';
import { convertModule } from './convert';
import { findSyntaxErrors } from './errors';
import { checkModule } from './check';
import { mirrorTree, rawCursorApi, type RawCursorApi } from './cst';
import { fallbackLoc } from './loc';

let parser: Parser | null = null;
let raw: RawCursorApi | null = null;
let initPromise: Promise<void> | null = null;

/** Loads the runtime and the Python grammar. Safe to call more than once. */
export function initParser(wasm: { runtime: Uint8Array; python: Uint8Array }): Promise<void> {
  if (initPromise) return initPromise;
  initPromise = (async () => {
    // Emscripten makes this object its Module: the raw cursor entry points end up on it.
    const moduleOptions = { wasmBinary: wasm.runtime };
    await Parser.init(moduleOptions as unknown as Parameters<typeof Parser.init>[0]);
    raw = rawCursorApi(moduleOptions);
    const language = await Language.load(wasm.python);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  initPromise.catch(() => {
    initPromise = null;
  });
  return initPromise;
}

/** The raw cursor entry points found at initialization (null: TreeCursor is used). */
export function parserRawCursor(): RawCursorApi | null {
  return raw;
}

export function isParserReady(): boolean {
  return parser !== null;
}

/** Parses `source`. Never throws: problems come back as diagnostics. */
export function parse(source: string, filename: string): ParseResult {
  void filename;
  if (!parser) throw new Error('parse() called before initParser() resolved');
  let tree;
  try {
    tree = parser.parse(source);
  } catch (e) {
    return internalFailure(source, `parser failure: ${String(e)}`);
  }
  if (!tree) return internalFailure(source, 'parser returned no tree');
  try {
    const root = tree.rootNode;
    // Tokenizer-level and structural errors exist even where tree-sitter finds none.
    const syntaxErrors = findSyntaxErrors(root, source);
    if (syntaxErrors.length > 0) return { module: null, errors: syntaxErrors, unsupported: [] };
    const { module, unsupported, errors } = convertModule(mirrorTree(tree, source, raw).root, source);
    const semantic = errors.length === 0 ? checkModule(module) : [];
    const all = [...errors, ...semantic];
    if (all.length > 0) return { module: null, errors: all.slice(0, 1), unsupported };
    return { module, errors: [], unsupported };
  } catch (e) {
    return internalFailure(source, `internal parser error: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    tree.delete();
  }
}

function internalFailure(source: string, message: string): ParseResult {
  return { module: null, errors: [{ kind: 'syntax', message, loc: fallbackLoc(source) }], unsupported: [] };
}
