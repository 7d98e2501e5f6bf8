#!/usr/bin/env node
// Activation cost: from starting the language server process to the first CodeLens on a
// sample — what a user waits for between opening a Python file and seeing "▶ Run in
// Threadline". Measures the built bundle (dist/server.js, built here into a temp dir if
// missing) over stdio, N cold starts, and prints the phases:
//   spawn→initialize   process start, bundle load, LSP handshake
//   open→codeLens      parser wasm load + parse + compile + lens walk of the file
//   total              spawn → first codeLens response
//
//   node bench/activation/run.mjs [FILE.py] [--runs N]
// Never fails a test run; the goal (issue 7) is total ≤ 100 ms.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;
const fileArg = args.find((a, i) => a.endsWith('.py') && args[i - 1] !== '--runs');

const FALLBACK = `import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()

def worker1():
    with lock_a:
        time.sleep(0.1)
        with lock_b:
            print("worker1 got both")

def worker2():
    with lock_b:
        time.sleep(0.1)
        with lock_a:
            print("worker2 got both")

t1 = threading.Thread(target=worker1)
t2 = threading.Thread(target=worker2)
t1.start()
t2.start()
t1.join()
t2.join()
`;

function pickFile() {
  if (fileArg) return path.resolve(fileArg);
  for (const name of ['dead_lock.py', 'thread_lock.py']) {
    const p = path.join(root, 'samples', name);
    if (fs.existsSync(p)) return p;
  }
  const tmp = path.join(os.tmpdir(), `threadline-bench-${process.pid}.py`);
  fs.writeFileSync(tmp, FALLBACK);
  return tmp;
}

/** Builds src/server the way `npm run package` does (minified) into a temp dir, with the wasm. */
async function serverBundle() {
  const esbuild = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadline-bench-'));
  await esbuild.build({ entryPoints: [path.join(root, 'src/server/server.ts')], outfile: path.join(dir, 'server.js'), bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
    define: { 'import.meta.url': '__threadlineImportMetaUrl' },
    banner: { js: "const __threadlineImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  for (const w of ['node_modules/web-tree-sitter/tree-sitter.wasm', 'node_modules/tree-sitter-python/tree-sitter-python.wasm']) fs.copyFileSync(path.join(root, w), path.join(dir, path.basename(w)));
  return path.join(dir, 'server.js');
}

function frame(msg) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

async function once(server, file, text) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = Buffer.alloc(0);
  const waiters = new Map();
  child.stdout.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const head = buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/.exec(buf.subarray(0, head).toString())[1]);
      if (buf.length < head + 4 + len) return;
      const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString('utf8'));
      buf = buf.subarray(head + 4 + len);
      if (msg.id !== undefined && waiters.has(msg.id)) waiters.get(msg.id)(msg);
    }
  });
  const request = (id, method, params) => new Promise((resolve) => {
    waiters.set(id, resolve);
    child.stdin.write(frame({ id, method, params }));
  });
  await request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} });
  const t1 = performance.now();
  child.stdin.write(frame({ method: 'initialized', params: {} }));
  const uri = pathToFileURL(file).href;
  child.stdin.write(frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'python', version: 1, text } } }));
  const lenses = await request(2, 'textDocument/codeLens', { textDocument: { uri } });
  const t2 = performance.now();
  if (!lenses.result) throw new Error(`codeLens failed: ${JSON.stringify(lenses.error)}`);
  await request(3, 'shutdown', null);
  child.stdin.write(frame({ method: 'exit' }));
  await new Promise((r) => child.on('exit', r));
  return { init: t1 - t0, lens: t2 - t1, total: t2 - t0, count: lenses.result.length };
}

/** Bare `node -e ''` spawn-to-exit time: the floor any server process pays on this machine. */
async function bareNode() {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((r) => child.on('exit', r));
  return performance.now() - t0;
}

/** The same work in-process (no process start), from inprocess.ts under tsx. */
async function inProcess(file) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/activation/inprocess.ts'), file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((r) => child.on('exit', r));
  return out.trim();
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const f = (x) => `${x.toFixed(1).padStart(6)} ms`;

const file = pickFile();
const text = fs.readFileSync(file, 'utf8');
const server = await serverBundle();
await once(server, file, text); // warm the OS file cache
const results = [];
for (let i = 0; i < runs; i++) results.push(await once(server, file, text));

console.log(`activation → first CodeLens: ${path.relative(root, file) || file} (${text.split('\n').length} lines, ${results[0].count} lenses), ${runs} cold server starts, node ${process.version}`);
console.log(`bundle: server.js (${(fs.statSync(server).size / 1024).toFixed(0)} KiB)`);
console.log('phase                 min       median    max');
for (const [name, key] of [['spawn→initialize', 'init'], ['open→codeLens', 'lens'], ['total', 'total']]) {
  const s = stats(results.map((r) => r[key]));
  console.log(`${name.padEnd(18)} ${f(s.min)} ${f(s.median)} ${f(s.max)}`);
}
const bare = [];
for (let i = 0; i < runs; i++) bare.push(await bareNode());
const b = stats(bare);
console.log(`${'bare node start'.padEnd(18)} ${f(b.min)} ${f(b.median)} ${f(b.max)}   (floor: spawn→exit of node -e '')`);
const median = stats(results.map((r) => r.total)).median;
console.log(`server cost above bare node (median): ${(median - b.median).toFixed(1)} ms; ratio total/bare ${(median / b.median).toFixed(2)}`);
console.log(await inProcess(file));
console.log(`goal ≤ 100 ms: ${median <= 100 ? 'met' : 'NOT met'} (median ${median.toFixed(1)} ms)`);
