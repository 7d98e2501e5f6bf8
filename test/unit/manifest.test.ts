// package.json is a consistent VS Code extension manifest: what it promises exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const esbuildConfig = fs.readFileSync(path.join(root, 'esbuild.js'), 'utf8');

test('every contributed command is in the Threadline category and registered by the extension', () => {
  const source = fs.readFileSync(path.join(root, 'src/extension/extension.ts'), 'utf8');
  const registered = new Set([...source.matchAll(/'(threadline\.\w+)'/g)].map((m) => m[1]));
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command);
  assert.ok(contributed.length >= 6);
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'Threadline', c.command);
  assert.deepEqual([...registered].sort(), [...contributed].sort());
  for (const c of contributed) assert.ok(pkg.activationEvents.includes(`onCommand:${c}`), `activation on ${c}`);
  assert.ok(pkg.activationEvents.includes('onLanguage:python'));
});

test('main and bin point at bundles that esbuild.js builds', () => {
  for (const out of [pkg.main, pkg.bin.threadline]) {
    assert.ok(esbuildConfig.includes(`'${path.posix.normalize(out)}'`), `${out} is an esbuild outfile`);
  }
});

test('the icon is a 128×128 PNG', () => {
  const png = fs.readFileSync(path.join(root, pkg.icon));
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
});

test('untrusted workspaces are supported, with a reason', () => {
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  assert.match(pkg.capabilities.untrustedWorkspaces.description, /never executes/);
});
