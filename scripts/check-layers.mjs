#!/usr/bin/env node
// Enforces the architecture invariants of ARCHITECTURE.md on the source tree.
//
//   node scripts/check-layers.mjs [ROOT]     (ROOT defaults to the repository)
//
// Scans ROOT/src/** and ROOT/webview/** (.ts/.tsx/.mts/.cts/.js/.mjs/.cjs). Prints one
// "path:line: message" per violation on stderr and exits 1 if there is any error; warnings
// (sim's internal layering, see SIM_RANK) are printed but do not fail.
// Comments, and the contents of strings, templates and regular expressions, are blanked
// before identifiers are searched, so they never trigger a violation.
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_EXT = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** The layer a repository-relative path belongs to, e.g. "sim", "trace", "webview", or null. */
function layerOf(rel) {
  const parts = rel.split('/');
  if (parts[0] === 'webview') return 'webview';
  if (parts[0] === 'src' && parts.length > 2) return parts[1];
  return null;
}

/** Layers that must run unchanged in Node, a worker and a browser. */
const PORTABLE = new Set(['sim', 'trace']);

/** Layers each layer must not import (by relative path). */
const FORBIDDEN_IMPORTS = {
  sim: ['server', 'extension', 'cli', 'webview', 'protocol'],
  trace: ['sim', 'protocol', 'cli', 'server', 'extension', 'webview'], // trace imports nothing
  protocol: ['cli', 'server', 'extension', 'webview'],
  cli: ['server', 'extension', 'webview'],
  server: ['extension', 'cli', 'webview'],
  extension: ['sim', 'server', 'cli', 'webview'],
  webview: ['extension', 'server', 'cli'],
};
/** Allowed, but not in the design's table: reported as warnings. */
const DISCOURAGED_IMPORTS = { protocol: ['sim'], webview: ['sim'] };

/** Inside src/sim: a part may import parts of lower or equal rank only (warning). */
const SIM_RANK = { syntax: 0, compiler: 1, vm: 2, kernel: 3, modules: 4, explore: 5 };

/** Identifier uses forbidden in the portable layers (sim, trace): nondeterminism and host access. */
const PORTABLE_BANS = [
  [/\bDate\s*\.\s*now\b/, 'reads the real clock (Date.now); use the virtual clock'],
  [/\bnew\s+Date\s*\(\s*\)/, 'reads the real clock (new Date()); use the virtual clock'],
  [/\bperformance\s*\.\s*now\b/, 'reads the real clock (performance.now); use the virtual clock'],
  [/\bMath\s*\.\s*random\b/, 'uses Math.random; use the seeded simulator RNG'],
  [/(?<![.\w$])crypto\s*\.\s*(?:getRandomValues|randomUUID)\b/, 'uses crypto randomness; use the seeded simulator RNG'],
  [/(?<![.\w$])(?:setTimeout|setInterval|setImmediate)\b/, 'uses a real timer; the simulator has a virtual clock'],
  [/(?<![.\w$])(?:require|__dirname|__filename|Buffer)(?![\w$])/, 'uses a Node global; this layer must also run in a browser'],
];
const SIM_BANS = [
  [/(?<![.\w$])eval\s*\(/, 'calls eval; user code is interpreted, never executed natively'],
  [/\bnew\s+Function\s*\(/, 'calls new Function; user code is interpreted, never executed natively'],
];

/** DOM globals: only webview/ may use them. */
const DOM_ANY = /(?<![.\w$])(?:document|window|navigator|localStorage|sessionStorage|requestAnimationFrame|acquireVsCodeApi|HTMLElement|HTMLCanvasElement|customElements)(?![\w$])/;
/** In extension/server, `document` and `window` are common ordinary names (LSP documents,
 * vscode.window), so there only unmistakable DOM member accesses count. */
const DOM_NODE_SIDE = new RegExp(
  String.raw`(?<![.\w$])(?:document\s*\.\s*(?:createElement|getElementById|querySelector(?:All)?|body|head|documentElement|addEventListener)|window\s*\.\s*(?:addEventListener|document|location|devicePixelRatio|requestAnimationFrame)|localStorage|sessionStorage|requestAnimationFrame|acquireVsCodeApi|HTMLElement|HTMLCanvasElement|customElements)(?![\w$])`,
);

/**
 * Returns two copies of `src`, same length and line breaks: `code` without comments, and
 * `bare` also without the contents of strings, templates and regex literals.
 */
export function blank(src) {
  const code = src.split('');
  const bare = src.split('');
  const wipe = (from, to, alsoCode) => {
    for (let k = from; k < to; k++) {
      if (src[k] === '\n' || src[k] === '\r') continue;
      bare[k] = ' ';
      if (alsoCode) code[k] = ' ';
    }
  };
  const braces = []; // for each open `${`, the brace depth at which its template resumes
  let depth = 0;
  let prev = ''; // last significant character of code, to tell a regex from a division
  let i = 0;
  const n = src.length;
  const scanTemplate = (start) => { // from just after ` or }, up to the closing ` or ${
    let j = start;
    while (j < n && src[j] !== '`') {
      if (src[j] === '\\') j += 2;
      else if (src[j] === '$' && src[j + 1] === '{') {
        wipe(start, j, false);
        braces.push(depth++);
        return j + 2;
      } else j++;
    }
    wipe(start, j, false);
    return j + 1;
  };
  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      let j = i;
      while (j < n && src[j] !== '\n') j++;
      wipe(i, j, true);
      i = j;
    } else if (c === '/' && d === '*') {
      const end = src.indexOf('*/', i + 2);
      const j = end < 0 ? n : end + 2;
      wipe(i, j, true);
      i = j;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      wipe(i + 1, j, false);
      i = j + 1;
      prev = 'a';
    } else if (c === '`') {
      i = scanTemplate(i + 1);
      prev = 'a';
    } else if (c === '}' && braces.length && braces[braces.length - 1] === depth - 1) {
      braces.pop();
      depth--;
      i = scanTemplate(i + 1);
      prev = 'a';
    } else if (c === '/' && (prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev) || /\b(?:return|typeof|case|do|else|in|of|void|yield|await)$/.test(src.slice(Math.max(0, i - 8), i).trimEnd()))) {
      let j = i + 1;
      let inClass = false;
      while (j < n && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      wipe(i + 1, j, false);
      i = j + 1;
      prev = 'a';
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      if (!/\s/.test(c)) prev = /[\w$]/.test(c) ? 'a' : c;
      i++;
    }
  }
  return { code: code.join(''), bare: bare.join('') };
}

