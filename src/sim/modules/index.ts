// The registry of simulated modules: name -> initializer. Adding a module is one line.
// Initializers run on first import (per process) and return the module object; see
// src/sim/vm/README.md ("Modules").

import type { ModuleRegistry } from '../vm/vm';
import { initSys } from './sys';
import '../vm/builtins/index'; // the library's builtin types' methods and functions

export const MODULES: ModuleRegistry = {
  sys: initSys,
};
