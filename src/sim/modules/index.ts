// The registry of simulated modules: name -> initializer. Adding a module is one line.
// Initializers run on first import (per process) and return the module object; see
// src/sim/vm/README.md ("Modules").

import type { ModuleRegistry } from '../vm/vm';
import { initSys } from './sys';
import '../vm/builtins/index'; // the library's builtin types' methods and functions
import { initMath } from './math';
import { initRandom } from './random';
import { initCollectionsC } from './collections';
import { initTraceback } from './traceback';
import { initThreadLow } from './_thread';
import { initThreading } from './threading';
import { initQueue } from './queue';
import { initTime } from './time';
import { initOs } from './os';
import { initSignal } from './signal';
import { initMpSim, initMpSubmodule, initMultiprocessing } from './multiprocessing';
import { initCtypes } from './ctypes';
import { initPickle } from './multiprocessing-reduce';
import { initWarnings } from './warnings';

export const MODULES: ModuleRegistry = {
  sys: initSys,
  math: initMath,
  random: initRandom,
  _collections: initCollectionsC,
  traceback: initTraceback,
  _thread: initThreadLow,
  threading: initThreading,
  queue: initQueue,
  time: initTime,
  os: initOs,
  signal: initSignal,
  _mpsim: initMpSim,
  multiprocessing: initMultiprocessing,
  'multiprocessing.pool': initMpSubmodule('pool'),
  'multiprocessing.process': initMpSubmodule('process'),
  'multiprocessing.queues': initMpSubmodule('queues'),
  'multiprocessing.connection': initMpSubmodule('connection'),
  'multiprocessing.sharedctypes': initMpSubmodule('sharedctypes'),
  'multiprocessing.synchronize': initMpSubmodule('synchronize'),
  ctypes: initCtypes,
  pickle: initPickle,
  warnings: initWarnings,
};
