// os.path (posixpath): the pure string functions, as CPython 3.11 computes them. The
// simulator has no file system: the current directory is /home/user and nothing exists
// on disk (exists/isfile/isdir answer False, except for / and the home directory).

import { parseArgs } from '../vm/args';
import { E, pyErr } from '../vm/exceptions';
import type { NativeFn } from '../vm/frame';
import type { PyModule } from '../vm/function';
import { PyTuple, type PyValue } from '../vm/objects';
import { typeName } from '../vm/protocol';
import { makeBuiltin } from '../vm/types';
import { newModule, type VM } from '../vm/vm';

export const CWD = '/home/user';

function str(v: PyValue | undefined, fname: string): string {
  if (typeof v === 'string') return v;
  throw pyErr(E.TypeError, `${fname}() argument must be str, not ${typeName(v ?? null)}`);
}

export function join(a: string, ...ps: string[]): string {
  let path = a;
  for (const b of ps) {
    if (b.startsWith('/')) path = b;
    else if (path === '' || path.endsWith('/')) path += b;
    else path += '/' + b;
  }
  return path;
}

export function split(p: string): [string, string] {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  const tail = p.slice(i);
  if (head !== '' && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return [head, tail];
}

export function splitext(p: string): [string, string] {
  const sepIndex = p.lastIndexOf('/');
  const dotIndex = p.lastIndexOf('.');
  if (dotIndex > sepIndex) {
    for (let i = sepIndex + 1; i < dotIndex; i++) if (p[i] !== '.') return [p.slice(0, dotIndex), p.slice(dotIndex)];
  }
  return [p, ''];
}

export function normpath(path: string): string {
  if (path === '') return '.';
  let initial = path.startsWith('/') ? 1 : 0;
  if (initial && path.startsWith('//') && !path.startsWith('///')) initial = 2;
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c !== '..' || (!initial && out.length === 0) || (out.length > 0 && out[out.length - 1] === '..')) out.push(c);
    else if (out.length > 0) out.pop();
  }
  const s = '/'.repeat(initial) + out.join('/');
  return s || '.';
}

function fn(name: string, f: NativeFn) {
  return makeBuiltin(`posixpath.${name}`, name, f, 'function', null, 'posixpath');
}

const one = (name: string, f: (s: string) => PyValue) =>
  fn(name, (_c, args, kw) => f(str(parseArgs(name, args, kw, { names: ['p'], posOnly: true }).values[0], name)));

export function initOsPath(vm: VM): PyModule {
  return newModule(vm, 'posixpath', {
    sep: '/', altsep: null, extsep: '.', pathsep: ':', curdir: '.', pardir: '..', defpath: '/bin:/usr/bin', devnull: '/dev/null',
    join: fn('join', (_c, args, kw) => {
      const a = parseArgs('join', args, kw, { names: ['a'], varargs: true, posOnly: true });
      return join(str(a.values[0], 'join'), ...a.rest.map((x) => str(x, 'join')));
    }),
    split: one('split', (p) => new PyTuple(split(p))),
    splitext: one('splitext', (p) => new PyTuple(splitext(p))),
    basename: one('basename', (p) => p.slice(p.lastIndexOf('/') + 1)),
    dirname: one('dirname', (p) => split(p)[0]),
    isabs: one('isabs', (p) => p.startsWith('/')),
    normpath: one('normpath', normpath),
    abspath: one('abspath', (p) => normpath(p.startsWith('/') ? p : join(CWD, p))),
    realpath: one('realpath', (p) => normpath(p.startsWith('/') ? p : join(CWD, p))),
    expanduser: one('expanduser', (p) => (p === '~' || p.startsWith('~/') ? '/home/user' + p.slice(1) : p)),
    exists: one('exists', (p) => ['/', CWD].includes(normpath(p.startsWith('/') ? p : join(CWD, p)))),
    isdir: one('isdir', (p) => ['/', CWD].includes(normpath(p.startsWith('/') ? p : join(CWD, p)))),
    isfile: one('isfile', () => false),
    islink: one('islink', () => false),
    splitdrive: one('splitdrive', (p) => new PyTuple(['', p])),
  });
}
