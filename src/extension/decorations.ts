// Editor decorations of a session: each thread's current line highlighted in the thread's
// colour with its name at the end of the line, and where a thread is blocked, a note
// naming what it waits for and who holds it.
import * as vscode from 'vscode';
import type { SessionState } from '../protocol/session';
import { PALETTE_SIZE, colorSlot, lineNotes } from './format';

/** Theme colours VS Code defines for charts; every theme (light, dark, high contrast) sets them. */
const CHART_COLORS = ['charts.blue', 'charts.orange', 'charts.green', 'charts.purple', 'charts.red', 'charts.yellow', 'charts.foreground', 'charts.lines'];
/** Faint line backgrounds matching the chart colours (alpha keeps the text readable in every theme). */
const BACKGROUNDS = ['#3794ff22', '#d1863122', '#89d18522', '#b180d722', '#f1484822', '#cca70022', '#80808022', '#80808016'];

export class ThreadDecorations implements vscode.Disposable {
  private readonly lineTypes: vscode.TextEditorDecorationType[];
  private readonly blockedType: vscode.TextEditorDecorationType;
  private readonly states = new Map<string, SessionState>();
  /** thread creation order per file, for stable colours */
  private readonly order = new Map<string, string[]>();

  constructor() {
    this.lineTypes = Array.from({ length: PALETTE_SIZE }, (_, i) =>
      vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: BACKGROUNDS[i],
        borderStyle: 'solid',
        borderWidth: '0 0 0 3px',
        borderColor: new vscode.ThemeColor(CHART_COLORS[i]!),
        overviewRulerColor: new vscode.ThemeColor(CHART_COLORS[i]!),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        after: { margin: '0 0 0 2em', color: new vscode.ThemeColor(CHART_COLORS[i]!), fontStyle: 'italic' },
      }),
    );
    this.blockedType = vscode.window.createTextEditorDecorationType({
      after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorWarning.foreground'), fontWeight: 'bold' },
      overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    });
  }

  update(state: SessionState): void {
    const live = state.status === 'paused' || state.status === 'running' || state.status === 'deadlocked' || state.status === 'hung';
    if (!live) this.states.delete(state.uri);
    else this.states.set(state.uri, state);
    const order = this.order.get(state.uri) ?? [];
    for (const t of state.threads) if (!order.includes(t.tid)) order.push(t.tid);
    this.order.set(state.uri, order);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === state.uri) this.paint(editor);
  }

  /** Forgets the colour order of `uri` (a new run starts). */
  reset(uri: string): void {
    this.order.delete(uri);
    this.states.delete(uri);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri) this.paint(editor);
  }

  paint(editor: vscode.TextEditor): void {
    const state = this.states.get(editor.document.uri.toString());
    const perSlot: vscode.DecorationOptions[][] = this.lineTypes.map(() => []);
    const blocked: vscode.DecorationOptions[] = [];
    if (state) {
      const order = this.order.get(state.uri) ?? [];
      for (const note of lineNotes(state)) {
        if (note.line < 1 || note.line > editor.document.lineCount) continue;
        const range = editor.document.lineAt(note.line - 1).range;
        const first = note.threads[0]!;
        const isBlocked = note.threads.some((t) => t.state === 'blocked');
        const hover = new vscode.MarkdownString(note.threads.map((t) => `**${t.name}** (${t.tid}) — ${t.state}${t.waitsFor ? ` on \`${t.waitsFor.name ?? t.waitsFor.id}\`` : ''}`).join('  \n'));
        perSlot[colorSlot(first.tid, order)]!.push({
          range,
          hoverMessage: hover,
          renderOptions: isBlocked ? undefined : { after: { contentText: note.text } },
        });
        if (isBlocked) blocked.push({ range: new vscode.Range(range.end, range.end), renderOptions: { after: { contentText: note.text } } });
      }
    }
    this.lineTypes.forEach((type, i) => editor.setDecorations(type, perSlot[i]!));
    editor.setDecorations(this.blockedType, blocked);
  }

  repaintVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  dispose(): void {
    for (const t of this.lineTypes) t.dispose();
    this.blockedType.dispose();
  }
}
