// Drives simulation sessions from the editor: the commands behind the palette and the
// CodeLenses, the status bar item, the program output channel, thread decorations and the
// timeline panels, all fed by the language server's session notifications.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  SessionNotification, SessionRequest,
  type CommandArgs, type ExploreResult, type Granularity, type SessionState, type TraceBatchParams,
} from '../protocol/session';
import { exploreSchedules, openTimelineOnRun, sessionOptions } from './config';
import { ThreadDecorations } from './decorations';
import { OutputLabeller, SIGNALS, statusText, statusTooltip } from './format';
import { Timelines } from './timeline';

const OVER = new Set(['exited', 'deadlocked', 'hung', 'error', 'stopped']);

export class Controller implements vscode.Disposable {
  /** latest state of each file's session (by document URI string) */
  private readonly states = new Map<string, SessionState>();
  private readonly labellers = new Map<string, OutputLabeller>();
  /** sessions replaced by a newer one on the same file: their late messages are ignored */
  private readonly retired = new Set<string>();
  private readonly status: vscode.StatusBarItem;
  private readonly output: vscode.OutputChannel;
  private readonly decorations = new ThreadDecorations();
  readonly timelines: Timelines;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Threadline');
    this.status = vscode.window.createStatusBarItem('threadline.status', vscode.StatusBarAlignment.Left, 50);
    this.status.name = 'Threadline session';
    this.status.command = 'threadline.openTimeline';
    this.timelines = new Timelines(context, (line) => this.output.appendLine(line));
    this.disposables.push(
      this.output, this.status, this.decorations, this.timelines,
      client.onNotification(SessionNotification.trace, (p: TraceBatchParams) => this.onTrace(p)),
      client.onNotification(SessionNotification.state, (s: SessionState) => this.onState(s)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorations.repaintVisible()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshStatus()),
    );
  }

  // ───────────── notifications ─────────────

  private onTrace(p: TraceBatchParams): void {
    if (this.retired.has(p.sessionId)) return;
    this.timelines.addEvents(p.uri, p.events, p.done === true);
    let labeller = this.labellers.get(p.sessionId);
    if (!labeller) this.labellers.set(p.sessionId, (labeller = new OutputLabeller()));
    for (const line of labeller.feed(p.events)) this.output.appendLine(line);
    if (p.done) this.labellers.delete(p.sessionId);
  }

  private onState(s: SessionState): void {
    if (this.retired.has(s.sessionId)) return;
    const current = this.states.get(s.uri);
    const was = current?.sessionId === s.sessionId ? current.status : undefined;
    this.states.set(s.uri, s);
    this.decorations.update(s);
    this.refreshStatus();
    if (s.status === 'paused' || OVER.has(s.status)) this.timelines.playhead(s.uri, s.lastSeq >= 0 ? s.lastSeq : null);
    if (was !== s.status && OVER.has(s.status) && s.status !== 'stopped') {
      this.output.appendLine(`── ${s.message ?? s.status} (step ${s.steps})`);
      if (s.status === 'deadlocked' || s.status === 'hung') {
        void vscode.window.showWarningMessage(`Threadline: ${s.message ?? s.status}`, 'Show Timeline').then((pick) => {
          if (pick) this.timelines.open(s.uri, false);
        });
      }
    }
  }

  private refreshStatus(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = (uri && this.states.get(uri)) || [...this.states.values()].find((x) => !OVER.has(x.status));
    if (!s || s.status === 'stopped') {
      this.status.hide();
      return;
    }
    this.status.text = statusText(s);
    this.status.tooltip = statusTooltip(s);
    this.status.backgroundColor = s.status === 'deadlocked' || s.status === 'error'
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : s.status === 'hung' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.status.show();
  }

  // ───────────── helpers ─────────────

  /** The document a command acts on: its argument, else the active Python editor. */
  private target(args?: CommandArgs | vscode.Uri): string | undefined {
    if (args instanceof vscode.Uri) return args.toString();
    if (args && typeof args.uri === 'string') return args.uri;
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === 'python') return doc.uri.toString();
    void vscode.window.showWarningMessage('Threadline: open a Python file first.');
    return undefined;
  }

  private live(uri: string): SessionState | undefined {
    const s = this.states.get(uri);
    return s && (s.status === 'paused' || s.status === 'running') ? s : undefined;
  }

  /** Forgets the current session of `uri` (a new one replaces it). */
  private retire(uri: string): void {
    const old = this.states.get(uri);
    if (old) {
      this.retired.add(old.sessionId);
      this.labellers.delete(old.sessionId);
      this.states.delete(uri);
    }
  }

  private async request<T>(method: string, params: unknown): Promise<T | undefined> {
    try {
      return await this.client.sendRequest<T>(method, params);
    } catch (e) {
      void vscode.window.showErrorMessage(`Threadline: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private async start(uri: string, paused: boolean): Promise<SessionState | undefined> {
    this.retire(uri);
    const options = sessionOptions(vscode.Uri.parse(uri));
    this.timelines.resetRun(uri);
    this.decorations.reset(uri);
    this.output.clear();
    const name = vscode.Uri.parse(uri).path.split('/').pop();
    this.output.appendLine(`▶ ${name} — ${paused ? 'stepping' : 'running'} (strategy ${options.strategy ?? 'cpython'}, seed ${options.seed ?? 0}, ${options.cores ?? 1} core(s))`);
    const state = await this.request<SessionState>(SessionRequest.start, { uri, options, paused });
    if (!state) return undefined;
    this.onState(state);
    if (openTimelineOnRun(vscode.Uri.parse(uri))) this.timelines.open(uri);
    return state;
  }

  // ───────────── commands ─────────────

  async run(args?: CommandArgs | vscode.Uri): Promise<void> {
    const uri = this.target(args);
    if (uri) await this.start(uri, false);
  }

  async step(args?: CommandArgs | vscode.Uri, granularity: Granularity = 'line'): Promise<void> {
    const uri = this.target(args);
    if (!uri) return;
    let s = this.live(uri);
    if (!s || (args && !(args instanceof vscode.Uri) && args.sessionId && args.sessionId !== s.sessionId)) {
      await this.start(uri, true); // the first Step starts a session paused before the first instruction
      return;
    }
    let tid = args && !(args instanceof vscode.Uri) ? args.tid : undefined;
    if (!tid && !args) {
      // From the palette: choose the thread.
      const movable = s.threads.filter((t) => t.state !== 'exited');
      const pick = await vscode.window.showQuickPick(
        [{ label: '$(debug-step-over) Scheduler\'s choice', tid: undefined as string | undefined },
          ...movable.map((t) => ({ label: t.name, description: `${t.tid} · ${t.state}${t.line ? ` · line ${t.line}` : ''}`, tid: t.tid as string | undefined }))],
        { placeHolder: 'Step which thread?' },
      );
      if (!pick) return;
      tid = pick.tid;
    }
    s = await this.request<SessionState>(SessionRequest.step, { sessionId: s.sessionId, tid, granularity });
    if (s) this.onState(s);
  }

  async continue(args?: CommandArgs): Promise<void> {
    const uri = this.target(args);
    if (!uri) return;
    const s = this.live(uri);
    if (!s) return void (await this.start(uri, false));
    const state = await this.request<SessionState>(SessionRequest.continue, { sessionId: s.sessionId, strategy: sessionOptions(vscode.Uri.parse(uri)).strategy });
    if (state) this.onState(state);
  }

  async pause(args?: CommandArgs): Promise<void> {
    const uri = this.target(args);
    const s = uri && this.live(uri);
    if (!s) return;
    const state = await this.request<SessionState>(SessionRequest.pause, { sessionId: s.sessionId });
    if (state) this.onState(state);
  }

  async stop(args?: CommandArgs): Promise<void> {
    const uri = this.target(args);
    const s = uri && this.states.get(uri);
    if (!s) return;
    await this.request(SessionRequest.stop, { sessionId: s.sessionId });
  }

  async sendSignal(args?: CommandArgs): Promise<void> {
    const uri = this.target(args);
    if (!uri) return;
    let signal = args?.signal;
    if (!signal) {
      signal = await vscode.window.showQuickPick(SIGNALS, { placeHolder: 'Send which signal?' });
      if (!signal) return;
    }
    let s = this.live(uri) ?? (await this.start(uri, true));
    if (!s || OVER.has(s.status)) return;
    let pid = args?.pid;
    const alive = s.processes.filter((p) => p.state !== 'Z' && p.exitStatus === undefined);
    if (pid === undefined && !args?.signal && alive.length > 1) {
      const pick = await vscode.window.showQuickPick(
        [{ label: 'Foreground process group', description: 'like a key press in the terminal', pid: undefined as number | undefined },
          ...alive.map((p) => ({ label: `pid ${p.pid}`, description: `${p.name} · ${p.state}`, pid: p.pid as number | undefined }))],
        { placeHolder: `Send ${signal} to…` },
      );
      if (!pick) return;
      pid = pick.pid;
    }
    s = await this.request<SessionState>(SessionRequest.sendSignal, { sessionId: s.sessionId, signal, pid });
    if (s) this.onState(s);
  }

  async findDeadlocks(args?: CommandArgs | vscode.Uri): Promise<void> {
    const uri = this.target(args);
    if (!uri) return;
    const scope = vscode.Uri.parse(uri);
    // A failing schedule is replayed in a new session whose first events may arrive
    // before the answer: make room for it now.
    this.retire(uri);
    this.timelines.resetRun(uri);
    this.decorations.reset(uri);
    this.output.clear();
    this.output.appendLine('▶ searching schedules for a deadlock or hang…');
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Threadline: searching schedules for a deadlock…' },
      () => this.request<ExploreResult>(SessionRequest.explore, { uri, options: sessionOptions(scope), maxSchedules: exploreSchedules(scope) }),
    );
    if (!result) return;
    if (!result.found) {
      void vscode.window.showInformationMessage(`Threadline: ${result.message}.`);
      return;
    }
    if (result.sessionId) {
      this.output.appendLine(`▶ replaying the failing schedule${result.schedule ? ` ${result.schedule}` : ''}`);
      this.timelines.open(uri);
    }
    const copy = result.schedule ? 'Copy Schedule' : undefined;
    const pick = await vscode.window.showWarningMessage(`Threadline: ${result.message}`, ...(copy ? [copy] : []));
    if (pick === copy && result.schedule) await vscode.env.clipboard.writeText(result.schedule);
  }

  openTimeline(args?: CommandArgs | vscode.Uri): void {
    const uri = this.target(args);
    if (uri) this.timelines.open(uri, false);
  }

  async exportChromeTrace(args?: CommandArgs | vscode.Uri): Promise<void> {
    const uri = this.target(args);
    if (uri) await this.timelines.exportTrace(uri, 'chrome');
  }

  showOutput(): void {
    this.output.show(true);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
