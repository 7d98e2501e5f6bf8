/**
 * Headless-Chromium harness for the timeline webview: builds webview/main.ts exactly as
 * esbuild.js does (IIFE for the browser, CSS beside it), serves it under a fake origin with
 * the real HTML and strict CSP from src/protocol/html.ts, fakes acquireVsCodeApi, and lets
 * tests post host messages and read window.__threadlineDebug.
 *
 * Chromium: /usr/bin/chromium (Debian package `chromium`) or $CHROMIUM_PATH.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildTimelineHtml } from '../../src/protocol/html';
import type { ToWebview } from '../../src/protocol/messages';
import type { PackedModel } from '../../src/protocol/timeline/pack';
import type { DebugSnapshot } from '../../webview/app';

export const ORIGIN = 'http://threadline.test';
const ROOT = resolve(__dirname, '../..');

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Build the webview bundle into a fresh directory; returns it. */
export async function buildWebview(minify = false): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-webview-'));
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['webview/main.ts'],
    outfile: join(dir, 'webview.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify,
    sourcemap: false,
    logLevel: 'error',
  });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(join(ROOT, 'node_modules/@vscode/codicons/dist', f), join(dir, f));
  return dir;
}

/** A dark theme as VS Code sets it: CSS variables on <html>, class on <body>. */
const THEME_VARS: Record<string, string> = {
  '--vscode-editor-background': '#1f1f1f', '--vscode-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-sideBar-background': '#181818', '--vscode-panel-border': '#2b2b2b', '--vscode-list-hoverBackground': '#2a2d2e',
  '--vscode-editorIndentGuide-background': '#404040', '--vscode-focusBorder': '#0078d4', '--vscode-font-family': 'sans-serif',
  '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
  '--vscode-charts-green': '#89d185', '--vscode-charts-yellow': '#cca700', '--vscode-charts-orange': '#d18616',
  '--vscode-charts-blue': '#3794ff', '--vscode-charts-red': '#f14c4c', '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-foreground': '#cccccc', '--vscode-errorForeground': '#f85149', '--vscode-textLink-foreground': '#4daafc',
  '--vscode-inputValidation-errorBackground': '#5a1d1d', '--vscode-inputValidation-errorBorder': '#be1100',
  '--vscode-inputValidation-warningBackground': '#352a05', '--vscode-inputValidation-warningBorder': '#b89500',
  '--vscode-editorWarning-foreground': '#cca700', '--vscode-terminal-ansiCyan': '#11a8cd', '--vscode-terminal-ansiMagenta': '#bc3fbc',
  '--vscode-terminal-ansiBrightBlue': '#3b8eea', '--vscode-terminal-ansiBrightGreen': '#23d18b', '--vscode-disabledForeground': '#8c8c8c',
  '--vscode-editorCursor-foreground': '#aeafad', '--vscode-editorHoverWidget-background': '#252526',
  '--vscode-editorHoverWidget-border': '#454545', '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff',
};

export interface Harness {
  page: Page;
  context: BrowserContext;
  post(msg: ToWebview | Record<string, unknown>): Promise<void>;
  /** reset + one or more batches, then wait until a frame shows every event */
  load(file: string, events: unknown[], batchSize?: number): Promise<DebugSnapshot>;
  snapshot(): Promise<DebugSnapshot>;
  /** post a `snapshot` message (typed arrays rebuilt in the page, as postMessage delivers them) */
  postSnapshot(file: string, run: number, model: PackedModel): Promise<void>;
  posted(): Promise<unknown[]>;
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openHarness(opts: { width?: number; height?: number; minify?: boolean } = {}): Promise<Harness> {
  const exe = chromiumPath();
  if (!exe) throw new Error('chromium not found');
  const dir = await buildWebview(opts.minify);
  const profile = mkdtempSync(join(tmpdir(), 'threadline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: exe,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 640 },
  });
  const nonce = 'bm9uY2Utbm9uY2Utbm9uY2U';
  const html = buildTimelineHtml({
    cspSource: ORIGIN, nonce, styleNonce: 'c3R5bGUtc3R5bGUtc3R5bGU', scriptUri: `${ORIGIN}/webview.js`, styleUri: `${ORIGIN}/webview.css`, codiconUri: `${ORIGIN}/codicon.css`,
  });
  const types: Record<string, string> = { js: 'text/javascript', css: 'text/css', ttf: 'font/ttf', html: 'text/html' };
  await context.route(`${ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1) || 'index.html';
    if (name === 'index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    const file = join(dir, name);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: types[name.split('.').pop() ?? ''] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  await context.route(/^(?!http:\/\/threadline\.test\/).*/, (route) => route.abort());
  // a string, not a function: tsx would wrap a function with helpers the page lacks
  await context.addInitScript({ content: `
    // tsx (keepNames) wraps named functions in callbacks given to page.evaluate with __name
    window.__name = (f) => f;
    (() => {
      const vars = ${JSON.stringify(THEME_VARS)};
      window.__posted = [];
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
      });
      window.acquireVsCodeApi = () => {
        for (const k of Object.keys(vars)) document.documentElement.style.setProperty(k, vars[k]);
        document.body.classList.add('vscode-dark');
        return {
          postMessage: (m) => window.__posted.push(m),
          // kept in sessionStorage, so page.reload() restores it as VS Code does after a reload
          getState: () => JSON.parse(sessionStorage.getItem('threadline-state') || 'null') ?? undefined,
          setState: (s) => { sessionStorage.setItem('threadline-state', JSON.stringify(s)); },
        };
      };
    })();` });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => !!(window as unknown as { __threadlineDebug?: unknown }).__threadlineDebug, undefined, { timeout: 10_000 })
    .catch(() => { throw new Error(`webview did not start: ${errors.join('\n')}`); });

  const h: Harness = {
    page,
    context,
    post: (msg) => page.evaluate((m) => window.postMessage(m, '*'), msg as unknown as Record<string, unknown>),
    async load(file, events, batchSize = 50_000) {
      await h.post({ type: 'reset', file });
      for (let i = 0; i < events.length; i += batchSize) {
        await h.post({ type: 'traceBatch', events: events.slice(i, i + batchSize) as never, done: i + batchSize >= events.length });
      }
      await page.waitForFunction((n) => {
        const d = (window as unknown as { __threadlineDebug: { snapshot(): DebugSnapshot } }).__threadlineDebug.snapshot();
        return d.lastFrameEvents === n && d.events === n;
      }, events.length);
      return h.snapshot();
    },
    async postSnapshot(file, run, model) {
      const json = JSON.stringify(model, (_k, v: unknown) =>
        ArrayBuffer.isView(v) ? { $ta: v.constructor.name, data: Array.from(v as Float64Array, (x) => (x === Infinity ? 'inf' : x)) } : v);
      await page.evaluate(`(() => {
        const types = { Float64Array, Int32Array, Uint8Array };
        const model = JSON.parse(${JSON.stringify(json)}, (k, v) => v && typeof v === 'object' && v.$ta
          ? types[v.$ta].from(v.data, (x) => (x === 'inf' ? Infinity : x)) : v);
        window.postMessage({ type: 'snapshot', file: ${JSON.stringify(file)}, run: ${run}, model }, '*');
      })()`);
    },
    snapshot: () => page.evaluate(() => (window as unknown as { __threadlineDebug: { snapshot(): DebugSnapshot } }).__threadlineDebug.snapshot()),
    posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted),
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}
