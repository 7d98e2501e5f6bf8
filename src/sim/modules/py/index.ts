// Standard-library modules written in Python and run by the simulator itself (so their
// calls back into user code need no native frames). Each file exports the module's
// source; `stdlibSource(name)` is the lookup the import system falls back to for names
// that are neither a TypeScript module (src/sim/modules/index.ts) nor a user file.
import abc from './abc';
import bisect from './bisect';
import collections from './collections';
import contextlib from './contextlib';
import copy from './copy';
import dataclasses from './dataclasses';
import datetime from './datetime';
import enumSrc from './enum';
import functools from './functools';
import heapq from './heapq';
import io from './io';
import itertools from './itertools';
import json from './json';
import keyword from './keyword';
import logging from './logging';
import operator from './operator';
import stringSrc from './string';
import typing from './typing';

export const STDLIB_SOURCES: Readonly<Record<string, string>> = {
  abc,
  bisect,
  collections,
  contextlib,
  copy,
  dataclasses,
  datetime,
  enum: enumSrc,
  functools,
  heapq,
  io,
  itertools,
  json,
  keyword,
  logging,
  operator,
  string: stringSrc,
  typing,
};

/** The Python source of a simulated standard-library module, or null. */
export function stdlibSource(name: string): string | null {
  return Object.prototype.hasOwnProperty.call(STDLIB_SOURCES, name) ? STDLIB_SOURCES[name]! : null;
}
