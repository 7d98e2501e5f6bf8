// The language server starts over stdio, answers `initialize`, and exits on `shutdown`/`exit`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';

const server = path.resolve(import.meta.dirname, '../../src/server/server.ts');

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

test('language server answers initialize and shuts down cleanly', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let buffer = '';
  const waiters = new Map<number, (r: any) => void>();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (;;) {
      const m = /^Content-Length: (\d+)\r\n(?:[^\r\n]*\r\n)*\r\n/.exec(buffer);
      if (!m || buffer.length < m[0].length + Number(m[1])) return;
      const body = buffer.slice(m[0].length, m[0].length + Number(m[1])); // the messages are ASCII
      buffer = buffer.slice(m[0].length + body.length);
      const msg = JSON.parse(body);
      if (msg.id !== undefined) waiters.get(msg.id)?.(msg);
    }
  });
  const request = (id: number, method: string, params: object | null) =>
    new Promise<any>((resolve) => {
      waiters.set(id, resolve);
      child.stdin.write(frame({ id, method, params }));
    });

  const init = await request(1, 'initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  assert.equal(init.result.serverInfo.name, 'threadline-server');
  assert.ok(init.result.capabilities.textDocumentSync, 'advertises document sync');
  child.stdin.write(frame({ method: 'initialized', params: {} }));
  const shutdown = await request(2, 'shutdown', null);
  assert.equal(shutdown.result, null);
  child.stdin.write(frame({ method: 'exit' }));
  assert.equal(await exited, 0);
});
