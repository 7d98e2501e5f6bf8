// Configuration for the end-to-end tests in a real VS Code, in the format of @vscode/test-cli
// (`npx @vscode/test-cli`), which downloads VS Code through @vscode/test-electron: it serves
// developers who are online. Tests are TypeScript in test/e2e, compiled to out/test/e2e.
// Running them in CI, offline, is a later issue.
export default [
  {
    label: 'e2e',
    files: 'out/test/e2e/**/*.test.js',
    version: 'stable',
    workspaceFolder: './samples',
    launchArgs: ['--disable-extensions'],
    mocha: { ui: 'tdd', timeout: 30000 },
  },
];
