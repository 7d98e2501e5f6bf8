// The timeline webview panels: one per file, opened beside the editor, fed with the
// session's trace batches, restored after a window reload (WebviewPanelSerializer). The
// HTML comes from src/protocol/html.ts (strict CSP, nonce); every message from the page
// is validated before use.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { buildTimelineHtml } from '../protocol/html';
import { validateFromWebview, isWebviewState, type ToWebview } from '../protocol/messages';
import { TimelineModel } from '../protocol/timeline/model';
import { packModel, type PackedModel } from '../protocol/timeline/pack';
import type { TraceEvent } from '../trace/format';
import { toChromeJson, toJsonl } from '../trace/index';

export const TIMELINE_VIEW_TYPE = 'threadline.timeline';
/** Events per message when replaying a small stored trace into a (re)opened panel. */
const CHUNK = 20_000;
/** From this many events on, a (re)opened panel gets the run as one packed snapshot of the
 * model (typed arrays, see protocol/timeline/pack.ts) instead of the events themselves:
 * opening a 1,000,000-event trace then takes well under a second instead of ten. */
export const SNAPSHOT_MIN_EVENTS = 20_000;

interface Entry {
  panel: vscode.WebviewPanel;
  ready: boolean;
  /** restored by the serializer after a window reload: the run is gone with the old
   * extension host, so it is simulated again (deterministic: the same trace) when the page
   * is ready */
  restored: boolean;
}

/** The latest run of each file: its events and the timeline model built from them as they
 * arrive (so a big run is ready to be packed when a panel opens). */
interface StoredRun {
  model: TimelineModel;
  run: number;
  /** the model packed, once a big run has ended (so opening its panel does not wait for it) */
  packed?: PackedModel;
}

class TraceStore {
  private readonly runs = new Map<string, StoredRun>();
  private nextRun = 1;

  reset(file: string): void {
    const model = new TimelineModel();
    model.file = file;
    this.runs.set(file, { model, run: this.nextRun++ });
  }

  add(file: string, events: readonly TraceEvent[], done: boolean): void {
    if (!this.runs.has(file)) this.reset(file);
    const stored = this.runs.get(file)!;
    stored.model.addEvents(events);
    stored.packed = undefined;
    if (done) {
      stored.model.done = true;
      if (stored.model.eventCount >= SNAPSHOT_MIN_EVENTS) {
        // pack in the background, so a panel opened later gets the snapshot at once
        setTimeout(() => { if (this.runs.get(file) === stored) this.packed(stored); }, 0);
      }
    }
  }

  get(file: string): StoredRun | undefined {
    return this.runs.get(file);
  }

  packed(stored: StoredRun): PackedModel {
    return (stored.packed ??= packModel(stored.model));
  }
}

