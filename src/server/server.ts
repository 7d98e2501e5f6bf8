// The Threadline language server process (bundle dist/server.js): diagnostics, CodeLens
// and simulation sessions (lsp.ts). The transport (--node-ipc from the extension, --stdio,
// --socket=N) is chosen from the command line by vscode-languageserver.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp';
import { readParserWasm } from './wasm';
import { simFactory } from './kernel-session';
import { buildMachine } from './build-machine';

startServer(createConnection(ProposedFeatures.all), { wasm: () => readParserWasm(), sessions: simFactory(buildMachine) });
