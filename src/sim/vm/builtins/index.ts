// The library's builtins: importing this module registers the methods of the builtin
// types (side effects of each file) and installs the library's builtin functions
// (sorted, min, max, ...) through setup.ts. It must be imported after setup.ts has
// been evaluated (src/sim/modules/index.ts imports it).

import type { PyBuiltinFunction } from '../function';
import { installBuiltinFunctions } from '../setup';
import './str';
import './list';
import './tuple';
import './dict';
import './set';
import './numbers';
import './bytes';
import './format';
import './iters';
import { LIBRARY_FUNCTIONS } from './functions';

export const BUILTIN_FUNCTIONS: PyBuiltinFunction[] = LIBRARY_FUNCTIONS;
installBuiltinFunctions(BUILTIN_FUNCTIONS);
