// _warnings: the frame lookup the Python-source `warnings` module needs (where a warning
// was issued: file, line, module name and source line).

import { PyValue, PyTuple } from '../vm/objects';
import { PyModule } from '../vm/function';
import { E, pyErr } from '../vm/exceptions';
import type { Frame } from '../vm/frame';
import { makeBuiltin } from '../vm/types';
import { lineOf } from '../vm/runtime';
import { newModule, type VM } from '../vm/vm';
import { asIndex } from '../vm/builtins/util';

/** _caller(depth): (filename, lineno, module, line) of the Python frame `depth` levels
 *  above the function that calls _caller (depth 0: that function itself). */
const caller = makeBuiltin('_warnings._caller', '_caller', (ctx, args) => {
  const d = args.length > 0 ? asIndex(args[0]!) : 0;
  if (d === undefined) throw pyErr(E.TypeError, 'depth must be an integer');
  let depth = Number(d);
  let f = ctx.thread.frame;
  while (f !== null && f.kind !== 'py') f = f.back;
  while (f !== null && depth > 0) {
    f = f.back;
    while (f !== null && f.kind !== 'py') f = f.back;
    depth--;
  }
  if (f === null) return new PyTuple(['sys', 1, 'sys', null]);
  const fr = f as Frame;
  const line = lineOf(fr);
  const name = fr.globals.getStr('__name__');
  const src = ctx.vm.host.getSourceLine(fr.code.filename, line);
  const out: PyValue[] = [fr.code.filename, line, typeof name === 'string' ? name : '<string>', src];
  return new PyTuple(out);
}, 'function', null, '_warnings');

export function initWarningsC(vm: VM): PyModule {
  return newModule(vm, '_warnings', { _caller: caller });
}