export class Timelines implements vscode.Disposable {
  private readonly panels = new Map<string, Entry>();
  private readonly store = new TraceStore();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: (line: string) => void) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => {
          const file = isWebviewState(state) && state.file ? state.file : undefined;
          if (!file) {
            panel.dispose();
            return;
          }
          this.attach(file, panel, true);
        },
      }),
    );
  }

  private get roots(): vscode.Uri[] {
    return [vscode.Uri.joinPath(this.context.extensionUri, 'dist'), vscode.Uri.joinPath(this.context.extensionUri, 'media')];
  }

  /** Opens (or reveals) the timeline of `file` (a document URI string) beside the editor. */
  open(file: string, preserveFocus = true): void {
    const existing = this.panels.get(file);
    if (existing) {
      existing.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TIMELINE_VIEW_TYPE,
      this.title(file),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: this.roots },
    );
    this.attach(file, panel);
  }

  isOpen(file: string): boolean {
    return this.panels.has(file);
  }

  private title(file: string): string {
    return `Timeline: ${vscode.Uri.parse(file).path.split('/').pop() ?? file}`;
  }

  private attach(file: string, panel: vscode.WebviewPanel, restored = false): void {
    const entry: Entry = { panel, ready: false, restored };
    this.panels.set(file, entry);
    panel.title = this.title(file);
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
    panel.webview.options = { enableScripts: true, localResourceRoots: this.roots };
    const asUri = (...p: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...p)).toString();
    panel.webview.html = buildTimelineHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(18).toString('base64url'),
      styleNonce: randomBytes(18).toString('base64url'),
      scriptUri: asUri('dist', 'webview.js'),
      styleUri: asUri('dist', 'webview.css'),
      codiconUri: asUri('dist', 'codicon.css'),
      title: this.title(file),
    });
    panel.webview.onDidReceiveMessage((raw) => this.onMessage(file, entry, raw), undefined, this.disposables);
    panel.onDidDispose(() => {
      if (this.panels.get(file) === entry) this.panels.delete(file);
    }, undefined, this.disposables);
  }

  private post(entry: Entry, m: ToWebview): void {
    if (entry.ready) void entry.panel.webview.postMessage(m);
  }

  /** Sends the stored run of `file` from the beginning: big runs as one snapshot of the
   * model, small ones as events (the webview then holds every event's details). */
  private replay(file: string, entry: Entry): void {
    const stored = this.store.get(file);
    if (!stored) {
      this.post(entry, { type: 'reset', file, title: this.title(file) });
      return;
    }
    const { model, run } = stored;
    const events = model.events;
    if (events.length >= SNAPSHOT_MIN_EVENTS) {
      this.post(entry, { type: 'snapshot', file, title: this.title(file), run, model: this.store.packed(stored) });
      return;
    }
    this.post(entry, { type: 'reset', file, title: this.title(file) });
    for (let i = 0; i < events.length; i += CHUNK) {
      const last = i + CHUNK >= events.length;
      this.post(entry, { type: 'traceBatch', events: events.slice(i, i + CHUNK), ...(last && model.done ? { done: true } : {}) });
    }
    if (events.length === 0 && model.done) this.post(entry, { type: 'traceBatch', events: [], done: true });
  }

  private async onMessage(file: string, entry: Entry, raw: unknown): Promise<void> {
    const m = validateFromWebview(raw);
    if (typeof m === 'string') {
      this.log(`timeline: rejected a message from the webview: ${m}`);
      return;
    }
    switch (m.type) {
      case 'ready':
        entry.ready = true;
        this.replay(file, entry);
        if (entry.restored) {
          entry.restored = false;
          if (!this.store.get(file)) await this.rerun(file);
        }
        break;
      case 'revealSource':
        await this.reveal(m.file || file, m.line, file);
        break;
      case 'export':
        await this.exportTrace(file, m.format);
        break;
      case 'exportImage':
        await this.exportImage(file, m.format, m.data);
        break;
      case 'seek':
        break; // stepping back in time is not offered by sessions yet
      case 'detail': {
        const stored = this.store.get(file);
        const event = stored?.run === m.run ? stored.model.event(m.ev) : undefined;
        if (event) this.post(entry, { type: 'detail', run: m.run, ev: m.ev, event });
        break;
      }
      case 'error':
        this.log(`timeline: ${m.message}`);
        break;
    }
  }

  /** Runs `file` again (after a window reload), if it still exists. */
  private async rerun(file: string): Promise<void> {
    const uri = vscode.Uri.parse(file);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      this.log(`timeline: ${uri.fsPath} no longer exists; its restored timeline stays empty`);
      return;
    }
    this.log(`timeline: restored after a reload; running ${uri.fsPath} again`);
    await vscode.commands.executeCommand('threadline.run', uri);
  }

  /** Opens `target` (a path or URI; the run's own file when it names it) at `line`. */
  async reveal(target: string, line: number, runFile: string): Promise<void> {
    const runUri = vscode.Uri.parse(runFile);
    const uri = target === runFile || target === runUri.fsPath || !target ? runUri : target.includes(':') && !/^[a-zA-Z]:[\\/]/.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target);
    const doc = await vscode.workspace.openTextDocument(uri);
    const pos = new vscode.Position(Math.max(0, Math.min(line - 1, doc.lineCount - 1)), 0);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(pos, doc.lineAt(pos.line).range.end),
      preserveFocus: false,
    });
  }

  // ───────────── feeding ─────────────

  resetRun(file: string): void {
    this.store.reset(file);
    const entry = this.panels.get(file);
    if (entry) this.post(entry, { type: 'reset', file, title: this.title(file) });
  }

  addEvents(file: string, events: TraceEvent[], done: boolean): void {
    this.store.add(file, events, done);
    const entry = this.panels.get(file);
    if (!entry) return;
    // a huge batch (a whole run at once) is cheaper to send as a snapshot of the whole model
    if (events.length >= SNAPSHOT_MIN_EVENTS) this.replay(file, entry);
    else this.post(entry, { type: 'traceBatch', events, ...(done ? { done } : {}) });
  }

  playhead(file: string, seq: number | null): void {
    const entry = this.panels.get(file);
    const t = seq === null ? undefined : this.store.get(file)?.model.timeOfSeq(seq);
    if (entry) this.post(entry, { type: 'playhead', seq, ...(t !== undefined ? { t } : {}) });
  }

  events(file: string): TraceEvent[] | undefined {
    return this.store.get(file)?.model.events;
  }

  // ───────────── exports ─────────────

  async exportTrace(file: string, format: 'chrome' | 'jsonl'): Promise<void> {
    const events = this.events(file);
    if (!events || events.length === 0) {
      void vscode.window.showWarningMessage('Threadline: nothing to export yet; run the program first.');
      return;
    }
    const base = vscode.Uri.parse(file);
    const target = await vscode.window.showSaveDialog({
      defaultUri: base.with({ path: base.path.replace(/\.py$/, '') + (format === 'chrome' ? '.trace.json' : '.trace.jsonl') }),
      filters: format === 'chrome' ? { 'Chrome trace': ['json'] } : { 'JSON lines': ['jsonl'] },
    });
    if (!target) return;
    const text = format === 'chrome' ? toChromeJson(events) : toJsonl(events);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(`Threadline: trace written to ${target.fsPath}`);
  }

  private async exportImage(file: string, format: 'png' | 'svg', dataUrl: string): Promise<void> {
    const m = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(dataUrl);
    if (!m) return;
    const bytes = m[2] ? Buffer.from(m[3]!, 'base64') : Buffer.from(decodeURIComponent(m[3]!), 'utf8');
    const base = vscode.Uri.parse(file);
    const target = await vscode.window.showSaveDialog({
      defaultUri: base.with({ path: base.path.replace(/\.py$/, '') + `.timeline.${format}` }),
      filters: { [format.toUpperCase()]: [format] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
  }

  dispose(): void {
    for (const e of this.panels.values()) e.panel.dispose();
    this.panels.clear();
    for (const d of this.disposables) d.dispose();
  }
}
