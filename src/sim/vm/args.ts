// Argument parsing for builtins, with CPython-style TypeError messages.

import type { PyValue } from './objects';
import { E, pyErr } from './exceptions';

export interface ArgSpec {
  /** Positional-or-keyword parameter names, in order. */
  names: string[];
  /** How many of `names` are required. */
  required?: number;
  /** Names that are positional-only (a prefix of `names`); default: none... unless
   *  `posOnly` is true, then all of `names` are positional-only. */
  posOnly?: boolean | number;
  /** Keyword-only parameter names. */
  kwOnly?: string[];
  /** Collect extra positional arguments. */
  varargs?: boolean;
  /** Collect extra keyword arguments. */
  varkw?: boolean;
}

export interface ParsedArgs {
  /** One entry per spec.names then spec.kwOnly; undefined when not given. */
  values: (PyValue | undefined)[];
  rest: PyValue[];
  kw: [string, PyValue][];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Binds builtin-call arguments. `fname` is used in messages ("sorted"). */
export function parseArgs(fname: string, args: PyValue[], kwnames: string[] | null, spec: ArgSpec): ParsedArgs {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  const names = spec.names;
  const kwOnly = spec.kwOnly ?? [];
  const required = spec.required ?? names.length;
  const posOnlyCount = spec.posOnly === true ? names.length : typeof spec.posOnly === 'number' ? spec.posOnly : 0;
  const values: (PyValue | undefined)[] = new Array(names.length + kwOnly.length).fill(undefined);
  const rest: PyValue[] = [];
  const kw: [string, PyValue][] = [];
  if (npos > names.length && !spec.varargs) {
    if (names.length === 0) throw pyErr(E.TypeError, `${fname}() takes no arguments (${npos} given)`);
    if (required === names.length) {
      if (names.length === 1) throw pyErr(E.TypeError, `${fname}() takes exactly one argument (${npos} given)`);
      throw pyErr(E.TypeError, `${fname} expected ${plural(names.length, 'argument')}, got ${npos}`);
    }
    throw pyErr(E.TypeError, `${fname} expected at most ${plural(names.length, 'argument')}, got ${npos}`);
  }
  for (let i = 0; i < npos; i++) {
    if (i < names.length) values[i] = args[i];
    else rest.push(args[i]!);
  }
  for (let j = 0; j < nkw; j++) {
    const name = kwnames![j]!;
    const v = args[npos + j]!;
    let idx = names.indexOf(name);
    if (idx >= 0 && idx < posOnlyCount) idx = -1;
    if (idx < 0) {
      const k = kwOnly.indexOf(name);
      if (k >= 0) idx = names.length + k;
    }
    if (idx < 0) {
      if (spec.varkw) {
        kw.push([name, v]);
        continue;
      }
      if (names.length === posOnlyCount && kwOnly.length === 0) throw pyErr(E.TypeError, `${fname}() takes no keyword arguments`);
      throw pyErr(E.TypeError, `'${name}' is an invalid keyword argument for ${fname}()`);
    }
    if (values[idx] !== undefined) {
      throw pyErr(E.TypeError, `argument for ${fname}() given by name ('${name}') and position (${idx + 1})`);
    }
    values[idx] = v;
  }
  for (let i = 0; i < required; i++) {
    if (values[i] === undefined) {
      if (i < posOnlyCount || required === names.length) {
        throw pyErr(E.TypeError, `${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
      }
      throw pyErr(E.TypeError, `${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  return { values, rest, kw };
}

/** Rejects keyword arguments: "f() takes no keyword arguments". */
export function noKwargs(fname: string, kwnames: string[] | null): void {
  if (kwnames && kwnames.length > 0) throw pyErr(E.TypeError, `${fname}() takes no keyword arguments`);
}

/** Checks a fixed positional count with CPython's wording for methods/functions. */
export function checkArgCount(fname: string, args: PyValue[], min: number, max: number = min): void {
  const n = args.length;
  if (n >= min && n <= max) return;
  if (min === max) {
    if (min === 0) throw pyErr(E.TypeError, `${fname}() takes no arguments (${n} given)`);
    if (min === 1) throw pyErr(E.TypeError, `${fname}() takes exactly one argument (${n} given)`);
    throw pyErr(E.TypeError, `${fname} expected ${plural(min, 'argument')}, got ${n}`);
  }
  if (n < min) throw pyErr(E.TypeError, `${fname} expected at least ${plural(min, 'argument')}, got ${n}`);
  throw pyErr(E.TypeError, `${fname} expected at most ${plural(max, 'argument')}, got ${n}`);
}
