// The language server's behaviour on a given connection: diagnostics (debounced), CodeLens
// and simulation sessions. server.ts creates the real connection; tests create one over
// in-memory streams and may pass a fake session factory.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CodeLensRefreshRequest, ResponseError, TextDocuments, TextDocumentSyncKind,
  type CodeLens, type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initParser, parse } from '../sim/syntax/parser';
import type { Module, ParseResult } from '../sim/syntax/ast';
import { compileModule } from '../sim/compiler/compile';
import { CompileError } from '../sim/compiler/errors';
import {
  SessionNotification, SessionRequest,
  type ContinueParams, type ExploreParams, type ExploreResult, type SendSignalParams, type SessionRef, type SessionState,
  type StartParams, type StepParams, type TraceBatchParams,
} from '../protocol/session';
import { runDiagnostics, staticDiagnostics, type CompileProblem } from './diagnostics';
import { buildLenses, findSites, type Sites } from './lenses';
import { SessionError, SessionManager, type SimInput, type SimSessionFactory } from './session';

export interface ServerOptions {
  /** the parser's wasm bytes (read lazily, once) */
  wasm: () => { runtime: Uint8Array; python: Uint8Array };
  /** creates simulation sessions; without one, session requests fail politely */
  sessions?: SimSessionFactory;
  /** diagnostics delay after a change (default 200 ms) */
  debounceMs?: number;
  /** trace batching interval (default 16 ms) */
  batchMs?: number;
}

interface Analysis {
  version: number;
  parsed: ParseResult;
  compile?: CompileProblem;
  /** sites of the last version that parsed (kept while the user is mid-edit) */
  sites: Sites | null;
}

