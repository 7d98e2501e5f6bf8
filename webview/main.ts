/**
 * Webview entry (bundled by esbuild to dist/webview.js as an IIFE; the CSS it imports
 * becomes dist/webview.css). Talks to the extension through acquireVsCodeApi, validates
 * every incoming message and every trace event, and exposes window.__threadlineDebug.
 */
import './style.css';
import { isWebviewState, validateToWebview, type FromWebview, type WebviewState } from '../src/protocol/messages';
import { assertUnreachable } from '../src/trace/format';
import { TimelineApp } from './app';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

function start(): void {
  const api = acquireVsCodeApi();
  const saved = api.getState();
  const state = isWebviewState(saved) ? saved : undefined;
  const post = (m: FromWebview): void => api.postMessage(m);
  let current: WebviewState = state ?? {};
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  const app = new TimelineApp(root, post, (s) => {
    current = s;
    api.setState(s);
  }, state);

  window.addEventListener('message', (ev: MessageEvent) => {
    const m = validateToWebview(ev.data);
    if (typeof m === 'string') {
      app.reportError(`rejected message: ${m}`);
      return;
    }
    switch (m.type) {
      case 'reset': app.reset(m.file); break;
      case 'traceBatch': app.addBatch(m.events ?? m.jsonl ?? [], m.done); break;
      case 'playhead': app.setPlayhead(m.seq, m.t); break;
      case 'snapshot': app.snapshot(m); break;
      case 'detail': app.detail(m); break;
      default: assertUnreachable(m, 'message');
    }
  });

  const debug = {
    snapshot: () => app.debug(),
    benchView: (t0: number, nsPerPx: number) => app.benchView(t0, nsPerPx),
    xOf: (t: number) => app.xOf(t),
    frame: () => app.frame(),
  };
  (globalThis as unknown as { __threadlineDebug: typeof debug }).__threadlineDebug = debug;
  post({ type: 'ready', state: current });
}

start();
