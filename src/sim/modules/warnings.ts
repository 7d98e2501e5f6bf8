// The warnings module: warn() with CPython 3.11's default filters and "once per location"
// registry (__warningregistry__ in the warning's module globals), the message format
// "file:line: Category: message\n  source line\n" on sys.stderr, simplefilter /
// filterwarnings / resetwarnings, catch_warnings (record=True), WarningMessage, and
// user replacements of warnings.showwarning / warnings.formatwarning.
//
// Module state lives in the module dict: `filters` (list of 5-tuples), `_onceregistry`,
// `_filters_version`, `_record_log` (the catch_warnings(record=True) list, or None).

import { PyObject, PyType, PyValue, PyList, PyTuple, PyInstance, objectType, typeOf, isSubtype, newTuple } from '../vm/objects';
import { PyDict } from '../vm/dict';
import { PyModule } from '../vm/function';
import { E, pyErr, PyException, PyBaseException } from '../vm/exceptions';
import { NativeCall, NativeFrameStart, type CallContext, type Frame } from '../vm/frame';
import { makeBuiltin, newBuiltinType, defineMethods, defineStaticMethods, registerClass, registerNativeImpl } from '../vm/types';
import { parseArgs } from '../vm/args';
import { typeName, strOf, reprOf, getAttr, isDeferred, type Deferred } from '../vm/protocol';
import { PyTextIO, streamWrite } from '../vm/stream';
import { lineOf } from '../vm/runtime';
import { newModule, type VM } from '../vm/vm';
import { rethrow, asIndex } from '../vm/builtins/util';
import { newCls } from '../vm/builtins/list';

const ACTIONS = ['error', 'ignore', 'always', 'default', 'module', 'once'];

// ------------------------------------------------------------------ regex-like patterns

/** The compiled message/module patterns stored in warnings.filters (re.Pattern-like). */
export const patternType = newBuiltinType('Pattern', [objectType], 're', { baseable: false });
export class PyWarnPattern extends PyObject {
  constructor(readonly pattern: string, readonly ignoreCase: boolean) {
    super(patternType);
  }
}
registerClass('PyWarnPattern', PyWarnPattern);

function pyReprStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return out + q;
}

defineMethods(patternType, {
  __repr__: (_ctx, args) => {
    const p = args[0] as PyWarnPattern;
    return `re.compile(${pyReprStr(p.pattern)}${p.ignoreCase ? ', re.IGNORECASE' : ''})`;
  },
  match: (_ctx, args) => (patternMatches(args[0] as PyWarnPattern, String(args[1])) ? true : null),
});

/** re.match semantics (anchored at the start) on a JS translation of the pattern. */
function patternMatches(p: PyWarnPattern, s: string): boolean {
  const src = p.pattern.replace(/\\Z/g, '$(?![\\s\\S])').replace(/\\A/g, '^');
  try {
    return new RegExp(`^(?:${src})`, p.ignoreCase ? 'iu' : 'u').test(s);
  } catch {
    return p.ignoreCase ? s.toLowerCase().startsWith(p.pattern.toLowerCase()) : s.startsWith(p.pattern);
  }
}

/** A filter field: None matches everything, a plain str must be equal (CPython's internal
 *  default filters), a pattern must match at the start. */
function fieldMatches(f: PyValue, s: string): boolean {
  if (f === null) return true;
  if (typeof f === 'string') return f === s;
  if (f instanceof PyWarnPattern) return patternMatches(f, s);
  return false;
}

// ------------------------------------------------------------------ module state

/** The warnings module; imported on first use when native code (threading's deprecated
 *  aliases) warns before the program imported it, as CPython's threading.py does. */
function mod(ctx: CallContext): PyModule {
  const m = ctx.vm.modules.getStr('warnings');
  if (m instanceof PyModule) return m;
  const fresh = initWarnings(ctx.vm);
  ctx.vm.modules.setStr('warnings', fresh);
  return fresh;
}

function filtersOf(m: PyModule): PyList {
  const f = m.dict.getStr('filters');
  if (f instanceof PyList) return f;
  throw pyErr(E.TypeError, 'warnings.filters must be a list');
}