const SERVER_INFO = { name: 'threadline-server', version: '0.1.0' };

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** Compiles a parsed module; returns the compiler's complaint, if any. */
export function compileProblem(mod: Module | null, file: string): CompileProblem | undefined {
  if (!mod) return undefined;
  try {
    compileModule(mod, file);
    return undefined;
  } catch (e) {
    if (e instanceof CompileError) return { kind: e.kind, message: e.message, loc: e.loc };
    return undefined; // a compiler bug is not the user's problem; the run will report it
  }
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, Analysis>();
  const runDiags = new Map<string, Diagnostic[]>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const debounceMs = options.debounceMs ?? 200;
  let lensRefresh = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let parserReady: Promise<void> | undefined;

  /** set by shutdown: nothing more is sent */
  let down = false;
  const send = (method: string, params: unknown): void => {
    if (!down) connection.sendNotification(method, params).catch(() => undefined);
  };

  /** Loads the parser once; a failure is reported and retried on the next use. */
  const ready = (): Promise<void> =>
    (parserReady ??= (async () => initParser(options.wasm()))().catch((e: unknown) => {
      parserReady = undefined;
      throw e;
    }));

  const sessions = new SessionManager(
    options.sessions ?? (() => {
      throw new SessionError('the simulator is not available in this build', 'internal');
    }),
    {
      trace: (sessionId, uri, events, done) => {
        const params: TraceBatchParams = { sessionId, uri, events, ...(done ? { done } : {}) };
        send(SessionNotification.trace, params);
      },
      state: (state) => {
        send(SessionNotification.state, state);
        onSessionState(state);
      },
    },
    options.batchMs,
  );

  function analyze(doc: TextDocument): Analysis {
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const file = uriToPath(doc.uri);
    const parsed = parse(doc.getText(), file);
    const compile = compileProblem(parsed.module, file);
    const sites = parsed.module ? findSites(parsed.module) : cached?.sites ?? null;
    const a: Analysis = { version: doc.version, parsed, compile, sites };
    analyses.set(doc.uri, a);
    return a;
  }

  function publish(uri: string): void {
    const doc = documents.get(uri);
    const a = doc ? analyses.get(uri) : undefined;
    const diagnostics = [...(a ? staticDiagnostics(a.parsed, a.compile) : []), ...(runDiags.get(uri) ?? [])];
    if (!down) connection.sendDiagnostics({ uri, version: doc?.version, diagnostics }).catch(() => undefined);
  }

  async function validate(uri: string): Promise<void> {
    await ready();
    const doc = documents.get(uri);
    if (!doc) return;
    analyze(doc);
    publish(uri);
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      validate(uri).catch((e) => connection.console.error(`threadline: diagnostics failed: ${String(e)}`));
    }, delay));
  }

  function refreshLenses(): void {
    if (!lensRefresh || refreshTimer || down) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      if (!down) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, 50);
  }

  function onSessionState(state: SessionState): void {
    if ((state.status === 'deadlocked' || state.status === 'hung') && state.waits) {
      const lines = sourceOf(state.uri).split(/\r?\n/);
      runDiags.set(state.uri, runDiagnostics(state.uri, lines, state.status === 'deadlocked' ? 'deadlock' : 'hang', state.waits));
      publish(state.uri);
    }
    refreshLenses();
  }

  function sourceOf(uri: string): string {
    const doc = documents.get(uri);
    if (doc) return doc.getText();
    try {
      return readFileSync(uriToPath(uri), 'utf8');
    } catch {
      throw new ResponseError(1, `cannot read ${uri}`);
    }
  }

  /** Parses and compiles `uri` for a run; refuses programs with errors. */
  async function inputFor(uri: string, opts: SimInput['options'] = {}): Promise<SimInput> {
    await ready();
    const source = sourceOf(uri);
    const file = uriToPath(uri);
    const parsed = parse(source, file);
    const first = parsed.errors[0];
    if (first) throw new ResponseError(2, `SyntaxError at line ${first.loc.line}: ${first.message}`);
    const unsupported = parsed.unsupported[0];
    if (unsupported) throw new ResponseError(4, `line ${unsupported.loc.line}: ${unsupported.feature} is not supported by the simulator`);
    const problem = compileProblem(parsed.module, file);
    if (problem) throw new ResponseError(problem.kind === 'syntax' ? 2 : 4, `line ${problem.loc.line}: ${problem.kind === 'syntax' ? 'SyntaxError: ' : ''}${problem.message}${problem.kind === 'unsupported' ? ' is not supported by the simulator' : ''}`);
    return { source, file, options: opts };
  }

  /** Runs a session call and turns SessionErrors into response errors. */
  function guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      if (e instanceof SessionError) throw new ResponseError(e.code === 'unknownSession' ? 3 : 1, e.message);
      throw new ResponseError(70, `internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, codeLensProvider: { resolveProvider: false } },
      serverInfo: SERVER_INFO,
    };
  });

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    if (runDiags.delete(e.document.uri)) publish(e.document.uri);
    if (analyses.has(e.document.uri)) schedule(e.document.uri, debounceMs);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    analyses.delete(e.document.uri);
    runDiags.delete(e.document.uri);
    if (!down) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }).catch(() => undefined);
  });

  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    await ready();
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = analyze(doc);
    return a.sites ? buildLenses(doc.uri, a.sites, sessions.forUri(doc.uri)) : [];
  });

  connection.onRequest(SessionRequest.start, async (p: StartParams) => {
    const input = await inputFor(p.uri, p.options ?? {});
    if (runDiags.delete(p.uri)) publish(p.uri);
    return guard(() => sessions.start(p.uri, input, p.paused ?? false));
  });
  connection.onRequest(SessionRequest.step, (p: StepParams) => guard(() => sessions.step(p.sessionId, p.tid, p.granularity ?? 'line', p.count)));
  connection.onRequest(SessionRequest.continue, (p: ContinueParams) => guard(() => sessions.continue(p.sessionId, p.strategy)));
  connection.onRequest(SessionRequest.pause, (p: SessionRef) => guard(() => sessions.pause(p.sessionId)));
  connection.onRequest(SessionRequest.sendSignal, (p: SendSignalParams) => guard(() => sessions.sendSignal(p.sessionId, p.signal, p.pid)));
  connection.onRequest(SessionRequest.state, (p: SessionRef) => guard(() => sessions.state(p.sessionId)));
  connection.onRequest(SessionRequest.stop, (p: SessionRef) => {
    guard(() => sessions.stop(p.sessionId));
    refreshLenses();
    return null;
  });
  connection.onRequest(SessionRequest.explore, async (p: ExploreParams): Promise<ExploreResult> => {
    const input = await inputFor(p.uri, p.options ?? {});
    const { snapshot, options: found, ...result } = await guard(() => sessions.explore(input, p.maxSchedules));
    if (result.found && result.waits && snapshot) {
      const lines = input.source.split(/\r?\n/);
      runDiags.set(p.uri, runDiagnostics(p.uri, lines, result.outcome === 'deadlock' ? 'deadlock' : 'hang', result.waits));
      publish(p.uri);
      // Replay the failing schedule in a session the editor can show.
      if (found) result.sessionId = guard(() => sessions.start(p.uri, { ...input, options: found }, false)).sessionId;
    }
    return result;
  });

  // Load the parser while the client and server shake hands: the first CodeLens needs it.
  ready().catch((e) => connection.console.error(`threadline: parser failed to load: ${String(e)}`));

  connection.onShutdown(() => {
    sessions.stopAll();
    down = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    clearTimeout(refreshTimer);
  });
  documents.listen(connection);
  connection.listen();
}
