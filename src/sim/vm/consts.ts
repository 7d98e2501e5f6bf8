// Converts code-object constants to Python values (cached per code object).

import type { CodeConst, CodeObject } from '../compiler/code';
import { PyValue, PyFloat, PyBytes, Ellipsis, normInt, newTuple } from './objects';
import { PyCode } from './function';

const cache = new WeakMap<CodeObject, PyValue[]>();

export function constValue(c: CodeConst): PyValue {
  switch (c.type) {
    case 'int':
      return normInt(c.value);
    case 'float':
      return new PyFloat(c.value);
    case 'str':
      return c.value;
    case 'bytes':
      return new PyBytes(c.value.slice());
    case 'bool':
      return c.value;
    case 'None':
      return null;
    case 'Ellipsis':
      return Ellipsis;
    case 'tuple':
      return newTuple(c.items.map(constValue));
    case 'kwnames':
      return null; // read directly from code.consts by KW_NAMES
    case 'code':
      return new PyCode(c.code);
  }
}

/** The converted constants of a code object, cached in a hidden (non-enumerable)
 *  property: snapshots never see it, and lookups are cheaper than a WeakMap's. */
export function constsOf(code: CodeObject): PyValue[] {
  const hidden = (code as unknown as { $consts?: PyValue[] }).$consts;
  if (hidden !== undefined) return hidden;
  let v = cache.get(code);
  if (v === undefined) {
    v = code.consts.map(constValue);
    cache.set(code, v);
    Object.defineProperty(code, '$consts', { value: v, enumerable: false, writable: false });
  }
  return v;
}
