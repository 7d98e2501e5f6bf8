#!/usr/bin/env python3
"""Records facts CPython 3.11's compiler gives for every test/diff/*.py and for the golden
programs here: for each code object its qualname, first line, varnames, cellvars,
freevars, argument counts and flags (OPTIMIZED, NEWLOCALS, VARARGS, VARKEYWORDS, NESTED,
GENERATOR). test/unit/compiler-golden.test.ts compares Threadline's compiler against them
(for files whose source is unchanged since recording: the sha1 is stored).

    python3.11 test/unit/compiler-golden/gen-cpython-codes.py
"""
import hashlib, json, os, sys, types

assert sys.version_info[:2] == (3, 11), 'run with Python 3.11'
root = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(root, '..', '..', '..'))
out = {}
dirs = [os.path.join(repo, 'test', 'diff'), root]
for d in dirs:
    for f in sorted(os.listdir(d)):
        if not f.endswith('.py') or (d == root and not f[0].isdigit()):
            continue
        path = os.path.join(d, f)
        src = open(path, encoding='utf-8').read()
        rel = os.path.relpath(path, repo)
        try:
            co = compile(src, f, 'exec')
        except SyntaxError:
            continue
        codes = []
        def walk(c):
            codes.append(dict(qualname=c.co_qualname, firstline=c.co_firstlineno, varnames=list(c.co_varnames),
                              cellvars=list(c.co_cellvars), freevars=list(c.co_freevars), argcount=c.co_argcount,
                              posonly=c.co_posonlyargcount, kwonly=c.co_kwonlyargcount, flags=c.co_flags & 63))
            for k in c.co_consts:
                if isinstance(k, types.CodeType):
                    walk(k)
        walk(co)
        out[rel] = dict(sha1=hashlib.sha1(src.encode('utf-8')).hexdigest(), codes=codes)
with open(os.path.join(root, 'cpython-codes.json'), 'w') as fh:
    # One line per file keeps diffs readable.
    fh.write('{\n' + ',\n'.join(json.dumps(k) + ': ' + json.dumps(out[k], separators=(',', ':'))
                                 for k in sorted(out)) + '\n}\n')
print(f'{len(out)} files recorded')
