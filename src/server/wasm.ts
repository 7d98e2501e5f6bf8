// Where the language server finds the parser's two .wasm files: next to the bundle
// (dist/server.js; esbuild.js copies them there) or, when run from source under tsx, in
// the package's node_modules. The simulator itself never touches the file system.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const WASM = [
  { name: 'tree-sitter.wasm', pkg: 'web-tree-sitter' },
  { name: 'tree-sitter-python.wasm', pkg: 'tree-sitter-python' },
] as const;

function locate(name: string, pkg: string, startDir: string): string {
  const tried: string[] = [join(startDir, name)];
  for (let dir = startDir, i = 0; i < 8; i++) {
    tried.push(join(dir, 'node_modules', pkg, name));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const found = tried.find((p) => existsSync(p));
  if (!found) throw new Error(`threadline-server: cannot find ${name} (tried ${tried.join(', ')})`);
  return found;
}

/** The bytes of the tree-sitter runtime and the Python grammar. */
export function readParserWasm(startDir: string = typeof __dirname === 'string' ? __dirname : process.cwd()): {
  runtime: Uint8Array;
  python: Uint8Array;
} {
  const [runtime, python] = WASM.map(({ name, pkg }) => readFileSync(locate(name, pkg, startDir)));
  return { runtime: runtime!, python: python! };
}
