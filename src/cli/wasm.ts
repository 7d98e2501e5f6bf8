// Node host helper: reads the two wasm files the parser needs. In a bundle (dist/*.js)
// esbuild.js copies them next to the bundle; under tsx (tests) they come from node_modules.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FILES = {
  runtime: ['tree-sitter.wasm', 'node_modules/web-tree-sitter/tree-sitter.wasm'],
  python: ['tree-sitter-python.wasm', 'node_modules/tree-sitter-python/tree-sitter-python.wasm'],
} as const;

function find(name: string, fromModules: string): string {
  const candidates: string[] = [];
  if (typeof __dirname === 'string') {
    candidates.push(join(__dirname, name));
    // Walk up from this file (src/cli under tsx) to the package root's node_modules.
    let dir = __dirname;
    for (let i = 0; i < 6; i++) {
      candidates.push(join(dir, fromModules));
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  candidates.push(join(process.cwd(), fromModules));
  for (const p of candidates) if (existsSync(p)) return p;
  throw new Error(`cannot find ${name} (looked in: ${candidates.join(', ')})`);
}

export function loadParserWasm(): { runtime: Uint8Array; python: Uint8Array } {
  return {
    runtime: readFileSync(find(FILES.runtime[0], FILES.runtime[1])),
    python: readFileSync(find(FILES.python[0], FILES.python[1])),
  };
}
