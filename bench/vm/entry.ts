// Bundled by bench/vm/run.mts so the simulator is timed as users run it (an esbuild
// bundle, like dist/cli.js), not through tsx's per-file transform, which is much slower.
export { runProgram } from '../../src/sim/api';
export { initParser } from '../../src/sim/syntax/parser';
export { loadParserWasm } from '../../src/cli/wasm';
