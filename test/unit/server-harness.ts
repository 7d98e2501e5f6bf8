// Test support for the language server: runs it in-process over in-memory streams and
// talks LSP to it (no VS Code), and a scripted SimSession standing in for the kernel.
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { startServer, type ServerOptions } from '../../src/server/lsp';
import { readParserWasm } from '../../src/server/wasm';
import type { SimInput, SimSession, SimSessionFactory, SimSnapshot } from '../../src/server/session';
import type { Granularity, Strategy, ThreadInfo } from '../../src/protocol/session';
import { TraceBuilder, type TraceEvent, type WaitEdge } from '../../src/trace/index';

export interface Client {
  conn: MessageConnection;
  request<T = any>(method: string, params?: unknown): Promise<T>;
  notify(method: string, params?: unknown): void;
  /** resolves with the first notification of `method` (already received or future) satisfying `pred` */
  waitFor<T = any>(method: string, pred?: (p: T) => boolean, timeoutMs?: number): Promise<T>;
  received: { method: string; params: any }[];
  open(uri: string, text: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  /** shuts the server down (LSP shutdown) and closes the streams */
  close(): Promise<void>;
}

export async function startClient(options: Partial<ServerOptions> = {}, capabilities: object = {}): Promise<Client> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConn = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConn, { wasm: () => readParserWasm(), debounceMs: 20, ...options });
  const conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const received: { method: string; params: any }[] = [];
  const waiters: { method: string; pred: (p: any) => boolean; resolve: (p: any) => void }[] = [];
  const receive = (method: string, params: any): void => {
    received.push({ method, params });
    for (const w of [...waiters]) {
      if (w.method === method && w.pred(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  };
  conn.onNotification(receive);
  conn.onRequest('workspace/codeLens/refresh', () => {
    receive('workspace/codeLens/refresh', null);
    return null;
  });
  conn.listen();
  await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities });
  conn.sendNotification('initialized', {});
  const client: Client = {
    conn,
    received,
    request: (method, params) => conn.sendRequest(method, params),
    notify: (method, params) => void conn.sendNotification(method, params),
    waitFor: (method, pred = () => true, timeoutMs = 5000) => {
      const seen = received.find((r) => r.method === method && pred(r.params));
      if (seen) return Promise.resolve(seen.params);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), timeoutMs);
        waiters.push({ method, pred, resolve: (p) => { clearTimeout(t); resolve(p); } });
      });
    },
    open: (uri, text, version = 1) => client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } }),
    change: (uri, text, version) => client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    close: async () => {
      await conn.sendRequest('shutdown');
      conn.dispose();
      toServer.end();
      toClient.end();
    },
  };
  return client;
}

// ───────────── a scripted SimSession ─────────────

/** A thread of the fake machine: the lines it goes through; it may end blocked on an object. */
export interface FakeThread {
  tid: string;
  name: string;
  lines: number[];
  target?: string;
  createdAt?: number;
  blockOn?: { id: string; name: string; holder: string; line: number };
}

/**
 * A deterministic stand-in for the kernel: each thread walks its `lines`, one line per
 * step; run() round-robins. A thread whose lines are done is blocked (when it has blockOn)
 * or exited; when nothing can move and someone is blocked, the run ends in a deadlock.
 */
export class FakeSim implements SimSession {
  private readonly b = new TraceBuilder();
  private taken = 0;
  private steps = 0;
  private t = 0;
  private readonly pos = new Map<string, number>();
  private ended: SimSnapshot['ended'];
  readonly signals: { signal: string; pid?: number }[] = [];

  constructor(readonly threads: FakeThread[], readonly input?: SimInput) {
    this.b.emit({ kind: 'run.start', t: 0, version: 1, file: input?.file ?? 'fake.py' });
    this.b.emit({ kind: 'process.start', t: 0, pid: 1, ppid: 0, name: 'python' });
    for (const th of threads) {
      this.pos.set(th.tid, 0);
      this.b.emit({ kind: 'thread.start', t: 0, pid: 1, tid: th.tid, name: th.name, daemon: false, main: th.tid === '1:1' });
    }
  }