function bumpVersion(m: PyModule): void {
  const v = m.dict.getStr('_filters_version');
  m.dict.setStr('_filters_version', (typeof v === 'number' ? v : 0) + 1);
}

function defaultFilters(): PyList {
  const f = (action: string, cat: PyType, module: PyValue): PyTuple => newTuple([action, null, cat, module, 0]);
  return new PyList([
    f('default', E.DeprecationWarning, '__main__'),
    f('ignore', E.DeprecationWarning, null),
    f('ignore', E.PendingDeprecationWarning, null),
    f('ignore', E.ImportWarning, null),
    f('ignore', E.ResourceWarning, null),
  ]);
}

function addFilter(m: PyModule, entry: PyTuple, append: boolean): void {
  const list = filtersOf(m);
  if (!append) {
    const i = list.items.findIndex((x) => sameFilter(x, entry));
    if (i >= 0) list.items.splice(i, 1);
    list.items.unshift(entry);
  } else if (!list.items.some((x) => sameFilter(x, entry))) {
    list.items.push(entry);
  }
  bumpVersion(m);
}

function sameFilter(a: PyValue, b: PyTuple): boolean {
  if (!(a instanceof PyTuple) || a.items.length !== b.items.length) return false;
  return a.items.every((x, i) => {
    const y = b.items[i]!;
    if (x instanceof PyWarnPattern && y instanceof PyWarnPattern) return x.pattern === y.pattern && x.ignoreCase === y.ignoreCase;
    return x === y;
  });
}

function checkAction(action: PyValue): string {
  if (typeof action !== 'string' || !ACTIONS.includes(action)) {
    const r = typeof action === 'string' ? pyReprStr(action) : String(action);
    throw pyErr(E.AssertionError, `invalid action: ${r}`);
  }
  return action;
}

function checkCategory(cat: PyValue, what: string): PyType {
  if (!(cat instanceof PyType) || !isSubtype(cat, E.Warning)) throw pyErr(E.AssertionError, `${what} must be a Warning subclass`);
  return cat;
}

function checkLineno(v: PyValue | undefined): number {
  if (v === undefined) return 0;
  const i = asIndex(v);
  if (typeof i !== 'number' || typeof v === 'boolean' || i < 0) throw pyErr(E.AssertionError, 'lineno must be an int >= 0');
  return i;
}

// ------------------------------------------------------------------ warn()

interface Ctx {
  filename: string;
  lineno: number;
  module: string;
  globals: PyDict | null;
}

/** The frame `stacklevel` Python frames up from the caller of warn(). */
function findContext(ctx: CallContext, stacklevel: number): Ctx {
  let f = ctx.thread.frame;
  let level = stacklevel;
  let found: Frame | null = null;
  while (f !== null) {
    if (f.kind === 'py') {
      if (level <= 1) {
        found = f;
        break;
      }
      level--;
    }
    f = f.back;
  }
  if (found === null) {
    const sys = ctx.vm.modules.getStr('sys');
    return { filename: 'sys', lineno: 1, module: 'sys', globals: sys instanceof PyModule ? sys.dict : null };
  }
  const name = found.globals.getStr('__name__');
  return { filename: found.code.filename, lineno: lineOf(found), module: typeof name === 'string' ? name : '<string>', globals: found.globals };
}

interface WarnState {
  [k: string]: unknown;
  phase: string;
  message: PyValue;
  instance: PyValue;
  category: PyType;
  text: PyValue;
  filename: string;
  lineno: number;
  module: string;
  registry: PyDict | null;
  /** formatted output to write, or the pending write/format call */
  out: string;
}

