// `threadline`: run, explore and disassemble Python programs in the simulator.
// Program output goes to stdout exactly as CPython would print it; diagnostics to stderr.
import fs from 'node:fs';
import path from 'node:path';
import { parseCli, UsageError, USAGE, type CliOptions } from './args';
import { loadParserWasm } from './wasm';
import { initParser } from '../sim/syntax/parser';
import { runProgram, compileForDis, EXIT, type RunResult } from '../sim/api';
import { formatSummary } from './summary';
import { writeTraceFile } from './trace-out';

function readFileOrFail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function moduleReader(dir: string): (name: string) => string | null {
  return (name) => {
    const file = path.join(dir, name.replace(/\./g, path.sep) + '.py');
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
}

function runCommand(opts: CliOptions): number {
  const file = opts.file!;
  const source = readFileOrFail(file);
  const stdoutMode = opts.stdoutMode ?? (process.stdout.isTTY ? 'tty' : 'pipe');
  const result: RunResult = runProgram({
    // Tracebacks show the path as typed, like CPython's.
    filename: file,
    source,
    argv: [file, ...opts.programArgs],
    stdin: opts.stdin !== null ? readFileOrFail(opts.stdin) : null,
    seed: opts.seed,
    schedule: opts.schedule,
    switchMode: opts.switchMode,
    cores: opts.cores,
    signals: opts.signals,
    stdoutMode,
    maxSteps: opts.maxSteps,
    readSource: moduleReader(path.dirname(path.resolve(file))),
    collectTrace: opts.trace !== null || opts.summary,
    // Stream program output as it is flushed, so long runs show progress.
    onOutput: opts.json ? undefined : (stream, text) => {
      (stream === 'stdout' ? process.stdout : process.stderr).write(text);
    },
    processTable: opts.ps ? (opts.verbose ? 'verbose' : 'end') : 'none',
  });
  if (opts.trace !== null) writeTraceFile(opts.trace, opts.format, result.trace ?? []);
  if (opts.json) {
    const { trace: _trace, ...rest } = result;
    process.stdout.write(JSON.stringify(rest) + '\n');
  }
  if (opts.summary) process.stderr.write(formatSummary(result));
  return result.exitCode;
}

function disCommand(opts: CliOptions): number {
  const file = opts.file!;
  const out = compileForDis(readFileOrFail(file), path.basename(file));
  if (out.ok) {
    process.stdout.write(out.text);
    return 0;
  }
  process.stderr.write(out.text);
  return out.exitCode;
}

async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`threadline: ${e.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  try {
    switch (opts.command) {
      case 'help':
        process.stdout.write(USAGE + '\n');
        return 0;
      case 'version':
        process.stdout.write('threadline 0.1.0 (simulating CPython 3.11)\n');
        return 0;
      case 'run':
        await initParser(loadParserWasm());
        return runCommand(opts);
      case 'dis':
        await initParser(loadParserWasm());
        return disCommand(opts);
      case 'explore': {
        await initParser(loadParserWasm());
        const { exploreCommand } = await import('./explore');
        return exploreCommand(opts, readFileOrFail(opts.file!));
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`threadline: ${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`threadline: internal error (a bug in Threadline): ${e instanceof Error ? e.stack : String(e)}\n`);
    return EXIT.internal;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // Let stdout drain before exiting (large outputs to a pipe).
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`threadline: internal error: ${String(e)}\n`);
    process.exitCode = EXIT.internal;
  },
);
