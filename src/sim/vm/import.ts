// import: simulated modules from the registry, and the user's own modules (source from
// the host, compiled by the host-injected compiler, executed in a pushed frame).

import { PyValue, PyTuple, PyList, Sentinel, PUSHED } from './objects';
import { PyDict } from './dict';
import { PyModule } from './function';
import { E, pyErr, PyException, newException } from './exceptions';
import { NativeFrameStart, type CallContext, type Frame } from './frame';
import { newFrame } from './call';
import { pushNativeFrame } from './runtime';
import { newModule } from './vm';
import { getAttr, Deferred } from './protocol';
import { registerNativeImpl } from './types';

function moduleNotFound(name: string): PyException {
  const e = newException(E.ModuleNotFoundError, `No module named '${name}'`);
  e.dict = new PyDict();
  e.dict.setStr('name', name);
  return new PyException(e);
}

/** IMPORT_NAME. Returns the module to push, or PUSHED when a module body must run first
 *  (its frame's result is the value to push). */
export function importName(ctx: CallContext, name: string, fromlist: PyValue, level: number, f: Frame): PyValue | Sentinel {
  if (level > 0) throw pyErr(E.ImportError, 'attempted relative import with no known parent package');
  void f;
  const parts = name.split('.');
  const wantLeaf = fromlist !== null && (!(fromlist instanceof PyTuple) || fromlist.items.length > 0);
  // Make sure every prefix is imported; user modules run in a native frame.
  const vm = ctx.vm;
  for (let i = 1; i <= parts.length; i++) {
    const full = parts.slice(0, i).join('.');
    if (vm.modules.getStr(full) !== undefined) continue;
    const r = importOne(ctx, full);
    if (r === PUSHED) {
      // resume this IMPORT_NAME afterwards: the frame re-executes the instruction
      const top = ctx.thread.frame!;
      void top;
      return reexecAfter(ctx, name, fromlist, wantLeaf);
    }
  }
  return vm.modules.getStr(wantLeaf ? name : parts[0]!)!;
}

/** A user module's body was pushed (inside a 'vm.importExec' native frame). Wrap it in a
 *  'vm.importResume' frame that pushes the right module when done. */
function reexecAfter(ctx: CallContext, name: string, fromlist: PyValue, wantLeaf: boolean): Sentinel {
  // The importExec native frame (top) returns the module; we want the final value of the
  // whole import statement instead, so insert a resume frame under it.
  const exec = ctx.thread.frame!;
  const resume = { kind: 'native' as const, impl: 'vm.importResume', state: { name, wantLeaf, fromlist } as Record<string, unknown>, back: exec.back, value: null, exc: null };
  exec.back = resume;
  return PUSHED;
}

/** Imports one (dotted) module name whose parent is already imported. */
function importOne(ctx: CallContext, full: string): PyValue | Sentinel {
  const vm = ctx.vm;
  const init = vm.registry[full];
  if (init !== undefined) {
    const m = init(vm);
    vm.modules.setStr(full, m);
    const dot = full.lastIndexOf('.');
    if (dot > 0) {
      const parent = vm.modules.getStr(full.slice(0, dot));
      if (parent instanceof PyModule) parent.dict.setStr(full.slice(dot + 1), m);
    }
    return m;
  }
  if (full.includes('.')) {
    // a submodule the parent exposes as an attribute (os.path)
    const dot = full.lastIndexOf('.');
    const parent = vm.modules.getStr(full.slice(0, dot));
    const sub = parent instanceof PyModule ? parent.dict.getStr(full.slice(dot + 1)) : undefined;
    if (sub instanceof PyModule) {
      vm.modules.setStr(full, sub);
      return sub;
    }
    throw moduleNotFound(full);
  }
  const src = vm.host.readSource(full);
  if (src === null) throw moduleNotFound(full);
  const filename = `${full}.py`;
  const code = vm.host.compileSource(src, filename);
  if ('error' in code) {
    const e = newException(code.kind === 'syntax' ? E.SyntaxError : E.SyntaxError, code.error);
    throw new PyException(e);
  }
  const m = newModule(vm, full);
  m.dict.setStr('__file__', filename);
  m.dict.setStr('__builtins__', vm.builtinsModule);
  vm.modules.setStr(full, m);
  pushNativeFrame(ctx, new NativeFrameStart('vm.importExec', { name: full, module: m, code, phase: 0 }));
  return PUSHED;
}

registerNativeImpl('vm.importExec', {
  resume(ctx, st, value, exc) {
    const m = st.module as PyModule;
    if (exc) {
      ctx.vm.modules.delStr(st.name as string);
      throw new PyException(exc);
    }
    if (st.phase === 0) {
      st.phase = 1;
      const code = st.code as import('../compiler/code').CodeObject;
      const fr = newFrame(code, m.dict, ctx.vm.builtins, m.dict, null);
      fr.back = ctx.thread.frame;
      ctx.thread.frame = fr;
      ctx.thread.depth++;
      return PUSHED;
    }
    void value;
    return m;
  },
});

registerNativeImpl('vm.importResume', {
  resume(ctx, st, _value, exc) {
    if (exc) throw new PyException(exc);
    const f = ctx.thread.frame!;
    // continue importing remaining prefixes (all should be present now)
    const name = st.name as string;
    const parts = name.split('.');
    for (let i = 1; i <= parts.length; i++) {
      const full = parts.slice(0, i).join('.');
      if (ctx.vm.modules.getStr(full) === undefined) {
        const r = importOne(ctx, full);
        if (r === PUSHED) {
          // chain: the new importExec frame sits above us; we resume after it
          const exec = ctx.thread.frame!;
          if (exec !== f) {
            exec.back = f;
          }
          return PUSHED;
        }
      }
    }
    return ctx.vm.modules.getStr(st.wantLeaf ? name : parts[0]!)!;
  },
});

/** IMPORT_FROM: module.name, falling back to an already-imported submodule. */
export function importFrom(ctx: CallContext, m: PyValue, name: string): PyValue | Deferred {
  if (m instanceof PyModule) {
    const v = m.dict.getStr(name);
    if (v !== undefined) return v;
    const sub = ctx.vm.modules.getStr(`${m.name}.${name}`);
    if (sub !== undefined) return sub;
    const full = `${m.name}.${name}`;
    if (ctx.vm.registry[full] !== undefined) {
      const r = importOne(ctx, full);
      if (r !== PUSHED) return r as PyValue;
    }
    const file = m.dict.getStr('__file__');
    const where = typeof file === 'string' ? file : 'unknown location';
    const e = newException(E.ImportError, `cannot import name '${name}' from '${m.name}' (${where})`);
    e.dict = new PyDict();
    e.dict.setStr('name', m.name);
    throw new PyException(e);
  }
  return getAttr(ctx, m, name);
}

/** IMPORT_STAR: copies public names (or __all__) into `ns`. */
export function importStar(ctx: CallContext, m: PyValue, ns: PyDict): void {
  void ctx;
  if (!(m instanceof PyModule)) throw pyErr(E.TypeError, 'import * from a non-module');
  const all = m.dict.getStr('__all__');
  if (all instanceof PyList || all instanceof PyTuple) {
    for (const n of all.items) {
      if (typeof n !== 'string') continue;
      const v = m.dict.getStr(n);
      if (v === undefined) throw pyErr(E.AttributeError, `module '${m.name}' has no attribute '${n}'`);
      ns.setStr(n, v);
    }
    return;
  }
  m.dict.forEach((k, v) => {
    if (typeof k === 'string' && !k.startsWith('_')) ns.setStr(k, v);
  });
}