const warnFn = makeBuiltin('warnings.warn', 'warn', (ctx, args, kwnames) => {
  const a = parseArgs('warn', args, kwnames, { names: ['message', 'category', 'stacklevel', 'source'], required: 1 });
  const message = a.values[0]!;
  let category: PyValue = a.values[1] ?? null;
  const sl = a.values[2] === undefined ? 1 : asIndex(a.values[2]);
  if (sl === undefined) throw pyErr(E.TypeError, `'${typeName(a.values[2]!)}' object cannot be interpreted as an integer`);
  if (message instanceof PyBaseException && isSubtype(typeOf(message), E.Warning)) category = typeOf(message);
  if (category === null) category = E.UserWarning;
  if (!(category instanceof PyType) || !isSubtype(category, E.Warning)) {
    throw pyErr(E.TypeError, `category must be a Warning subclass, not '${typeName(category)}'`);
  }
  const c = findContext(ctx, Number(sl));
  let registry: PyDict | null = null;
  if (c.globals !== null) {
    const r = c.globals.getStr('__warningregistry__');
    if (r instanceof PyDict) registry = r;
    else {
      registry = new PyDict();
      c.globals.setStr('__warningregistry__', registry);
    }
  }
  return startWarn(category, message, c.filename, c.lineno, c.module, registry);
}, 'function', null, 'warnings');

function startWarn(category: PyType, message: PyValue, filename: string, lineno: number, module: string, registry: PyDict | null): NativeFrameStart {
  const isInst = message instanceof PyBaseException && isSubtype(typeOf(message), E.Warning);
  const st: WarnState = {
    phase: isInst ? 'text' : 'decide', message, instance: isInst ? message : null, category,
    text: isInst ? null : message, filename, lineno, module, registry, out: '',
  };
  return new NativeFrameStart('warnings.warn', st);
}

const warnExplicitFn = makeBuiltin('warnings.warn_explicit', 'warn_explicit', (ctx, args, kwnames) => {
  const a = parseArgs('warn_explicit', args, kwnames, {
    names: ['message', 'category', 'filename', 'lineno', 'module', 'registry', 'module_globals', 'source'], required: 4,
  });
  const message = a.values[0]!;
  let category = a.values[1]!;
  if (message instanceof PyBaseException && isSubtype(typeOf(message), E.Warning)) category = typeOf(message);
  if (category === null) category = E.UserWarning;
  if (!(category instanceof PyType) || !isSubtype(category, E.Warning)) {
    throw pyErr(E.TypeError, `category must be a Warning subclass, not '${typeName(category)}'`);
  }
  const filename = a.values[2]!;
  if (typeof filename !== 'string') throw pyErr(E.TypeError, `warn_explicit() argument 'filename' must be str, not ${typeName(filename)}`);
  const lineno = asIndex(a.values[3]!);
  if (lineno === undefined) throw pyErr(E.TypeError, `'${typeName(a.values[3]!)}' object cannot be interpreted as an integer`);
  let module = a.values[4] ?? null;
  if (module === null) module = filename.endsWith('.py') ? filename.slice(0, -3) : filename || '<unknown>';
  const reg = a.values[5] ?? null;
  void ctx;
  return startWarn(category, message, filename, Number(lineno), String(module), reg instanceof PyDict ? reg : null);
}, 'function', null, 'warnings');

/** Applies the filters and the registries; the action to take ('' = nothing to show). */
function decide(ctx: CallContext, st: WarnState, text: string): string {
  const m = mod(ctx);
  const version = m.dict.getStr('_filters_version') ?? 0;
  const reg = st.registry;
  if (reg !== null) {
    if (reg.getStr('version') !== version) {
      reg.clear();
      reg.setStr('version', version);
    }
  }
  const key = newTuple([text, st.category, st.lineno]);
  if (reg !== null && reg.get(key) === true) return '';
  let action: PyValue = null;
  for (const f of filtersOf(m).items) {
    if (!(f instanceof PyTuple) || f.items.length !== 5) {
      throw pyErr(E.ValueError, `_warnings.filters item ${0} isn't a 5-tuple`);
    }
    const [act, msg, cat, modp, ln] = f.items as [PyValue, PyValue, PyValue, PyValue, PyValue];
    if (!(cat instanceof PyType) || !isSubtype(st.category, cat)) continue;
    if (!fieldMatches(msg, text) || !fieldMatches(modp, st.module)) continue;
    if (ln !== 0 && ln !== st.lineno) continue;
    action = act;
    break;
  }
  if (action === null) {
    const d = m.dict.getStr('defaultaction');
    action = typeof d === 'string' ? d : 'default';
  }
  if (action === 'error') return 'error';
  if (action === 'ignore') return '';
  if (action !== 'always') {
    if (reg !== null) reg.set(key, true);
    if (action === 'once') {
      const once = m.dict.getStr('_onceregistry');
      if (once instanceof PyDict) {
        const k2 = newTuple([text, st.category]);
        if (once.get(k2) === true) return '';
        once.set(k2, true);
      }
    } else if (action === 'module') {
      const k2 = newTuple([text, st.category, 0]);
      if (reg !== null) {
        if (reg.get(k2) === true) return '';
        reg.set(k2, true);
      }
    } else if (action !== 'default') {
      throw pyErr(E.RuntimeError, `Unrecognized action (${typeof action === 'string' ? pyReprStr(action) : String(action)}) in warnings.filters:\n ${String(action)}`);
    }
  }
  return 'show';
}

