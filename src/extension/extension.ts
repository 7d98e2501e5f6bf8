// The VS Code extension: the only code that imports `vscode` (see ARCHITECTURE.md). It
// starts the language server (diagnostics, CodeLens, simulation sessions) over IPC and
// registers the Threadline commands, which the Controller implements.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { CommandArgs } from '../protocol/session';
import { Controller } from './controller';

/** Commands contributed in package.json (all in the "Threadline" category). */
export const COMMANDS = [
  'threadline.run',
  'threadline.step',
  'threadline.stepInstruction',
  'threadline.continue',
  'threadline.pause',
  'threadline.stop',
  'threadline.findDeadlocks',
  'threadline.sendSignal',
  'threadline.openTimeline',
  'threadline.exportChromeTrace',
  'threadline.showOutput',
] as const;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    diagnosticCollectionName: 'threadline',
  };
  client = new LanguageClient('threadline', 'Threadline', serverOptions, clientOptions);
  const controller = new Controller(client, context);
  context.subscriptions.push(controller);

  type Handler = (args?: CommandArgs) => unknown;
  const handlers: Record<(typeof COMMANDS)[number], Handler> = {
    'threadline.run': (a) => controller.run(a),
    'threadline.step': (a) => controller.step(a, 'line'),
    'threadline.stepInstruction': (a) => controller.step(a, 'instruction'),
    'threadline.continue': (a) => controller.continue(a),
    'threadline.pause': (a) => controller.pause(a),
    'threadline.stop': (a) => controller.stop(a),
    'threadline.findDeadlocks': (a) => controller.findDeadlocks(a),
    'threadline.sendSignal': (a) => controller.sendSignal(a),
    'threadline.openTimeline': (a) => controller.openTimeline(a),
    'threadline.exportChromeTrace': (a) => controller.exportChromeTrace(a),
    'threadline.showOutput': () => controller.showOutput(),
  };
  for (const id of COMMANDS) {
    const handler = handlers[id];
    // Editor title and explorer menus pass a Uri; lenses pass CommandArgs; the palette nothing.
    context.subscriptions.push(vscode.commands.registerCommand(id, (arg?: CommandArgs | vscode.Uri) => handler(arg as CommandArgs)));
  }

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
