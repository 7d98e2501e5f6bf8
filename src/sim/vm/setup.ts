// Creating a VM: installs the builtin functions and types into `builtins`, sys.modules.

import {
  PyValue, PyType, NotImplemented, Ellipsis, objectType, typeType, intType, boolType, floatType,
  strType, bytesType, listType, tupleType, dictType, setType, frozensetType, rangeType, sliceType,
} from './objects';
import {
  PyBuiltinFunction, propertyType, classmethodType, staticmethodType, superType,
} from './function';
import { E, EXCEPTION_ALIASES } from './exceptions';
import { VM, type VMHost, type VMOptions } from './vm';
import { registerType } from './types';
import './natives';
import './import';
import './traceback';
import './core/object';
import './core/funcs';
import './core/exc';
import { CORE_BUILTINS } from './core/builtins';
import { installFallbacks } from './core/fallback';
import { installDunders } from './core/dunders';
import { initInterp } from './interp';
import './snapshot-classes';

const libraryBuiltins: PyBuiltinFunction[] = [];

/** The library engineer's builtins/index.ts calls this with its builtin functions
 *  (sorted, min, max, ...). Later registrations of a name replace earlier ones. */
export function installBuiltinFunctions(fns: PyBuiltinFunction[]): void {
  libraryBuiltins.push(...fns);
}

const BUILTIN_TYPES: PyType[] = [
  objectType, typeType, intType, boolType, floatType, strType, bytesType, listType, tupleType,
  dictType, setType, frozensetType, rangeType, sliceType, propertyType, classmethodType,
  staticmethodType, superType,
];

let initialized = false;
function initOnce(): void {
  if (initialized) return;
  initialized = true;
  installFallbacks();
  installDunders();
  initInterp();
}

export function createVM(options: VMOptions, host: VMHost): VM {
  initOnce();
  const vm = new VM(options, host);
  const b = vm.builtins;
  b.setStr('__name__', 'builtins');
  b.setStr('__doc__', null);
  b.setStr('__debug__', true);
  for (const t of BUILTIN_TYPES) b.setStr(t.name, t);
  for (const [name, t] of Object.entries(E)) b.setStr(name, t as PyValue);
  for (const [name, t] of Object.entries(EXCEPTION_ALIASES)) b.setStr(name, t);
  b.setStr('NotImplemented', NotImplemented);
  b.setStr('Ellipsis', Ellipsis);
  for (const f of CORE_BUILTINS) b.setStr(f.name, f);
  for (const f of libraryBuiltins) b.setStr(f.name, f);
  vm.modules.setStr('builtins', vm.builtinsModule);
  const sys = vm.registry['sys'];
  if (sys) vm.modules.setStr('sys', sys(vm));
  return vm;
}

// every core type has a stable id for snapshots
for (const t of BUILTIN_TYPES) registerType(t);
for (const t of Object.values(E)) registerType(t as PyType);