export function formatWarning(vm: VM, msgText: string, category: PyType, filename: string, lineno: number, line: PyValue): string {
  let s = `${filename}:${lineno}: ${category.name}: ${msgText}\n`;
  let src: string | null = typeof line === 'string' ? line : null;
  if (line === null) src = vm.host.getSourceLine(filename, lineno);
  if (src !== null && src.trim() !== '') s += `  ${src.trim()}\n`;
  return s;
}

function sysStderr(ctx: CallContext): PyValue {
  const sys = ctx.vm.modules.getStr('sys');
  if (sys instanceof PyModule) {
    const s = sys.dict.getStr('stderr');
    if (s !== undefined) return s;
  }
  return ctx.vm.stderr;
}

/** Writes text to a file object (sys.stderr when None): done, or a call to make. */
function writeTo(ctx: CallContext, file: PyValue, text: string): PyValue | Deferred {
  if (file === null) file = sysStderr(ctx);
  if (file === null) return null;
  if (file instanceof PyTextIO) {
    streamWrite(ctx.vm, file, text);
    return null;
  }
  const w = getAttr(ctx, file, 'write');
  if (isDeferred(w)) throw pyErr(E.TypeError, 'file.write via a property is not supported');
  return new NativeCall(w, [text]);
}

registerNativeImpl('warnings.warn', {
  resume(ctx, s, value, exc) {
    const st = s as WarnState;
    if (exc) {
      // OSError while writing a warning is ignored by CPython's showwarning
      if (st.phase === 'written' && isSubtype(exc.cls, E.OSError)) return null;
      rethrow(exc);
    }
    for (;;) {
      switch (st.phase) {
        case 'text': {
          st.phase = 'textDone';
          const r = strOf(ctx, st.instance);
          if (isDeferred(r)) return r;
          value = r;
          continue;
        }
        case 'textDone':
          st.text = value;
          st.phase = 'decide';
          continue;
        case 'decide': {
          const text = st.text;
          const act = decide(ctx, st, typeof text === 'string' ? text : String(text));
          if (act === '') return null;
          if (act === 'error') {
            if (st.instance !== null) throw new PyException(st.instance as PyBaseException);
            st.phase = 'raise';
            return new NativeCall(st.category, [st.message]);
          }
          const m = mod(ctx);
          const show = m.dict.getStr('showwarning');
          const fmt = m.dict.getStr('formatwarning');
          const log = m.dict.getStr('_record_log');
          if (show === showwarningFn && fmt === formatwarningFn && !(log instanceof PyList) && typeof st.text === 'string') {
            st.out = formatWarning(ctx.vm, st.text, st.category, st.filename, st.lineno, null);
            st.phase = 'written';
            const r = writeTo(ctx, null, st.out);
            return isDeferred(r) ? r : null;
          }
          if (st.instance === null) {
            st.phase = 'haveInstance';
            return new NativeCall(st.category, [st.message]);
          }
          value = st.instance;
          st.phase = 'haveInstance';
          continue;
        }
        case 'raise':
          throw new PyException(value as PyBaseException);
        case 'haveInstance': {
          st.instance = value;
          const m = mod(ctx);
          const show = m.dict.getStr('showwarning') ?? null;
          const log = m.dict.getStr('_record_log');
          if (show !== showwarningFn) {
            st.phase = 'done';
            return new NativeCall(show, [st.instance, st.category, st.filename, st.lineno, null, null]);
          }
          if (log instanceof PyList) {
            log.items.push(newWarningMessage(st.instance, st.category, st.filename, st.lineno, null, null));
            return null;
          }
          // a replaced formatwarning
          st.phase = 'formatted';
          return new NativeCall(m.dict.getStr('formatwarning') ?? null, [st.instance, st.category, st.filename, st.lineno, null]);
        }
        case 'formatted': {
          if (typeof value !== 'string') throw pyErr(E.TypeError, `write() argument must be str, not ${typeName(value)}`);
          st.phase = 'written';
          const r = writeTo(ctx, null, value);
          return isDeferred(r) ? r : null;
        }
        default:
          return null;
      }
    }
  },
});

