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
  declare name: string;
  declare qualname: string;
  declare module: PyValue;
  declare doc: PyValue;
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
  declare code: CodeObject;
  constructor(code: CodeObject) {
    super(codeType);
    this.code = code;
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
  declare func: PyValue;
  declare self: PyValue;
  constructor(func: PyValue, self: PyValue) {
    super(methodType);
    this.func = func;
    this.self = self;
  }
}

export class PyProperty extends PyObject {
  declare fget: PyValue;
  declare fset: PyValue;
  declare fdel: PyValue;
  doc: PyValue = null;
  constructor(fget: PyValue, fset: PyValue, fdel: PyValue, cls: PyType = propertyType) {
    super(cls);
    this.fget = fget;
    this.fset = fset;
    this.fdel = fdel;
  }
}

export class PyClassMethod extends PyObject {
  declare func: PyValue;
  constructor(func: PyValue, cls: PyType = classmethodType) {
    super(cls);
    this.func = func;
  }
}

export class PyStaticMethod extends PyObject {
  declare func: PyValue;
  constructor(func: PyValue, cls: PyType = staticmethodType) {
    super(cls);
    this.func = func;
  }
}

/** super(thisType, obj): attribute lookup starts after thisType in type(obj).__mro__
 *  (or obj.__mro__ when obj is a class). */
export class PySuper extends PyObject {
  declare thisType: PyType;
  declare obj: PyValue;
  declare objType: PyType;
  constructor(thisType: PyType, obj: PyValue, objType: PyType) {
    super(superType);
    this.thisType = thisType;
    this.obj = obj;
    this.objType = objType;
  }
}

export class PyModule extends PyObject {
  declare name: string;
  declare dict: PyDict;
  constructor(name: string, dict: PyDict) {
    super(moduleType);
    this.name = name;
    this.dict = dict;
  }
}

/** A generator object. Its frame is suspended plain data; resuming pushes it on the
 *  thread's frame stack. */
export class PyGenerator extends PyObject {
  declare code: CodeObject;
  /** null once finished. */
  frame: Frame | null;
  running = false;
  started = false;
  name: string;
  qualname: string;
  /** The exception being handled inside the generator when it yielded (its own exc_info). */
  savedExc: PyValue = null;
  constructor(frame: Frame, code: CodeObject) {
    super(generatorType);
    this.code = code;
    this.frame = frame;
    frame.gen = this;
    this.name = code.name;
    this.qualname = code.qualname;
  }
}

/** A read-only view of a class namespace (cls.__dict__). */
export class PyMappingProxy extends PyObject {
  declare type: PyType;
  constructor(type: PyType) {
    super(mappingProxyType);
    this.type = type;
  }
}

export const memberDescrType = bt('member_descriptor');

/** A __slots__ entry: stores the attribute in the instance's (hidden) dict. */
export class PyMemberDescr extends PyObject {
  declare name: string;
  declare owner: PyType;
  constructor(name: string, owner: PyType) {
    super(memberDescrType);
    this.name = name;
    this.owner = owner;
  }
}
