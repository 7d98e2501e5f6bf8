// The Threadline language server. It will own diagnostics, CodeLens and simulation
// sessions; for now it starts, answers `initialize` and keeps open documents in sync.
// The transport (--stdio, --node-ipc, --socket=N) is chosen from the command line.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(
  (): InitializeResult => ({
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'threadline-server', version: '0.1.0' },
  }),
);

documents.listen(connection);
connection.listen();
