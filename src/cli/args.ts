// Command-line parsing for `threadline`, on node's built-in util.parseArgs.
import { parseArgs } from 'node:util';
import { signalNumber } from '../sim/kernel/signal-table';

export type Command = 'run' | 'explore' | 'dis' | 'help' | 'version';

export interface SignalSpec {
  /** Virtual time in nanoseconds. */
  timeNs: number;
  signal: string;
  pid?: number;
}

export interface CliOptions {
  command: Command;
  file: string | null;
  programArgs: string[];
  seed: number;
  schedule: string | null;
  switchMode: 'cpython' | 'instruction';
  cores: number;
  signals: SignalSpec[];
  stdoutMode: 'tty' | 'pipe' | null;
  trace: string | null;
  format: 'jsonl' | 'chrome';
  maxSteps: number;
  json: boolean;
  summary: boolean;
  ps: boolean;
  verbose: boolean;
  stdin: string | null;
  strategy: 'dfs' | 'pct' | 'random';
  maxSchedules: number;
}

export class UsageError {
  constructor(readonly message: string) {}
}

export const USAGE = `usage:
  threadline run FILE [--seed N] [--schedule S] [--switch cpython|instruction]
                      [--cores N] [--signal T:SIG[:PID]]... [--stdout tty|pipe]
                      [--trace OUT] [--format jsonl|chrome] [--max-steps N] [--json]
                      [--summary] [--ps] [--verbose] [--stdin FILE] [-- ARGS...]
  threadline explore FILE [--strategy dfs|pct|random] [--switch instruction|cpython]
                          [--max-schedules N] [--seed N] [--json]
  threadline dis FILE

Times in --signal accept a unit: 1.5s, 200ms, 30us, 1000ns (default: seconds).
Exit code: the program's exit status; 3 deadlock or hang; 2 syntax or usage error;
4 unsupported feature; 70 internal error.`;

const TIME_UNITS: Record<string, number> = { s: 1e9, ms: 1e6, us: 1e3, ns: 1 };

export function parseSignalSpec(text: string): SignalSpec {
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3) {
    throw new UsageError(`--signal expects T:SIG[:PID], got '${text}'`);
  }
  const m = /^(\d+(?:\.\d+)?)(s|ms|us|ns)?$/.exec(parts[0]);
  if (!m) throw new UsageError(`--signal: bad time '${parts[0]}'`);
  const timeNs = Math.round(Number(m[1]) * TIME_UNITS[m[2] ?? 's']);
  let signal = parts[1].toUpperCase();
  if (!/^\d+$/.test(signal) && !signal.startsWith('SIG')) signal = 'SIG' + signal;
  if (signalNumber(signal) === null) throw new UsageError(`--signal: unknown signal '${parts[1]}'`);
  const spec: SignalSpec = { timeNs, signal };
  if (parts.length === 3) {
    if (!/^\d+$/.test(parts[2])) throw new UsageError(`--signal: bad pid '${parts[2]}'`);
    spec.pid = Number(parts[2]);
  }
  return spec;
}

function intOption(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`--${name} expects an integer >= ${min}, got '${value}'`);
  }
  return Number(value);
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} expects one of ${allowed.join('|')}, got '${value}'`);
  }
  return value as T;
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        schedule: { type: 'string' },
        switch: { type: 'string' },
        cores: { type: 'string' },
        signal: { type: 'string', multiple: true },
        stdout: { type: 'string' },
        trace: { type: 'string' },
        format: { type: 'string' },
        'max-steps': { type: 'string' },
        json: { type: 'boolean' },
        summary: { type: 'boolean' },
        ps: { type: 'boolean' },
        verbose: { type: 'boolean' },
        stdin: { type: 'string' },
        strategy: { type: 'string' },
        'max-schedules': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  let command: Command;
  if (values.version) command = 'version';
  else if (values.help || positionals.length === 0) command = 'help';
  else {
    const c = positionals[0];
    if (c !== 'run' && c !== 'explore' && c !== 'dis' && c !== 'help') {
      throw new UsageError(`unknown command '${c}'`);
    }
    command = c;
  }
  const file = positionals[1] ?? null;
  if ((command === 'run' || command === 'explore' || command === 'dis') && !file) {
    throw new UsageError(`${command}: missing FILE`);
  }
  const isExplore = command === 'explore';
  return {
    command,
    file,
    programArgs: positionals.slice(2),
    seed: intOption('seed', values.seed, 0, 0),
    schedule: values.schedule ?? null,
    switchMode: oneOf('switch', values.switch, ['cpython', 'instruction'] as const, isExplore ? 'instruction' : 'cpython'),
    cores: intOption('cores', values.cores, 4, 1),
    signals: (values.signal ?? []).map(parseSignalSpec),
    stdoutMode: values.stdout === undefined ? null : oneOf('stdout', values.stdout, ['tty', 'pipe'] as const, 'pipe'),
    trace: values.trace ?? null,
    format: oneOf('format', values.format, ['jsonl', 'chrome'] as const, 'jsonl'),
    maxSteps: intOption('max-steps', values['max-steps'], 100_000_000, 1),
    json: values.json ?? false,
    summary: values.summary ?? false,
    ps: values.ps ?? false,
    verbose: values.verbose ?? false,
    stdin: values.stdin ?? null,
    strategy: oneOf('strategy', values.strategy, ['dfs', 'pct', 'random'] as const, 'dfs'),
    maxSchedules: intOption('max-schedules', values['max-schedules'], 1000, 1),
  };
}