// ------------------------------------------------------------------ showwarning / formatwarning

/** Message text of a warning message object: str(message) (maybe a call to make). */
function messageText(ctx: CallContext, message: PyValue): string | Deferred {
  return typeof message === 'string' ? message : strOf(ctx, message);
}

const formatwarningFn = makeBuiltin('warnings.formatwarning', 'formatwarning', (ctx, args, kwnames) => {
  const a = parseArgs('formatwarning', args, kwnames, { names: ['message', 'category', 'filename', 'lineno', 'line'], required: 4 });
  const [message, category, filename, lineno] = a.values as PyValue[];
  const line = a.values[4] ?? null;
  return new NativeFrameStart('warnings.format', { message, category, filename, lineno, line, file: null, write: false, phase: 0 });
}, 'function', null, 'warnings');

const showwarningFn = makeBuiltin('warnings.showwarning', 'showwarning', (ctx, args, kwnames) => {
  const a = parseArgs('showwarning', args, kwnames, { names: ['message', 'category', 'filename', 'lineno', 'file', 'line'], required: 4 });
  const [message, category, filename, lineno] = a.values as PyValue[];
  return new NativeFrameStart('warnings.format', {
    message, category, filename, lineno, line: a.values[5] ?? null, file: a.values[4] ?? null, write: true, phase: 0,
  });
}, 'function', null, 'warnings');

registerNativeImpl('warnings.format', {
  resume(ctx, st, value, exc) {
    if (exc) {
      if (st.phase === 2 && isSubtype(exc.cls, E.OSError)) return null;
      rethrow(exc);
    }
    if (st.phase === 0) {
      st.phase = 1;
      const r = messageText(ctx, st.message as PyValue);
      if (isDeferred(r)) return r;
      value = r;
    }
    if (st.phase === 1) {
      const cat = st.category as PyValue;
      const catName = cat instanceof PyType ? cat.name : typeName(cat);
      const lineno = st.lineno as PyValue;
      const lineText = typeof lineno === 'number' || typeof lineno === 'bigint' ? String(lineno) : String(lineno);
      let s = `${String(st.filename)}:${lineText}: ${catName}: ${String(value)}\n`;
      const line = st.line as PyValue;
      let src: string | null = typeof line === 'string' ? line : null;
      if (line === null && typeof st.filename === 'string' && typeof lineno === 'number') src = ctx.vm.host.getSourceLine(st.filename, lineno);
      if (src !== null && src.trim() !== '') s += `  ${src.trim()}\n`;
      if (!st.write) return s;
      st.phase = 2;
      const r = writeTo(ctx, st.file as PyValue, s);
      return isDeferred(r) ? r : null;
    }
    return null;
  },
});

// ------------------------------------------------------------------ filters

const simplefilterFn = makeBuiltin('warnings.simplefilter', 'simplefilter', (ctx, args, kwnames) => {
  const a = parseArgs('simplefilter', args, kwnames, { names: ['action', 'category', 'lineno', 'append'], required: 1 });
  const action = checkAction(a.values[0]!);
  const cat = checkCategory(a.values[1] ?? E.Warning, 'category');
  const ln = checkLineno(a.values[2]);
  addFilter(mod(ctx), newTuple([action, null, cat, null, ln]), a.values[3] === true);
  return null;
}, 'function', null, 'warnings');

