// The layering check (scripts/check-layers.mjs) must fail on a tree that breaks an
// architecture invariant, naming the file and line, and pass on a clean one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = path.resolve(import.meta.dirname, '../../scripts/check-layers.mjs');

/** Writes `files` (path → text) into a fresh temporary tree and runs the check on it. */
function check(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'threadline-layers-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, stdout: r.stdout };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const clean: Record<string, string> = {
  'src/sim/kernel/clock.ts': [
    '// Never use Date.now() or Math.random() here; import "vscode" is banned too.',
    '/* import * as fs from "node:fs"; setTimeout(tick, 5); document.body */',
    "import { parse } from '../syntax/parser';",
    'export const note = "document, window, Date.now() and require(\'fs\') are only words in a string";',
    'export const re = /window|document/g;',
    'export const t = `tick ${parse.length} of Math.random`;',
    'export const ratio = (a: number, b: number) => a / b / 2;',
    'export const k = { now: () => clock.now() }; const clock = { now: () => 0 };',
  ].join('\n'),
  'src/sim/syntax/parser.ts': "import { Parser } from 'web-tree-sitter';\nexport const parse = Parser;\n",
  'src/trace/format.ts': 'export const VERSION = 1;\n',
  'src/extension/extension.ts': "import * as vscode from 'vscode';\nimport { VERSION } from '../trace/format';\nvscode.window.showInformationMessage(String(VERSION));\n",
  'src/server/server.ts': "import * as path from 'node:path';\nconst document = { uri: path.sep };\nexport default document;\n",
  'src/cli/main.ts': "import fs from 'node:fs';\nimport { VERSION } from '../trace/format';\nfs.writeSync(1, `${VERSION}\\n`);\n",
  'webview/main.ts': "import { VERSION } from '../src/trace/format';\ndocument.body.textContent = String(VERSION);\nwindow.addEventListener('message', () => {});\n",
};

test('a clean tree passes, whatever its comments and strings say', () => {
  const r = check(clean);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /check-layers: ok/);
});

const violations: [string, string, RegExp][] = [
  // [file, text, what stderr must say]
  ['src/sim/kernel/bad.ts', "// fine\n\nimport * as fs from 'node:fs';\n", /src\/sim\/kernel\/bad\.ts:3: error: .*node:fs/],
  ['src/sim/vm/bad.ts', "export const p = require('path');\n", /src\/sim\/vm\/bad\.ts:1: error: .*'path'/],
  ['src/trace/bad.ts', "import {\n  window as w,\n} from 'vscode';\n", /src\/trace\/bad\.ts:3: error: imports 'vscode'/],
  ['src/server/bad.ts', "export { commands } from 'vscode';\n", /src\/server\/bad\.ts:1: error: imports 'vscode'/],
  ['src/sim/kernel/bad.ts', 'const a = 1;\nexport const t = Date.now();\n', /bad\.ts:2: error: reads the real clock \(Date\.now\)/],
  ['src/trace/bad.ts', 'export const id = Math.random();\n', /bad\.ts:1: error: uses Math\.random/],
  ['src/sim/kernel/bad.ts', 'setTimeout(() => {}, 1);\n', /bad\.ts:1: error: uses a real timer/],
  ['src/sim/kernel/bad.ts', 'export const t = performance.now();\n', /bad\.ts:1: error: .*performance\.now/],
  ['src/sim/vm/bad.ts', 'export const el = document.createElement("div");\n', /bad\.ts:1: error: touches the DOM/],
  ['src/cli/bad.ts', 'export const w = window;\n', /src\/cli\/bad\.ts:1: error: touches the DOM/],
  ['src/sim/vm/bad.ts', 'export const run = (s: string) => eval(s);\n', /bad\.ts:1: error: calls eval/],
  ['src/sim/kernel/bad.ts', "import { x } from '../../server/server';\n", /bad\.ts:1: error: .*src\/server/],
  ['src/sim/kernel/bad.ts', "import { x } from '../../../webview/main';\n", /bad\.ts:1: error: .*webview\//],
  ['src/trace/bad.ts', "import type { Kernel } from '../sim/kernel/kernel';\n", /src\/trace\/bad\.ts:1: error: .*src\/sim/],
  ['src/extension/bad.ts', "const m = await import('../sim/kernel/kernel');\n", /src\/extension\/bad\.ts:1: error: .*src\/sim/],
];

for (const [file, text, expected] of violations) {
  test(`fails on ${file}: ${text.trim().split('\n').pop()}`, () => {
    const r = check({ ...clean, [file]: text });
    assert.notEqual(r.status, 0, 'expected the check to fail');
    assert.match(r.stderr, expected);
    assert.match(r.stderr, /violation/);
  });
}

test('an upward import inside src/sim is a warning, not an error', () => {
  const r = check({ ...clean, 'src/sim/syntax/up.ts': "import { k } from '../kernel/clock';\nexport const x = k;\n" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /src\/sim\/syntax\/up\.ts:1: warning: .*src\/sim\/kernel/);
});
