// Reads the `threadline` settings (contributes.configuration in package.json).
import * as vscode from 'vscode';
import type { SessionOptions } from '../protocol/session';
import { optionsFromSettings } from './format';

export const SECTION = 'threadline';

export function sessionOptions(scope?: vscode.Uri): SessionOptions {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return optionsFromSettings({
    strategy: c.get('strategy'),
    seed: c.get('seed'),
    cores: c.get('cores'),
    switchIntervalMs: c.get('switchIntervalMs'),
    switchMode: c.get('switchMode'),
    maxSteps: c.get('maxSteps'),
  });
}

export function exploreSchedules(scope?: vscode.Uri): number {
  const n = vscode.workspace.getConfiguration(SECTION, scope).get<number>('exploreSchedules');
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 50;
}

export function openTimelineOnRun(scope?: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(SECTION, scope).get<boolean>('openTimelineOnRun') ?? true;
}
