// The VS Code extension: the only code that imports `vscode` (see ARCHITECTURE.md).
// For now it starts the language server and registers the contributed commands; the
// commands themselves arrive with later issues.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Commands contributed in package.json, with the titles shown until they are implemented. */
export const COMMANDS: Record<string, string> = {
  'threadline.run': 'Run in Simulator',
  'threadline.step': 'Step a Thread',
  'threadline.findDeadlocks': 'Find Deadlocks (Explore Schedules)',
  'threadline.sendSignal': 'Send Signal…',
  'threadline.openTimeline': 'Open Timeline',
  'threadline.exportChromeTrace': 'Export Chrome Trace…',
};

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  for (const [id, title] of Object.entries(COMMANDS)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, () =>
        vscode.window.showInformationMessage(`Threadline: "${title}" is not yet available.`),
      ),
    );
  }

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
  };
  client = new LanguageClient('threadline', 'Threadline', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