/** Module specifiers in comment-free code, with their offsets (`bare` tells what is inside a string). */
function importsOf(code, bare) {
  const patterns = [
    /(?<![.\w$])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s*)?(['"])([^'"\n]+)\1/g,
    /(?<![.\w$])(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1/g,
  ];
  const found = [];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) if (bare[m.index] === code[m.index]) found.push({ spec: m[2], at: m.index + m[0].lastIndexOf(m[2]) });
  }
  return found;
}

function lineAt(text, offset) {
  let line = 1;
  for (let k = 0; k < offset; k++) if (text[k] === '\n') line++;
  return line;
}

function* sourceFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(full);
    } else if (SOURCE_EXT.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

/** Checks one file; `rel` is its path relative to the root, with forward slashes. */
export function checkFile(rel, text) {
  const layer = layerOf(rel);
  const problems = [];
  const report = (severity, offset, message) => problems.push({ severity, file: rel, line: lineAt(text, offset), message });
  if (!layer) return problems;
  const { code, bare } = blank(text);

  for (const { spec, at } of importsOf(code, bare)) {
    const name = spec.replace(/^node:/, '').split('/')[0];
    if (spec === 'vscode' && layer !== 'extension') {
      report('error', at, `imports 'vscode'; only src/extension may`);
    } else if ((spec.startsWith('node:') || NODE_BUILTINS.has(name)) && (PORTABLE.has(layer) || layer === 'protocol' || layer === 'webview')) {
      report('error', at, `imports the Node built-in '${spec}'; src/${layer} must run unchanged in a browser`);
    } else if (spec.startsWith('.')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      const to = layerOf(target) ?? (target.startsWith('src/') || target === 'src' ? 'src' : null);
      if (!to || to === layer) {
        if (layer === 'sim' && to === 'sim') checkSimRank(rel, target, (msg) => report('warning', at, msg));
        continue;
      }
      const where = to === 'webview' ? 'webview/' : `src/${to}`;
      if (FORBIDDEN_IMPORTS[layer]?.includes(to) || (layer === 'trace' && to === 'src')) {
        report('error', at, `imports '${spec}' from ${where}; src/${layer} may not depend on it`);
      } else if (DISCOURAGED_IMPORTS[layer]?.includes(to)) {
        report('warning', at, `imports '${spec}' from ${where}; not in the design's layering table`);
      }
    }
  }

  const bans = [];
  if (PORTABLE.has(layer)) bans.push(...PORTABLE_BANS);
  if (layer === 'sim') bans.push(...SIM_BANS);
  if (layer === 'extension' || layer === 'server') bans.push([DOM_NODE_SIDE, 'touches the DOM; only webview/ may']);
  else if (layer !== 'webview') bans.push([DOM_ANY, 'touches the DOM; only webview/ may']);
  for (const [re, message] of bans) {
    for (const m of bare.matchAll(new RegExp(re.source, 'g'))) report('error', m.index, `${message} (${m[0].replace(/\s+/g, '')})`);
  }
  return problems;
}

function checkSimRank(from, to, warn) {
  const part = (p) => p.split('/')[2];
  const a = SIM_RANK[part(from)];
  const b = SIM_RANK[part(to)];
  if (a !== undefined && b !== undefined && b > a) {
    warn(`src/sim/${part(from)} imports from src/sim/${part(to)}, which is above it (syntax < compiler < vm < kernel < modules < explore)`);
  }
}

/** Checks a whole tree; returns all problems, sorted by file and line. */
export function checkTree(root) {
  const problems = [];
  for (const top of ['src', 'webview']) {
    for (const file of sourceFiles(path.join(root, top))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      problems.push(...checkFile(rel, fs.readFileSync(file, 'utf8')));
    }
  }
  return problems.sort((p, q) => p.file.localeCompare(q.file) || p.line - q.line);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkTree(root);
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.severity}: ${p.message}`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors) {
    console.error(`check-layers: ${errors} violation(s) of the architecture invariants (see ARCHITECTURE.md)`);
    process.exit(1);
  }
  console.log(`check-layers: ok${problems.length ? ` (${problems.length} warning(s))` : ''}`);
}
