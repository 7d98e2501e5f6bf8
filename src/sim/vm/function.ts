// Callables and related objects: functions, cells, builtin functions, bound methods,
// descriptors (property, classmethod, staticmethod), super, modules, generators, code.

import type { CodeObject } from '../compiler/code';
import { PyObject, PyType, PyValue, objectType, typeType } from './objects';
import type { PyDict } from './dict';
import type { Frame, NativeFn } from './frame';

function bt(name: string, baseable = false, module = 'builtins'): PyType {
  return new PyType(name, [objectType], { builtin: true, layout: 'other', baseable, module });
}

export const functionType = bt('function');
export const builtinFunctionType = bt('builtin_function_or_method');
export const methodType = bt('method');
export const cellType = bt('cell');
export const codeType = bt('code');
export const moduleType = new PyType('module', [objectType], { builtin: true, layout: 'object', baseable: true });
export const propertyType = new PyType('property', [objectType], { builtin: true, layout: 'other', baseable: true });
export const classmethodType = new PyType('classmethod', [objectType], { builtin: true, layout: 'other', baseable: true });
export const staticmethodType = new PyType('staticmethod', [objectType], { builtin: true, layout: 'other', baseable: true });
export const superType = new PyType('super', [objectType], { builtin: true, layout: 'other', baseable: true });
export const generatorType = bt('generator');
export const mappingProxyType = bt('mappingproxy');
void typeType;

/** A Python function (def / lambda / comprehension body). */
export class PyFunction extends PyObject {
  name: string;
  qualname: string;
  module: PyValue;
  doc: PyValue;
  constructor(
    public code: CodeObject,
    public globals: PyDict,
    /** Defaults of the last positional parameters, or null. */
    public defaults: PyValue[] | null,
    /** Keyword-only defaults, or null. */
    public kwdefaults: PyDict | null,
    /** Free-variable cells (code.freevars order), or null. */
    public closure: PyCell[] | null,
  ) {
    super(functionType);
    this.name = code.name;
    this.qualname = code.qualname;
    this.module = globals.getStr('__name__') ?? null;
    this.doc = code.docstring;
  }
}

export class PyCell extends PyObject {
  /** UNBOUND (from objects.ts) when empty. */
  constructor(public value: PyValue | import('./objects').Sentinel) {
    super(cellType);
  }
}

/** Code objects exposed to Python (f.__code__): a thin wrapper, the CodeObject is shared. */
export class PyCode extends PyObject {
  constructor(public code: CodeObject) {
    super(codeType);
  }
}

/** How a builtin function behaves when found on a type:
 *  'function': a plain function (module-level builtins; never binds),
 *  'method': binds the instance (self = args[0]),
 *  'classmethod': binds the class (args[0] = the class),
 *  'static': never binds (like staticmethod). */
export type BuiltinKind = 'function' | 'method' | 'classmethod' | 'static';

/** A function implemented in TypeScript. Global and immutable: snapshots refer to it by
 *  `id` (see types.ts registerBuiltin). */
export class PyBuiltinFunction extends PyObject {
  constructor(
    /** Stable registry id, e.g. 'builtins.len', 'str.upper'. */
    readonly id: string,
    readonly name: string,
    readonly fn: NativeFn,
    readonly kind: BuiltinKind = 'function',
    /** The type a method belongs to (for error messages and binding checks). */
    readonly owner: PyType | null = null,
    readonly qualname: string = name,
    readonly module: string | null = 'builtins',
  ) {
    super(builtinFunctionType);
  }
}

/** A function bound to an object (instance methods) or a class (classmethods). */
export class PyBoundMethod extends PyObject {
  constructor(public func: PyValue, public self: PyValue) {
    super(methodType);
  }
}

export class PyProperty extends PyObject {
  doc: PyValue = null;
  constructor(public fget: PyValue, public fset: PyValue, public fdel: PyValue, cls: PyType = propertyType) {
    super(cls);
  }
}

export class PyClassMethod extends PyObject {
  constructor(public func: PyValue, cls: PyType = classmethodType) {
    super(cls);
  }
}

export class PyStaticMethod extends PyObject {
  constructor(public func: PyValue, cls: PyType = staticmethodType) {
    super(cls);
  }
}

/** super(thisType, obj): attribute lookup starts after thisType in type(obj).__mro__
 *  (or obj.__mro__ when obj is a class). */
export class PySuper extends PyObject {
  constructor(public thisType: PyType, public obj: PyValue, public objType: PyType) {
    super(superType);
  }
}

export class PyModule extends PyObject {
  declare dict: PyDict;
  constructor(public name: string, dict: PyDict) {
    super(moduleType);
    this.dict = dict;
  }
}

/** A generator object. Its frame is suspended plain data; resuming pushes it on the
 *  thread's frame stack. */
export class PyGenerator extends PyObject {
  /** null once finished. */
  frame: Frame | null;
  running = false;
  started = false;
  name: string;
  qualname: string;
  /** The exception being handled inside the generator when it yielded (its own exc_info). */
  savedExc: PyValue = null;
  constructor(frame: Frame, public code: CodeObject) {
    super(generatorType);
    this.frame = frame;
    frame.gen = this;
    this.name = code.name;
    this.qualname = code.qualname;
  }
}

/** A read-only view of a class namespace (cls.__dict__). */
export class PyMappingProxy extends PyObject {
  constructor(public type: PyType) {
    super(mappingProxyType);
  }
}

export const memberDescrType = bt('member_descriptor');

/** A __slots__ entry: stores the attribute in the instance's (hidden) dict. */
export class PyMemberDescr extends PyObject {
  constructor(public name: string, public owner: PyType) {
    super(memberDescrType);
  }
}
