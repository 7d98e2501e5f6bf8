// Shared set-up for tests that run the simulator: loads the parser's wasm once.
import fs from 'node:fs';
import path from 'node:path';
import { initParser } from '../../src/sim/syntax/parser';
import { loadParserWasm } from '../../src/cli/wasm';

let ready: Promise<void> | null = null;

export function initSim(): Promise<void> {
  ready ??= initParser(loadParserWasm());
  return ready;
}

/** A module reader for programs that import the user's other files from their folder. */
export function folderReader(dir: string): (moduleName: string) => string | null {
  return (name) => {
    const file = path.join(dir, name.replace(/\./g, '/') + '.py');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  };
}