  private movable(tid: string): boolean {
    const th = this.threads.find((x) => x.tid === tid)!;
    return this.pos.get(tid)! < th.lines.length - 1;
  }

  step(tid: string | undefined, _g: Granularity): void {
    const id = tid ?? this.threads.find((th) => this.movable(th.tid))?.tid;
    if (!id) return this.finish();
    if (!this.movable(id)) return;
    this.pos.set(id, this.pos.get(id)! + 1);
    this.steps++;
    this.t += 100;
    const th = this.threads.find((x) => x.tid === id)!;
    this.b.emit({ kind: 'thread.state', t: this.t, pid: 1, tid: id, state: 'running', loc: { file: 'fake.py', line: th.lines[this.pos.get(id)!]! } });
    if (!this.threads.some((x) => this.movable(x.tid))) this.finish();
  }

  run(budget: number, _s: Strategy): boolean {
    for (let i = 0; i < budget && !this.ended; i++) {
      const next = this.threads.find((th) => this.movable(th.tid));
      if (!next) this.finish();
      else this.step(next.tid, 'line');
    }
    return this.ended !== undefined;
  }

  private finish(): void {
    if (this.ended) return;
    const blocked = this.threads.filter((th) => th.blockOn);
    if (blocked.length > 0) {
      const cycle: WaitEdge[] = blocked.map((th) => ({
        pid: 1, thread: th.tid, threadName: th.name,
        waitsFor: { kind: 'lock', id: th.blockOn!.id, name: th.blockOn!.name, line: th.blockOn!.line, holder: th.blockOn!.holder },
        loc: { file: 'fake.py', line: th.lines[th.lines.length - 1]! },
      }));
      this.b.emit({ kind: 'deadlock', t: this.t, cycle });
      this.b.emit({ kind: 'run.end', t: this.t, outcome: 'deadlock', exitCode: 3 });
      this.ended = { outcome: 'deadlock', exitCode: 3, waits: cycle };
    } else {
      this.b.emit({ kind: 'run.end', t: this.t, outcome: 'exit', exitCode: 0 });
      this.ended = { outcome: 'exit', exitCode: 0 };
    }
  }

  sendSignal(signal: string, pid?: number): void {
    this.signals.push({ signal, pid });
    this.b.emit({ kind: 'signal.send', t: this.t, pid: 0, signum: 2, sig: signal, target: pid ?? 1, source: pid === undefined ? 'keyboard' : 'user' });
    this.b.emit({ kind: 'signal.pend', t: this.t, pid: pid ?? 1, signum: 2, sig: signal });
  }

  snapshot(): SimSnapshot {
    const threads: ThreadInfo[] = this.threads.map((th) => {
      const i = this.pos.get(th.tid)!;
      const done = i >= th.lines.length - 1 && this.ended !== undefined;
      const info: ThreadInfo = {
        tid: th.tid, pid: 1, name: th.name, main: th.tid === '1:1', line: th.lines[i],
        state: done ? (th.blockOn ? 'blocked' : 'exited') : 'ready',
      };
      if (th.target) info.target = th.target;
      if (th.createdAt) info.createdAt = th.createdAt;
      if (done && th.blockOn) info.waitsFor = { kind: 'lock', id: th.blockOn.id, name: th.blockOn.name, holder: th.blockOn.holder };
      return info;
    });
    return { steps: this.steps, virtualTimeNs: this.t, processes: [{ pid: 1, ppid: 0, name: 'python', state: 'R' }], threads, ended: this.ended };
  }

  takeEvents(): TraceEvent[] {
    const out = this.b.events.slice(this.taken);
    this.taken = this.b.events.length;
    return out;
  }

  schedule(): string {
    return `fake*${this.steps}`;
  }
}

export function fakeFactory(make: (input: SimInput) => FakeSim, created: FakeSim[] = []): SimSessionFactory {
  return (input) => {
    const sim = make(input);
    created.push(sim);
    return sim;
  };
}