const filterwarningsFn = makeBuiltin('warnings.filterwarnings', 'filterwarnings', (ctx, args, kwnames) => {
  const a = parseArgs('filterwarnings', args, kwnames, { names: ['action', 'message', 'category', 'module', 'lineno', 'append'], required: 1 });
  const action = checkAction(a.values[0]!);
  const message = a.values[1] ?? '';
  const module = a.values[3] ?? '';
  if (typeof message !== 'string') throw pyErr(E.AssertionError, 'message must be a string');
  if (typeof module !== 'string') throw pyErr(E.AssertionError, 'module must be a string');
  const cat = checkCategory(a.values[2] ?? E.Warning, 'category');
  const ln = checkLineno(a.values[4]);
  const entry = newTuple([action, message ? new PyWarnPattern(message, true) : null, cat, module ? new PyWarnPattern(module, false) : null, ln]);
  addFilter(mod(ctx), entry, a.values[5] === true);
  return null;
}, 'function', null, 'warnings');

const resetwarningsFn = makeBuiltin('warnings.resetwarnings', 'resetwarnings', (ctx, args, kwnames) => {
  parseArgs('resetwarnings', args, kwnames, { names: [] });
  const m = mod(ctx);
  filtersOf(m).items.length = 0;
  bumpVersion(m);
  return null;
}, 'function', null, 'warnings');

// ------------------------------------------------------------------ WarningMessage

export const warningMessageType = newBuiltinType('WarningMessage', [objectType], 'warnings', { layout: 'object' });

function newWarningMessage(message: PyValue, category: PyValue, filename: PyValue, lineno: PyValue, file: PyValue, line: PyValue): PyInstance {
  const d = new PyDict();
  d.setStr('message', message);
  d.setStr('category', category);
  d.setStr('filename', filename);
  d.setStr('lineno', lineno);
  d.setStr('file', file);
  d.setStr('line', line);
  d.setStr('source', null);
  d.setStr('_category_name', category instanceof PyType ? category.name : null);
  return new PyInstance(warningMessageType, d);
}

defineStaticMethods(warningMessageType, {
  __new__: (_ctx, args) => new PyInstance(newCls(args, warningMessageType), new PyDict()),
});
defineMethods(warningMessageType, {
  __init__: (_ctx, args, kwnames) => {
    const a = parseArgs('WarningMessage', args.slice(1), kwnames, {
      names: ['message', 'category', 'filename', 'lineno', 'file', 'line', 'source'], required: 4,
    });
    const self = args[0] as PyInstance;
    const w = newWarningMessage(a.values[0]!, a.values[1]!, a.values[2]!, a.values[3]!, a.values[4] ?? null, a.values[5] ?? null);
    w.dict!.setStr('source', a.values[6] ?? null);
    w.dict!.forEach((k, v) => self.dict!.set(k, v));
    return null;
  },
  __str__: (ctx, args) => {
    const d = (args[0] as PyInstance).dict!;
    const parts: PyValue[] = [d.getStr('message') ?? null, d.getStr('_category_name') ?? null, d.getStr('filename') ?? null, d.getStr('line') ?? null];
    return new NativeFrameStart('warnings.wmStr', { parts, out: [], lineno: d.getStr('lineno') ?? null, i: 0 });
  },
});

registerNativeImpl('warnings.wmStr', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const parts = st.parts as PyValue[];
    const out = st.out as string[];
    if ((st.i as number) > 0) out.push(value as string);
    while ((st.i as number) < parts.length) {
      const r = reprOf(ctx, parts[st.i as number]!);
      st.i = (st.i as number) + 1;
      if (isDeferred(r)) return r;
      out.push(r);
    }
    const lineno = st.lineno as PyValue;
    return `{message : ${out[0]}, category : ${out[1]}, filename : ${out[2]}, lineno : ${String(lineno)}, line : ${out[3]}}`;
  },
});

// ------------------------------------------------------------------ catch_warnings

