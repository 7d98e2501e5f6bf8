/**
 * Colours for the canvas, read from VS Code's `--vscode-*` CSS variables (so light, dark
 * and high-contrast themes work). Fallbacks only apply outside VS Code (tests, benches).
 */
import { GIL_COLOURS, St } from '../src/protocol/timeline/styles';

export interface Theme {
  bg: string;
  fg: string;
  muted: string;
  grid: string;
  gutter: string;
  rowAlt: string;
  border: string;
  highlightBg: string;
  highlightFg: string;
  running: string;
  ready: string;
  blockedSync: string;
  blockedSleep: string;
  blockedIo: string;
  procR: string;
  procS: string;
  procT: string;
  procZ: string;
  handler: string;
  pending: string;
  gil: string[];
  signal: string;
  fork: string;
  ipc: string;
  forced: string;
  voluntary: string;
  out: string;
  err: string;
  lost: string;
  playhead: string;
  focus: string;
  font: string;
  fontBold: string;
  highContrast: boolean;
}

const FALLBACK: Record<string, string> = {
  '--vscode-editor-background': '#1e1e1e',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editorIndentGuide-background': '#404040',
  '--vscode-sideBar-background': '#181818',
  '--vscode-list-hoverBackground': '#2a2d2e',
  '--vscode-panel-border': '#3c3c3c',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-errorForeground': '#f48771',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-foreground': '#cccccc',
  '--vscode-charts-lines': '#cccccc80',
  '--vscode-terminal-ansiCyan': '#11a8cd',
  '--vscode-terminal-ansiMagenta': '#bc3fbc',
  '--vscode-terminal-ansiBrightBlue': '#3b8eea',
  '--vscode-terminal-ansiBrightGreen': '#23d18b',
  '--vscode-terminal-ansiBrightYellow': '#f5f543',
  '--vscode-editorCursor-foreground': '#aeafad',
  '--vscode-focusBorder': '#007fd4',
  '--vscode-disabledForeground': '#8c8c8c',
  '--vscode-font-family': 'system-ui, sans-serif',
  '--vscode-editor-font-family': 'monospace',
};

/** Reads the theme; `get` is injectable for tests. */
export function readTheme(get: (name: string) => string = cssVar): Theme {
  const v = (name: string): string => get(name).trim() || FALLBACK[name] || '#888888';
  const family = v('--vscode-font-family');
  const gil = [
    v('--vscode-charts-blue'), v('--vscode-charts-green'), v('--vscode-charts-purple'), v('--vscode-charts-orange'),
    v('--vscode-terminal-ansiCyan'), v('--vscode-charts-yellow'), v('--vscode-terminal-ansiMagenta'), v('--vscode-terminal-ansiBrightGreen'),
  ];
  return {
    bg: v('--vscode-editor-background'),
    fg: v('--vscode-foreground'),
    muted: v('--vscode-descriptionForeground'),
    grid: v('--vscode-editorIndentGuide-background'),
    gutter: v('--vscode-sideBar-background'),
    rowAlt: v('--vscode-list-hoverBackground'),
    border: v('--vscode-panel-border'),
    highlightBg: v('--vscode-inputValidation-errorBackground'),
    highlightFg: v('--vscode-errorForeground'),
    running: v('--vscode-charts-green'),
    ready: v('--vscode-charts-yellow'),
    blockedSync: v('--vscode-charts-red'),
    blockedSleep: v('--vscode-charts-blue'),
    blockedIo: v('--vscode-charts-orange'),
    procR: v('--vscode-charts-green'),
    procS: v('--vscode-charts-blue'),
    procT: v('--vscode-charts-yellow'),
    procZ: v('--vscode-disabledForeground'),
    handler: v('--vscode-charts-purple'),
    pending: v('--vscode-terminal-ansiMagenta'),
    gil: gil.slice(0, GIL_COLOURS),
    signal: v('--vscode-charts-purple'),
    fork: v('--vscode-charts-foreground'),
    ipc: v('--vscode-terminal-ansiCyan'),
    forced: v('--vscode-charts-red'),
    voluntary: v('--vscode-charts-blue'),
    out: v('--vscode-terminal-ansiBrightBlue'),
    err: v('--vscode-errorForeground'),
    lost: v('--vscode-charts-red'),
    playhead: v('--vscode-editorCursor-foreground'),
    focus: v('--vscode-focusBorder'),
    font: `11px ${family}`,
    fontBold: `600 11px ${family}`,
    highContrast: typeof document !== 'undefined' && document.body.classList.contains('vscode-high-contrast'),
  };
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name);
}

export function styleColour(th: Theme, style: number): string {
  if (style >= St.gil0) return th.gil[(style - St.gil0) % th.gil.length];
  switch (style) {
    case St.running: return th.running;
    case St.ready: return th.ready;
    case St.blockedSync: return th.blockedSync;
    case St.blockedSleep: return th.blockedSleep;
    case St.blockedIo: return th.blockedIo;
    case St.procR: return th.procR;
    case St.procS: return th.procS;
    case St.procT: return th.procT;
    case St.procZ: return th.procZ;
    case St.handler: return th.handler;
    case St.pending: return th.pending;
    default: return th.muted;
  }
}
