// Shared setup for the syntax tests: loads the parser once (wasm from node_modules).
import { loadParserWasm } from '../../src/cli/wasm';
import { initParser } from '../../src/sim/syntax/parser';

let ready: Promise<void> | null = null;
export function setupParser(): Promise<void> {
  ready ??= initParser(loadParserWasm());
  return ready;
}