export const catchWarningsType = newBuiltinType('catch_warnings', [objectType], 'warnings', { layout: 'object' });

export class PyCatchWarnings extends PyObject {
  record = false;
  action: PyValue = null;
  category: PyValue = null;
  lineno: PyValue = 0;
  append: PyValue = false;
  entered = false;
  saved: PyValue[] = [];
  constructor(cls: PyType = catchWarningsType) {
    super(cls);
  }
}
registerClass('PyCatchWarnings', PyCatchWarnings);

defineStaticMethods(catchWarningsType, {
  __new__: (_ctx, args) => {
    const o = new PyCatchWarnings(newCls(args, catchWarningsType));
    if (o.cls !== catchWarningsType) o.dict = new PyDict();
    return o;
  },
});

defineMethods(catchWarningsType, {
  __init__: (_ctx, args, kwnames) => {
    const a = parseArgs('catch_warnings', args.slice(1), kwnames, { names: [], kwOnly: ['record', 'module', 'action', 'category', 'lineno', 'append'] });
    const self = args[0] as PyCatchWarnings;
    self.record = a.values[0] === true || (a.values[0] !== undefined && a.values[0] !== false && a.values[0] !== null && a.values[0] !== 0);
    self.action = a.values[2] ?? null;
    self.category = a.values[3] ?? E.Warning;
    self.lineno = a.values[4] ?? 0;
    self.append = a.values[5] ?? false;
    return null;
  },
  __repr__: (_ctx, args) => {
    const self = args[0] as PyCatchWarnings;
    return self.record ? 'catch_warnings(record=True)' : 'catch_warnings()';
  },
  __enter__: (ctx, args) => {
    const self = args[0] as PyCatchWarnings;
    if (self.entered) throw pyErr(E.RuntimeError, `Cannot enter ${self.record ? 'catch_warnings(record=True)' : 'catch_warnings()'} twice`);
    self.entered = true;
    const m = mod(ctx);
    const filters = filtersOf(m);
    self.saved = [filters, m.dict.getStr('showwarning') ?? null, m.dict.getStr('_record_log') ?? null];
    m.dict.setStr('filters', new PyList(filters.items.slice()));
    bumpVersion(m);
    if (self.action !== null) {
      const action = checkAction(self.action);
      const cat = checkCategory(self.category, 'category');
      addFilter(m, newTuple([action, null, cat, null, checkLineno(self.lineno)]), self.append === true);
    }
    if (self.record) {
      const log = new PyList([]);
      m.dict.setStr('_record_log', log);
      m.dict.setStr('showwarning', showwarningFn);
      return log;
    }
    return null;
  },
  __exit__: (ctx, args) => {
    const self = args[0] as PyCatchWarnings;
    if (!self.entered) throw pyErr(E.RuntimeError, `Cannot exit ${self.record ? 'catch_warnings(record=True)' : 'catch_warnings()'} without entering first`);
    const m = mod(ctx);
    m.dict.setStr('filters', self.saved[0]!);
    m.dict.setStr('showwarning', self.saved[1]!);
    m.dict.setStr('_record_log', self.saved[2]!);
    bumpVersion(m);
    self.entered = false;
    return null;
  },
});

// ------------------------------------------------------------------ the module

export function initWarnings(vm: VM): PyModule {
  const once = new PyDict();
  return newModule(vm, 'warnings', {
    warn: warnFn,
    warn_explicit: warnExplicitFn,
    showwarning: showwarningFn,
    formatwarning: formatwarningFn,
    simplefilter: simplefilterFn,
    filterwarnings: filterwarningsFn,
    resetwarnings: resetwarningsFn,
    catch_warnings: catchWarningsType,
    WarningMessage: warningMessageType,
    filters: defaultFilters(),
    defaultaction: 'default',
    _onceregistry: once,
    onceregistry: once,
    _filters_version: 1,
    _record_log: null,
    __all__: new PyList(['warn', 'warn_explicit', 'showwarning', 'formatwarning', 'filterwarnings', 'simplefilter', 'resetwarnings', 'catch_warnings']),
  });
}
