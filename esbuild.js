// Builds Threadline's four bundles into dist/ and copies the assets they load at run time.
//
//   node esbuild.js               development build (source maps)
//   node esbuild.js --production  minified, no source maps, dist/ cleaned first (used by `npm run package`)
//   node esbuild.js --watch       rebuild on change; prints "[watch] build started/finished"
//                                 lines that .vscode/tasks.json's problem matcher waits for
//
// A bundle whose entry file does not exist yet is skipped with a warning, so the build
// works while parts of the tree are still being written.
'use strict';

const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = __dirname;
const dist = path.join(root, 'dist');

/** @type {{name: string, options: import('esbuild').BuildOptions}[]} */
const bundles = [
  {
    name: 'extension',
    options: {
      entryPoints: ['src/extension/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
    },
  },
  {
    name: 'language server',
    options: {
      entryPoints: ['src/server/server.ts'],
      outfile: 'dist/server.js',
      platform: 'node',
      format: 'cjs',
      // web-tree-sitter's ESM build reads import.meta.url, which is empty in a CJS bundle.
      define: { 'import.meta.url': '__threadlineImportMetaUrl' },
      banner: { js: "const __threadlineImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
    },
  },
  {
    name: 'webview',
    options: {
      entryPoints: ['webview/main.ts'],
      outfile: 'dist/webview.js',
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
    },
  },
  {
    name: 'CLI',
    options: {
      entryPoints: ['src/cli/main.ts'],
      outfile: 'dist/cli.js',
      platform: 'node',
      format: 'cjs',
      // Same import.meta.url shim as the language server (web-tree-sitter needs it).
      define: { 'import.meta.url': '__threadlineImportMetaUrl' },
      banner: {
        js: "#!/usr/bin/env node\nconst __threadlineImportMetaUrl = require('url').pathToFileURL(__filename).href;",
      },
    },
  },
];

// Files copied next to the bundles. The simulator's parser loads the two .wasm files from
// the bundle's own directory; nothing is fetched at run time.
const assets = [
  'node_modules/web-tree-sitter/tree-sitter.wasm',
  'node_modules/tree-sitter-python/tree-sitter-python.wasm',
  'node_modules/@vscode/codicons/dist/codicon.css',
  'node_modules/@vscode/codicons/dist/codicon.ttf',
];

function copyAssets() { // and make the CLI executable
  for (const rel of assets) {
    const from = path.join(root, rel);
    if (!fs.existsSync(from)) throw new Error(`asset missing: ${rel} (run npm install)`);
    fs.copyFileSync(from, path.join(dist, path.basename(rel)));
  }
  const cli = path.join(dist, 'cli.js');
  if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
}

// In watch mode: reports build start/end once for all bundles together, and repeats each
// error on one line ("file:line:col: message") for .vscode/tasks.json's problem matcher.
let running = 0;
/** @type {import('esbuild').Plugin} */
const reporter = {
  name: 'threadline-reporter',
  setup(build) {
    build.onStart(() => {
      if (running++ === 0) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        const where = location ? `${location.file}:${location.line}:${location.column}: ` : '';
        console.error(`✘ [ERROR] ${where}${text}`);
      }
      if (--running === 0) {
        if (result.errors.length === 0) copyAssets();
        console.log('[watch] build finished');
      }
    });
  },
};

async function main() {
  if (production) fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });

  const present = bundles.filter(({ name, options }) => {
    const entry = /** @type {string[]} */ (options.entryPoints)[0];
    if (fs.existsSync(path.join(root, entry))) return true;
    console.warn(`esbuild: skipping the ${name} bundle: ${entry} does not exist yet`);
    return false;
  });

  const contexts = await Promise.all(
    present.map(({ options }) =>
      esbuild.context({
        ...options,
        absWorkingDir: root,
        bundle: true,
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        target: options.target ?? 'node20',
        logLevel: 'warning', // esbuild prints warnings and errors itself
        plugins: watch ? [reporter] : [],
      }),
    ),
  );

  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  let failed = false;
  for (const ctx of contexts) {
    try {
      await ctx.rebuild();
    } catch {
      failed = true; // the errors have been printed by esbuild
    }
    await ctx.dispose();
  }
  if (failed) process.exit(1);
  copyAssets();
  console.log(`esbuild: built ${present.map((b) => b.name).join(', ')}${production ? ' (production)' : ''}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
