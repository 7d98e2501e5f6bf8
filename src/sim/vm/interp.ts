// The interpreter loop. One big function on purpose: V8 keeps the hot locals (stack,
// locals, ip, ops) in registers across the switch, and inline fast paths for ints,
// floats, strs, lists, tuples and dicts avoid calls per instruction. Everything slow is in
// helper modules. It executes up to `budget` instructions of one thread and returns at a
// syscall, when the thread finishes or dies, or (stopAtBreaker) after an eval-breaker
// instruction.

import { Op } from '../compiler/opcodes';
import { CodeFlags } from '../compiler/code';
import {
  PyValue, PyFloat, PyList, PyTuple, Sentinel, NULL, UNBOUND, PUSHED, SUSPENDED, NO_RESULT,
  PyInstance, PySlice, newTuple, EMPTY_TUPLE, typeOf, isSubtype, PyType, normInt,
  dictType, listType, floatType, ITER_STOP, objectType, typeState, typeType,
} from './objects';
import { PyDict, PySet, keyOf, CUSTOM_KEY } from './dict';
import {
  PyFunction, PyBuiltinFunction, PyCell, PyCode, PyGenerator, PyBoundMethod, PyModule, PySuper,
} from './function';
import { E, PyBaseException, pyErr, newException } from './exceptions';
import { GenMode, NativeCall, NativeFrameStart, SyscallRequest, type CallContext, type Frame, type NativeFrame, type PyThreadState } from './frame';
import { getNativeImpl } from './types';
import {
  callValue, deliver, pushNativeFrame, pushPyFrame, raiseInThread, runDeferred, toPyException,
  genYield, genReturn, resumeGenerator, setYieldFromOp, nativeResult, lineOf, finalizeIfUnreachable,
} from './runtime';
import { bindFrame, fastFrame, NO_BLOCKS, releaseFrame } from './call';
import { constsOf } from './consts';
import { COST, NATIVE_COST } from './cost';
import {
  getAttr, setAttr, delAttr, lookupType, truthFast, getIter, isDeferred, keyOrThrow,
} from './protocol';
import { binaryOp, compareOp, containsOp } from './binop';
import { PyListIterator, PyRangeIterator, PyIterator } from './iterators';
import { getItem, setItem, delItem, unaryOp, formatValue, unpackFast, dictMerge } from './subscr';
import { importName, importFrom, importStar } from './import';
import type { VM } from './vm';

setYieldFromOp(Op.YIELD_FROM);

/** Outcome of step/runSteps. */
export type StepResult =
  | { kind: 'continue'; breaker: boolean }
  | { kind: 'syscall'; request: SyscallRequest }
  | { kind: 'finished'; value: PyValue }
  | { kind: 'died'; exc: PyBaseException };

const CONT: StepResult = { kind: 'continue', breaker: false };
const CONT_BREAK: StepResult = { kind: 'continue', breaker: true };

/** Executes exactly one instruction (or one native-frame resume). */
export function step(vm: VM, t: PyThreadState): StepResult {
  return runSteps(vm, t, 1, false);
}

let lastWasBreaker = false;

/** Executes up to `budget` instructions. Stops early at a syscall, at the end of the
 *  thread, or right after an eval-breaker point when `stopAtBreaker`. */
export function runSteps(vm: VM, t: PyThreadState, budget: number, stopAtBreaker = false): StepResult {
  if (t.status !== 'runnable') return resultOf(t);
  lastWasBreaker = false;
  const ctx: CallContext = { vm, thread: t };
  run(ctx, t, budget, stopAtBreaker);
  if (t.status !== 'runnable') return resultOf(t);
  return lastWasBreaker ? CONT_BREAK : CONT;
}

function resultOf(t: PyThreadState): StepResult {
  switch (t.status) {
    case 'syscall':
      return { kind: 'syscall', request: t.syscall! };
    case 'finished':
      return { kind: 'finished', value: t.result };
    case 'died':
      return { kind: 'died', exc: t.uncaught! };
    default:
      return lastWasBreaker ? CONT_BREAK : CONT;
  }
}

/** Resumes a thread suspended in a syscall with the call's result. */
export function resumeWith(vm: VM, t: PyThreadState, value: PyValue): void {
  if (t.status !== 'syscall') throw new Error('resumeWith: thread is not in a syscall');
  t.status = 'runnable';
  t.syscall = null;
  deliver(t, value);
}

/** Resumes a thread suspended in a syscall by raising `exc` at the call. */
export function resumeWithException(vm: VM, t: PyThreadState, exc: PyBaseException): void {
  if (t.status !== 'syscall') throw new Error('resumeWithException: thread is not in a syscall');
  t.status = 'runnable';
  t.syscall = null;
  raiseInThread({ vm, thread: t }, exc, true);
}

/** Raises an exception in a thread at its current instruction boundary (signals:
 *  KeyboardInterrupt). A thread blocked in a syscall gets it as the call's exception. */
export function raiseAsync(vm: VM, t: PyThreadState, exc: PyBaseException): void {
  if (t.status === 'syscall') {
    resumeWithException(vm, t, exc);
    return;
  }
  raiseInThread({ vm, thread: t }, exc, true);
}

/** Runs `callee(*args)` on thread `t` at its current instruction boundary, then lets the
 *  thread continue as if nothing happened (a signal handler between instructions). If the
 *  thread is blocked in a syscall, the handler runs first and the same request is then
 *  issued again (PEP 475: the call is retried; the kernel sees the request anew and may
 *  shorten a timeout). An exception from the handler propagates from the interrupted
 *  point (for a syscall: from the blocking call). */
export function callInterrupt(vm: VM, t: PyThreadState, callee: PyValue, args: PyValue[]): void {
  const retry = t.status === 'syscall' ? t.syscall : null;
  t.status = 'runnable';
  t.syscall = null;
  pushNativeFrame({ vm, thread: t }, new NativeFrameStart('vm.interrupt', { callee, args, retry, phase: 0 }));
}

function stepNative(ctx: CallContext, nf: NativeFrame): void {
  const t = ctx.thread;
  const impl = getNativeImpl(nf.impl);
  const value = nf.value;
  const exc = nf.exc;
  nf.value = null;
  nf.exc = null;
  const r = impl.resume(ctx, nf.state, value, exc);
  if (r instanceof NativeCall) {
    let res: PyValue | Sentinel;
    try {
      res = callValue(ctx, r.callee, r.args, r.kwnames);
    } catch (e) {
      const pe = toPyException(e);
      if (t.frame === nf) {
        // the callee failed before a frame was pushed: the native frame gets the exception
        raiseInThread(ctx, pe, true);
        return;
      }
      throw e;
    }
    if (res !== PUSHED && res !== SUSPENDED) {
      nf.value = res as PyValue;
    }
    return;
  }
  if (r instanceof NativeFrameStart) {
    pushNativeFrame(ctx, r);
    return;
  }
  if (r instanceof SyscallRequest) {
    t.status = 'syscall';
    t.syscall = r;
    return;
  }
  if (r === PUSHED) return; // the impl pushed a frame itself
  // return
  t.frame = nf.back;
  deliver(t, r as PyValue | Sentinel);
}

function run(ctx: CallContext, t: PyThreadState, budget: number, stopAtBreaker: boolean): void {
  let executed = 0;
  let cost = 0;
  outer: while (executed < budget) {
    const fr = t.frame;
    if (fr === null || t.status !== 'runnable') break;
    if (fr.kind === 'native') {
      executed++;
      cost += NATIVE_COST;
      try {
        stepNative(ctx, fr);
      } catch (e) {
        const exc = toPyException(e);
        // the native frame itself raised: pop it, raise in its caller
        if (t.frame === fr) t.frame = fr.back;
        raiseInThread(ctx, exc, true);
      }
      if (t.status !== 'runnable') break;
      continue;
    }
    const f: Frame = fr;
    const code = f.code;
    const ops = code.ops;
    const args = code.args;
    const consts = constsOf(code);
    const ic = icOf(code);
    const names = code.names;
    const stack = f.stack;
    const locals = f.locals;
    let ip = f.ip;
    try {
      for (;;) {
        if (executed >= budget) {
          f.ip = ip;
          break outer;
        }
        const op = ops[ip]!;
        const arg = args[ip]!;
        f.lasti = ip;
        ip++;
        executed++;
        cost += COST[op]!;
        switch (op) {
          case Op.NOP:
            break;
          case Op.POP_TOP: {
            const v = stack.pop();
            if (v instanceof PyGenerator && v.frame !== null) {
              f.ip = ip;
              if (finalizeIfUnreachable(ctx, v)) continue outer;
            }
            break;
          }
          case Op.COPY:
            stack.push(stack[stack.length - arg]!);
            break;
          case Op.SWAP: {
            const i = stack.length - arg;
            const tmp = stack[i]!;
            stack[i] = stack[stack.length - 1]!;
            stack[stack.length - 1] = tmp;
            break;
          }
          case Op.PUSH_NULL:
            stack.push(NULL);
            break;
          case Op.LOAD_CONST:
            stack.push(consts[arg]!);
            break;
          case Op.LOAD_FAST: {
            const v = locals[arg]!;
            if (v === UNBOUND) throw unboundLocal(code.varnames[arg]!);
            stack.push(v);
            break;
          }
          case Op.STORE_FAST:
            locals[arg] = stack.pop() as PyValue;
            break;
          case Op.DELETE_FAST: {
            const old = locals[arg];
            if (old === UNBOUND) throw unboundLocal(code.varnames[arg]!);
            locals[arg] = UNBOUND;
            if (old instanceof PyGenerator && old.frame !== null) {
              f.ip = ip;
              if (finalizeIfUnreachable(ctx, old)) continue outer;
            }
            break;
          }
          case Op.LOAD_DEREF: {
            const v = f.cells[arg]!.value;
            if (v === UNBOUND) throw unboundDeref(f, arg);
            stack.push(v);
            break;
          }
          case Op.STORE_DEREF:
            f.cells[arg]!.value = stack.pop() as PyValue;
            break;
          case Op.DELETE_DEREF:
            if (f.cells[arg]!.value === UNBOUND) throw unboundDeref(f, arg);
            f.cells[arg]!.value = UNBOUND;
            break;
          case Op.LOAD_CLOSURE:
            stack.push(f.cells[arg]!);
            break;
          case Op.LOAD_CLASSDEREF: {
            const name = arg < code.cellvars.length ? code.cellvars[arg]! : code.freevars[arg - code.cellvars.length]!;
            const v = f.ns?.getStr(name);
            if (v !== undefined) {
              stack.push(v);
              break;
            }
            const c = f.cells[arg]!.value;
            if (c === UNBOUND) throw unboundDeref(f, arg);
            stack.push(c);
            break;
          }
          case Op.LOAD_GLOBAL: {
            // inline cache: (globals, version, slot) or (builtins, version, slot) while the
            // name is absent from globals (versions change on insert/delete only)
            const e = ic[ip] as GlobalIC | undefined;
            const g = f.globals;
            if (e !== undefined && e.g === g && e.gv === g.version) {
              if (e.slot >= 0) {
                stack.push(g.vals[e.slot]!);
                break;
              }
              const b = f.builtins;
              if (e.b === b && e.bv === b.version) {
                stack.push(b.vals[e.bslot]!);
                break;
              }
            }
            const name = names[arg]!;
            let v = g.getStr(name);
            if (v === undefined) {
              v = f.builtins.getStr(name);
              if (v === undefined) throw nameError(name);
              ic[ip] = { g, gv: g.version, slot: -1, b: f.builtins, bv: f.builtins.version, bslot: f.builtins.slotOf(name) };
            } else {
              ic[ip] = { g, gv: g.version, slot: g.slotOf(name), b: null, bv: 0, bslot: -1 };
            }
            stack.push(v);
            break;
          }
          case Op.STORE_GLOBAL: {
            const g = f.globals;
            const e = ic[ip] as GlobalIC | undefined;
            if (e !== undefined && e.g === g && e.gv === g.version && e.slot >= 0) {
              g.vals[e.slot] = stack.pop() as PyValue;
              break;
            }
            const name = names[arg]!;
            g.setStr(name, stack.pop() as PyValue);
            ic[ip] = { g, gv: g.version, slot: g.slotOf(name), b: null, bv: 0, bslot: -1 };
            break;
          }
          case Op.DELETE_GLOBAL:
            if (!f.globals.delStr(names[arg]!)) throw nameError(names[arg]!);
            break;
          case Op.LOAD_NAME: {
            const g = f.globals;
            if (f.ns === g) {
              // module level: same inline cache as LOAD_GLOBAL
              const e = ic[ip] as GlobalIC | undefined;
              if (e !== undefined && e.g === g && e.gv === g.version) {
                if (e.slot >= 0) {
                  stack.push(g.vals[e.slot]!);
                  break;
                }
                const b = f.builtins;
                if (e.b === b && e.bv === b.version) {
                  stack.push(b.vals[e.bslot]!);
                  break;
                }
              }
              const name = names[arg]!;
              let v = g.getStr(name);
              if (v === undefined) {
                v = f.builtins.getStr(name);
                if (v === undefined) throw nameError(name);
                ic[ip] = { g, gv: g.version, slot: -1, b: f.builtins, bv: f.builtins.version, bslot: f.builtins.slotOf(name) };
              } else {
                ic[ip] = { g, gv: g.version, slot: g.slotOf(name), b: null, bv: 0, bslot: -1 };
              }
              stack.push(v);
              break;
            }
            const name = names[arg]!;
            let v = f.ns !== null ? f.ns.getStr(name) : undefined;
            if (v === undefined) {
              v = f.globals.getStr(name);
              if (v === undefined) {
                v = f.builtins.getStr(name);
                if (v === undefined) throw nameError(name);
              }
            }
            stack.push(v);
            break;
          }
          case Op.STORE_NAME: {
            const ns = f.ns ?? f.globals;
            const e = ic[ip] as GlobalIC | undefined;
            if (e !== undefined && e.g === ns && e.gv === ns.version && e.slot >= 0) {
              ns.vals[e.slot] = stack.pop() as PyValue;
              break;
            }
            const name = names[arg]!;
            ns.setStr(name, stack.pop() as PyValue);
            ic[ip] = { g: ns, gv: ns.version, slot: ns.slotOf(name), b: null, bv: 0, bslot: -1 };
            break;
          }
          case Op.DELETE_NAME: {
            const ns = f.ns ?? f.globals;
            const old = ns.getStr(names[arg]!);
            if (!ns.delStr(names[arg]!)) throw nameError(names[arg]!);
            if (old instanceof PyGenerator && old.frame !== null) {
              f.ip = ip;
              if (finalizeIfUnreachable(ctx, old)) continue outer;
            }
            break;
          }

          // ---------------------------------------------------------- attributes
          case Op.LOAD_ATTR: {
            const obj = stack.pop() as PyValue;
            const name = names[arg]!;
            if (obj instanceof PyInstance) {
              // inline cache: the class (at this type epoch) has no attribute `name`
              const e = ic[ip] as TypeIC | undefined;
              let absent = e !== undefined && e.cls === obj.cls && e.epoch === typeState.epoch;
              if (!absent && lookupType(obj.cls, name) === undefined) {
                ic[ip] = { cls: obj.cls, epoch: typeState.epoch, value: null };
                absent = true;
              }
              if (absent) {
                const v = obj.dict!.getStr(name);
                if (v !== undefined) {
                  stack.push(v);
                  break;
                }
              }
            }
            const r = getAttr(ctx, obj, name);
            if (isDeferred(r)) {
              f.ip = ip;
              runDeferred(ctx, r);
              if (t.frame !== f || t.status !== 'runnable') continue outer;
              break;
            }
            stack.push(r);
            break;
          }
          case Op.STORE_ATTR: {
            const obj = stack.pop() as PyValue;
            const v = stack.pop() as PyValue;
            const name = names[arg]!;
            if (obj instanceof PyInstance) {
              const e = ic[ip] as TypeIC | undefined;
              if (e !== undefined && e.cls === obj.cls && e.epoch === typeState.epoch) {
                obj.dict!.setStr(name, v);
                break;
              }
              const d = lookupType(obj.cls, name);
              if (d === undefined && lookupType(obj.cls, '__setattr__') === OBJECT_SETATTR.v && !obj.cls.slotted) {
                ic[ip] = { cls: obj.cls, epoch: typeState.epoch, value: null };
                obj.dict!.setStr(name, v);
                break;
              }
            }
            const r = setAttr(ctx, obj, name, v);
            if (r !== undefined) {
              f.ip = ip;
              pushNativeFrame(ctx, new NativeFrameStart('vm.discard', { d: r }));
              continue outer;
            }
            break;
          }
          case Op.DELETE_ATTR: {
            const obj = stack.pop() as PyValue;
            const r = delAttr(ctx, obj, names[arg]!);
            if (r !== undefined) {
              f.ip = ip;
              pushNativeFrame(ctx, new NativeFrameStart('vm.discard', { d: r }));
              continue outer;
            }
            break;
          }
          case Op.LOAD_METHOD: {
            const obj = stack[stack.length - 1] as PyValue;
            const name = names[arg]!;
            if (obj instanceof PyInstance) {
              const e = ic[ip] as TypeIC | undefined;
              let d: PyValue | undefined;
              if (e !== undefined && e.cls === obj.cls && e.epoch === typeState.epoch) d = e.value;
              else {
                d = lookupType(obj.cls, name);
                if (d instanceof PyFunction) ic[ip] = { cls: obj.cls, epoch: typeState.epoch, value: d };
              }
              if (d instanceof PyFunction && obj.dict!.getStr(name) === undefined) {
                stack[stack.length - 1] = d;
                stack.push(obj);
                break;
              }
            } else if (!(obj instanceof PyType) && !(obj instanceof PyModule) && !(obj instanceof PySuper)) {
              const d = lookupType(typeOf(obj), name);
              if (d instanceof PyBuiltinFunction && d.kind === 'method') {
                stack[stack.length - 1] = d;
                stack.push(obj);
                break;
              }
            }
            const r = getAttr(ctx, obj, name);
            stack[stack.length - 1] = NULL;
            if (isDeferred(r)) {
              f.ip = ip;
              runDeferred(ctx, r);
              if (t.frame !== f || t.status !== 'runnable') continue outer;
              break;
            }
            stack.push(r);
            break;
          }
          case Op.BINARY_SUBSCR: {
            const k = stack.pop() as PyValue;
            const c = stack.pop() as PyValue;
            if (c instanceof PyList && typeof k === 'number' && c.cls === LIST_TYPE.v) {
              const items = c.items;
              const i = k < 0 ? k + items.length : k;
              if (i >= 0 && i < items.length) {
                stack.push(items[i]!);
                break;
              }
            } else if (c instanceof PyDict && c.cls === DICT_TYPE.v) {
              const ck = keyOf(k);
              if (ck !== CUSTOM_KEY) {
                const v = c.getCk(ck);
                if (v !== undefined) {
                  stack.push(v);
                  break;
                }
              }
            }
            const r = getItem(ctx, c, k);
            if (isDeferred(r)) {
              f.ip = ip;
              runDeferred(ctx, r);
              if (t.frame !== f || t.status !== 'runnable') continue outer;
              break;
            }
            stack.push(r);
            break;
          }
          case Op.STORE_SUBSCR: {
            const k = stack.pop() as PyValue;
            const c = stack.pop() as PyValue;
            const v = stack.pop() as PyValue;
            if (c instanceof PyList && typeof k === 'number' && c.cls === LIST_TYPE.v) {
              const items = c.items;
              const i = k < 0 ? k + items.length : k;
              if (i >= 0 && i < items.length) {
                items[i] = v;
                break;
              }
            } else if (c instanceof PyDict && c.cls === DICT_TYPE.v) {
              const ck = keyOrThrow(k);
              if (ck !== CUSTOM_KEY) {
                c.setCk(ck, k, v);
                break;
              }
            }
            const r = setItem(ctx, c, k, v);
            if (r !== undefined) {
              f.ip = ip;
              pushNativeFrame(ctx, new NativeFrameStart('vm.discard', { d: r }));
              continue outer;
            }
            break;
          }
          case Op.DELETE_SUBSCR: {
            const k = stack.pop() as PyValue;
            const c = stack.pop() as PyValue;
            const r = delItem(ctx, c, k);
            if (r !== undefined) {
              f.ip = ip;
              pushNativeFrame(ctx, new NativeFrameStart('vm.discard', { d: r }));
              continue outer;
            }
            break;
          }
          case Op.BUILD_SLICE: {
            const step = arg === 3 ? (stack.pop() as PyValue) : null;
            const stop = stack.pop() as PyValue;
            const start = stack.pop() as PyValue;
            stack.push(new PySlice(start, stop, step));
            break;
          }

          // ---------------------------------------------------------- operators
          case Op.BINARY_OP: {
            const b = stack.pop() as PyValue;
            const a = stack.pop() as PyValue;
            if (typeof a === 'number' && typeof b === 'number') {
              let r: number;
              switch (arg) {
                case 0:
                case 13:
                  r = a + b;
                  if (Number.isSafeInteger(r)) {
                    stack.push(r);
                    continue;
                  }
                  break;
                case 10:
                case 23:
                  r = a - b;
                  if (Number.isSafeInteger(r)) {
                    stack.push(r);
                    continue;
                  }
                  break;
                case 5:
                case 18:
                  r = a * b;
                  if (Number.isSafeInteger(r)) {
                    stack.push(r === 0 ? 0 : r);
                    continue;
                  }
                  break;
                case 6:
                case 19:
                  if (b > 0 && a >= 0) {
                    stack.push(a % b);
                    continue;
                  }
                  break;
                case 2:
                case 15:
                  if (b > 0 && a >= 0) {
                    stack.push(Math.floor(a / b));
                    continue;
                  }
                  break;
                case 11:
                case 24:
                  if (b !== 0) {
                    stack.push(new PyFloat(a / b));
                    continue;
                  }
                  break;
                default:
                  break;
              }
            } else if (a instanceof PyFloat && b instanceof PyFloat && a.cls === FLOAT_TYPE.v && b.cls === FLOAT_TYPE.v) {
              switch (arg) {
                case 0:
                case 13:
                  stack.push(new PyFloat(a.value + b.value));
                  continue;
                case 10:
                case 23:
                  stack.push(new PyFloat(a.value - b.value));
                  continue;
                case 5:
                case 18:
                  stack.push(new PyFloat(a.value * b.value));
                  continue;
                default:
                  break;
              }
            } else if (typeof a === 'string' && typeof b === 'string' && (arg === 0 || arg === 13)) {
              stack.push(a + b);
              continue;
            }
            const r = binaryOp(ctx, arg, a, b);
            if (isDeferred(r)) {
              f.ip = ip;
              runDeferred(ctx, r);
              if (t.frame !== f || t.status !== 'runnable') continue outer;
              break;
            }
            stack.push(r);
            break;
          }
          case Op.UNARY_POSITIVE:
          case Op.UNARY_NEGATIVE:
          case Op.UNARY_INVERT: {
            const a = stack.pop() as PyValue;
            if (typeof a === 'number' && op === Op.UNARY_NEGATIVE && a !== 0) {
              stack.push(-a);
              break;
            }
            const r = unaryOp(ctx, op === Op.UNARY_POSITIVE ? '+' : op === Op.UNARY_NEGATIVE ? '-' : '~', a);
            if (isDeferred(r)) {
              f.ip = ip;
              runDeferred(ctx, r);
              if (t.frame !== f || t.status !== 'runnable') continue outer;
              break;
            }
            stack.push(r);
            break;
          }
          case Op.UNARY_NOT: {
            const a = stack.pop() as PyValue;
            const b = a === true ? true : a === false ? false : truthFast(a);
            if (b !== undefined) {
              stack.push(!b);
              break;
            }
            f.ip = ip;
            pushNativeFrame(ctx, new NativeFrameStart('vm.truth', { v: a, phase: 0, negate: true }));
            continue outer;
          }
          case Op.COMPARE_OP: {
            const b = stack.pop() as PyValue;
            const a = stack.pop() as PyValue;
            if (typeof a === 'number' && typeof b === 'number') {
              stack.push(arg === 0 ? a < b : arg === 1 ? a <= b : arg === 2 ? a === b : arg === 3 ? a !== b : arg === 4 ? a > b : a >= b);
              break;
            }
            const r = compareOp(ctx, arg, a, b);
            if (isDeferred(r)) {
              f.ip = ip;
              runDeferred(ctx, r);
              if (t.frame !== f || t.status !== 'runnable') continue outer;
              break;
            }
            stack.push(r);
            break;
          }
          case Op.IS_OP: {
            const b = stack.pop() as PyValue;
            const a = stack.pop() as PyValue;
            stack.push((a === b) !== (arg === 1));
            break;
          }
          case Op.CONTAINS_OP: {
            const c = stack.pop() as PyValue;
            const item = stack.pop() as PyValue;
            const r = containsOp(ctx, item, c);
            if (typeof r === 'boolean') {
              stack.push(r !== (arg === 1));
              break;
            }
            f.ip = ip;
            pushNativeFrame(ctx, new NativeFrameStart('vm.negateIf', { d: r, negate: arg === 1, phase: 0 }));
            continue outer;
          }

          // ---------------------------------------------------------- building
          case Op.BUILD_TUPLE: {
            if (arg === 0) {
              stack.push(EMPTY_TUPLE);
              break;
            }
            const items = stack.splice(stack.length - arg, arg) as PyValue[];
            stack.push(new PyTuple(items));
            break;
          }
          case Op.BUILD_LIST: {
            const items = arg === 0 ? [] : (stack.splice(stack.length - arg, arg) as PyValue[]);
            stack.push(new PyList(items));
            break;
          }
          case Op.BUILD_SET: {
            const items = stack.splice(stack.length - arg, arg) as PyValue[];
            const s = new PySet();
            let i = 0;
            for (; i < items.length; i++) {
              const ck = keyOrThrow(items[i]!);
              if (ck === CUSTOM_KEY) break;
              s.addCk(ck, items[i]!);
            }
            if (i < items.length) {
              f.ip = ip;
              pushNativeFrame(ctx, new NativeFrameStart('vm.fillHashed', { c: s, items, i, step: 1, phase: 0 }));
              continue outer;
            }
            stack.push(s);
            break;
          }
          case Op.BUILD_MAP: {
            const items = stack.splice(stack.length - 2 * arg, 2 * arg) as PyValue[];
            const d = new PyDict();
            let i = 0;
            for (; i < items.length; i += 2) {
              const ck = keyOrThrow(items[i]!);
              if (ck === CUSTOM_KEY) break;
              d.setCk(ck, items[i]!, items[i + 1]!);
            }
            if (i < items.length) {
              f.ip = ip;
              pushNativeFrame(ctx, new NativeFrameStart('vm.fillHashed', { c: d, items, i, step: 2, phase: 0 }));
              continue outer;
            }
            stack.push(d);
            break;
          }
          case Op.BUILD_STRING: {
            const parts = stack.splice(stack.length - arg, arg) as string[];
            stack.push(parts.join(''));
            break;
          }
          case Op.LIST_APPEND: {
            const v = stack.pop() as PyValue;
            (stack[stack.length - arg] as PyList).items.push(v);
            break;
          }
          case Op.SET_ADD: {
            const v = stack.pop() as PyValue;
            const s = stack[stack.length - arg] as PySet;
            const ck = keyOrThrow(v);
            if (ck === CUSTOM_KEY) {
              f.ip = ip;
              pushNativeFrame(ctx, new NativeFrameStart('vm.hashLookup', { container: s, key: v, want: 'add', phase: 0 }));
              continue outer;
            }
            s.addCk(ck, v);
            break;
          }
          case Op.MAP_ADD: {
            const v = stack.pop() as PyValue;
            const k = stack.pop() as PyValue;
            const d = stack[stack.length - arg] as PyDict;
            const ck = keyOrThrow(k);
            if (ck === CUSTOM_KEY) {
              f.ip = ip;
              pushNativeFrame(ctx, new NativeFrameStart('vm.hashLookup', { container: d, key: k, value: v, want: 'set', phase: 0 }));
              continue outer;
            }
            d.setCk(ck, k, v);
            break;
          }
          case Op.LIST_EXTEND:
          case Op.SET_UPDATE: {
            const it = stack.pop() as PyValue;
            const target = stack[stack.length - arg] as PyList | PySet;
            f.ip = ip;
            const r = extendFast(target, it);
            if (r) break;
            pushNativeFrame(ctx, new NativeFrameStart('vm.extend', { target, it, phase: 0 }));
            continue outer;
          }
          case Op.DICT_UPDATE:
          case Op.DICT_MERGE: {
            const m = stack.pop() as PyValue;
            const d = stack[stack.length - arg] as PyDict;
            const callee = op === Op.DICT_MERGE ? (stack[stack.length - arg - 2] as PyValue) : null;
            const r = dictMerge(ctx, d, m, op === Op.DICT_MERGE, callee);
            if (r !== undefined) {
              f.ip = ip;
              runDeferredDiscard(ctx, r);
              continue outer;
            }
            break;
          }
          case Op.LIST_TO_TUPLE: {
            const l = stack.pop() as PyList;
            stack.push(newTuple(l.items));
            break;
          }
          case Op.FORMAT_VALUE: {
            const spec = arg & 4 ? (stack.pop() as string) : '';
            const v = stack.pop() as PyValue;
            const r = formatValue(ctx, v, spec, arg & 3);
            if (typeof r === 'string') {
              stack.push(r);
              break;
            }
            f.ip = ip;
            runDeferred(ctx, r);
            if (t.frame !== f || t.status !== 'runnable') continue outer;
            break;
          }
          case Op.UNPACK_SEQUENCE: {
            const seq = stack.pop() as PyValue;
            if ((seq instanceof PyTuple || seq instanceof PyList) && seq.items.length === arg) {
              const items = seq.items;
              for (let i = arg - 1; i >= 0; i--) stack.push(items[i]!);
              break;
            }
            f.ip = ip;
            if (unpackFast(stack, seq, arg, -1)) break;
            pushNativeFrame(ctx, new NativeFrameStart('vm.unpack', { it: seq, before: arg, after: -1, phase: 0 }));
            continue outer;
          }
          case Op.UNPACK_EX: {
            const seq = stack.pop() as PyValue;
            f.ip = ip;
            if (unpackFast(stack, seq, arg & 0xff, arg >> 8)) break;
            pushNativeFrame(ctx, new NativeFrameStart('vm.unpack', { it: seq, before: arg & 0xff, after: arg >> 8, phase: 0 }));
            continue outer;
          }

          // ---------------------------------------------------------- control flow
          case Op.JUMP_FORWARD:
            ip = arg;
            break;
          case Op.JUMP_BACKWARD:
            ip = arg;
            lastWasBreaker = true;
            if (stopAtBreaker) {
              f.ip = ip;
              break outer;
            }
            break;
          case Op.POP_JUMP_IF_FALSE:
          case Op.POP_JUMP_IF_TRUE: {
            const v = stack.pop() as PyValue;
            const b = v === true ? true : v === false ? false : truthFast(v);
            if (b !== undefined) {
              if (b === (op === Op.POP_JUMP_IF_TRUE)) ip = arg;
              break;
            }
            f.ip = ip;
            pushNativeFrame(ctx, new NativeFrameStart('vm.truthJump', { v, phase: 0, target: arg, jumpIf: op === Op.POP_JUMP_IF_TRUE, pop: true }));
            continue outer;
          }
          case Op.POP_JUMP_IF_NONE:
            if (stack.pop() === null) ip = arg;
            break;
          case Op.POP_JUMP_IF_NOT_NONE:
            if (stack.pop() !== null) ip = arg;
            break;
          case Op.JUMP_IF_FALSE_OR_POP:
          case Op.JUMP_IF_TRUE_OR_POP: {
            const v = stack[stack.length - 1] as PyValue;
            const b = v === true ? true : v === false ? false : truthFast(v);
            const jumpIf = op === Op.JUMP_IF_TRUE_OR_POP;
            if (b !== undefined) {
              if (b === jumpIf) ip = arg;
              else stack.pop();
              break;
            }
            f.ip = ip;
            pushNativeFrame(ctx, new NativeFrameStart('vm.truthJump', { v, phase: 0, target: arg, jumpIf, pop: false }));
            continue outer;
          }
          case Op.GET_ITER: {
            const v = stack.pop() as PyValue;
            const r = getIter(ctx, v);
            if (isDeferred(r)) {
              f.ip = ip;
              runDeferred(ctx, r);
              if (t.frame !== f || t.status !== 'runnable') continue outer;
              break;
            }
            stack.push(r);
            break;
          }
          case Op.FOR_ITER: {
            const it = stack[stack.length - 1]!;
            if (it instanceof PyListIterator) {
              const items = it.list.items;
              if (it.i < items.length) {
                stack.push(items[it.i++]!);
              } else {
                it.i = Infinity;
                stack.pop();
                ip = arg;
              }
              break;
            }
            if (it instanceof PyRangeIterator) {
              if (it.left > 0) {
                it.left--;
                stack.push(it.cur);
                it.cur += it.step;
              } else {
                stack.pop();
                ip = arg;
              }
              break;
            }
            if (it instanceof PyIterator) {
              const r = it.next(ctx);
              if (r === ITER_STOP_V.v) {
                stack.pop();
                ip = arg;
                break;
              }
              if (r instanceof NativeFrameStart) {
                f.ip = ip;
                pushNativeFrame(ctx, new NativeFrameStart('vm.forIter', { target: arg, start: r, phase: 0 }));
                continue outer;
              }
              stack.push(r as PyValue);
              break;
            }
            if (it instanceof PyGenerator) {
              f.ip = f.lasti; // re-entered when the generator yields or returns
              if (!resumeGenerator(ctx, it, null, GenMode.FOR_ITER)) {
                stack.pop();
                ip = arg;
                f.ip = ip;
                break;
              }
              continue outer;
            }
            const nx = lookupType(typeOf(it as PyValue), '__next__');
            if (nx === undefined) throw pyErr(E.TypeError, `'${typeOf(it as PyValue).name}' object is not an iterator`);
            f.ip = ip;
            pushNativeFrame(ctx, new NativeFrameStart('vm.forIter', { target: arg, callee: nx, self: it, phase: 0 }));
            continue outer;
          }

          // ---------------------------------------------------------- calls
          case Op.KW_NAMES: {
            const c = code.consts[arg]!;
            f.kwnames = c.type === 'kwnames' ? c.names : null;
            break;
          }
          case Op.CALL: {
            const kwnames = f.kwnames;
            const base = stack.length - arg - 2;
            const first = stack[base]!;
            if (kwnames === null) {
              // fast path: a plain Python function called positionally
              const fn = first === NULL ? stack[base + 1] : first;
              if (fn instanceof PyFunction) {
                const nf = first === NULL ? fastFrame(fn, stack, base + 2, arg, f.builtins) : fastFrame(fn, stack, base + 1, arg + 1, f.builtins);
                if (nf !== null) {
                  for (let k = arg + 2; k > 0; k--) stack.pop();
                  f.ip = ip;
                  lastWasBreaker = true;
                  pushPyFrame(ctx, nf);
                  if (stopAtBreaker) break outer;
                  continue outer;
                }
              } else if (fn instanceof PyType && first === NULL && fn.layout === 'object' && !fn.builtin && fn.cls === TYPE_TYPE.v) {
                // instantiating a plain user class: object.__new__ + a Python __init__
                const init = lookupType(fn, '__init__');
                if (init instanceof PyFunction && lookupType(fn, '__new__') === OBJECT_NEW.v) {
                  const obj = new PyInstance(fn, new PyDict());
                  stack[base + 1] = obj;
                  const nf = fastFrame(init, stack, base + 1, arg + 1, f.builtins);
                  if (nf !== null) {
                    nf.retOverride = obj;
                    for (let k = arg + 2; k > 0; k--) stack.pop();
                    f.ip = ip;
                    lastWasBreaker = true;
                    pushPyFrame(ctx, nf);
                    if (stopAtBreaker) break outer;
                    continue outer;
                  }
                  stack[base + 1] = fn;
                }
              }
            }
            f.kwnames = null;
            let callee: PyValue;
            let argv: PyValue[];
            if (first === NULL) {
              callee = stack[base + 1] as PyValue;
              argv = arg === 0 ? [] : (stack.slice(base + 2) as PyValue[]);
            } else {
              callee = first as PyValue;
              argv = stack.slice(base + 1) as PyValue[];
            }
            stack.length = base;
            f.ip = ip;
            lastWasBreaker = true;
            if (callee instanceof PyFunction && !(callee.code.flags & CodeFlags.GENERATOR)) {
              const nf = bindFrame(callee, argv, kwnames, f.builtins, null);
              pushPyFrame(ctx, nf);
              if (stopAtBreaker) break outer;
              continue outer;
            }
            if (callee instanceof PyBuiltinFunction) {
              const r = callee.fn(ctx, argv, kwnames);
              if (r !== null && typeof r === 'object' && (r instanceof NativeFrameStart || r instanceof SyscallRequest)) {
                nativeResult(ctx, r);
                if (stopAtBreaker) break outer;
                continue outer;
              }
              stack.push(r as PyValue);
              if (stopAtBreaker) break outer;
              break;
            }
            const r = callValue(ctx, callee, argv, kwnames);
            if (r === PUSHED || r === SUSPENDED) {
              if (stopAtBreaker) break outer;
              continue outer;
            }
            stack.push(r as PyValue);
            if (stopAtBreaker) break outer;
            break;
          }
          case Op.CALL_FUNCTION_EX: {
            const kw = arg & 1 ? (stack.pop() as PyValue) : null;
            const cargs = stack.pop() as PyValue;
            const c1 = stack.pop() as PyValue;
            const c0 = stack.pop()!;
            let argv: PyValue[] = cargs instanceof PyTuple ? cargs.items.slice() : (cargs as PyList).items.slice();
            let callee = c1;
            if (c0 !== NULL) {
              callee = c0 as PyValue;
              argv = [c1, ...argv];
            }
            let kwnames: string[] | null = null;
            if (kw instanceof PyDict && kw.size > 0) {
              kwnames = [];
              kw.forEach((k, v) => {
                if (typeof k !== 'string') throw pyErr(E.TypeError, 'keywords must be strings');
                kwnames!.push(k);
                argv.push(v);
              });
            }
            f.ip = ip;
            lastWasBreaker = true;
            const r = callValue(ctx, callee, argv, kwnames);
            if (r === PUSHED || r === SUSPENDED) {
              if (stopAtBreaker) break outer;
              continue outer;
            }
            stack.push(r as PyValue);
            if (stopAtBreaker) break outer;
            break;
          }
          case Op.MAKE_FUNCTION: {
            const codeObj = (stack.pop() as PyCode).code;
            const closure = arg & 8 ? ((stack.pop() as PyTuple).items as PyCell[]) : null;
            const annotations = arg & 4 ? (stack.pop() as PyDict) : null;
            const kwdefaults = arg & 2 ? (stack.pop() as PyDict) : null;
            const defaults = arg & 1 ? (stack.pop() as PyTuple).items : null;
            const fn = new PyFunction(codeObj, f.globals, defaults, kwdefaults, closure);
            if (annotations !== null) {
              fn.dict = new PyDict();
              fn.dict.setStr('__annotations__', annotations);
            }
            stack.push(fn);
            break;
          }
          case Op.LOAD_BUILD_CLASS: {
            const bc = f.builtins.getStr('__build_class__');
            if (bc === undefined) throw pyErr(E.NameError, '__build_class__ not found');
            stack.push(bc);
            break;
          }
          case Op.RETURN_VALUE: {
            let v = stack.pop() as PyValue;
            if (f.gen !== null) {
              genReturn(ctx, f, v);
              continue outer;
            }
            if (f.retOverride !== UNBOUND) {
              if (f.code.flags & CodeFlags.OPTIMIZED && v !== null) {
                throw pyErr(E.TypeError, `__init__() should return None, not '${typeOf(v).name}'`);
              }
              v = f.retOverride as PyValue;
            }
            const back = f.back;
            t.frame = back;
            t.depth--;
            if (f.ns === null) releaseFrame(f);
            if (back !== null && back.kind === 'py') back.stack.push(v);
            else deliver(t, v);
            continue outer;
          }
          case Op.YIELD_VALUE: {
            const v = stack.pop() as PyValue;
            f.ip = ip;
            genYield(ctx, f, v);
            continue outer;
          }
          case Op.YIELD_FROM: {
            const v = stack.pop() as PyValue;
            const sub = stack[stack.length - 1] as PyValue;
            if (sub instanceof PyGenerator) {
              f.ip = f.lasti;
              if (!resumeGenerator(ctx, sub, v, GenMode.YIELD_FROM)) {
                // exhausted: StopIteration with value None
                stack.pop();
                stack.push(null);
                ip = f.lasti + 1;
                f.ip = ip;
                break;
              }
              continue outer;
            }
            if (sub instanceof PyIterator) {
              const r = sub.next(ctx);
              if (r === ITER_STOP_V.v) {
                stack.pop();
                stack.push(null);
                break;
              }
              if (r instanceof NativeFrameStart) {
                f.ip = f.lasti;
                pushNativeFrame(ctx, new NativeFrameStart('vm.yieldFromStep', { start: r, phase: 0 }));
                continue outer;
              }
              f.ip = f.lasti;
              genYield(ctx, f, r as PyValue);
              continue outer;
            }
            // any other iterator: next() through a native frame
            f.ip = f.lasti;
            pushNativeFrame(ctx, new NativeFrameStart('vm.yieldFromStep', { sub, phase: 0 }));
            continue outer;
          }
          case Op.GET_YIELD_FROM_ITER: {
            const v = stack[stack.length - 1] as PyValue;
            if (v instanceof PyGenerator) break;
            stack.pop();
            const r = getIter(ctx, v);
            if (isDeferred(r)) {
              f.ip = ip;
              runDeferred(ctx, r);
              continue outer;
            }
            stack.push(r);
            break;
          }

          // ---------------------------------------------------------- imports
          case Op.IMPORT_NAME: {
            const fromlist = stack.pop() as PyValue;
            const level = stack.pop() as PyValue;
            f.ip = ip;
            const r = importName(ctx, names[arg]!, fromlist, level as number, f);
            if (r === PUSHED) continue outer;
            stack.push(r as PyValue);
            break;
          }
          case Op.IMPORT_FROM: {
            const m = stack[stack.length - 1] as PyValue;
            const r = importFrom(ctx, m, names[arg]!);
            if (isDeferred(r)) {
              f.ip = ip;
              runDeferred(ctx, r);
              continue outer;
            }
            stack.push(r);
            break;
          }
          case Op.IMPORT_STAR: {
            const m = stack.pop() as PyValue;
            importStar(ctx, m, f.ns ?? f.globals);
            break;
          }

          // ---------------------------------------------------------- exceptions
          case Op.SETUP_FINALLY:
          case Op.SETUP_CLEANUP:
            if (f.blocks === NO_BLOCKS) f.blocks = [];
            f.blocks.push(arg, stack.length);
            break;
          case Op.SETUP_WITH:
            if (f.blocks === NO_BLOCKS) f.blocks = [];
            f.blocks.push(arg, stack.length - 1);
            break;
          case Op.POP_BLOCK:
            f.blocks.length -= 2;
            break;
          case Op.PUSH_EXC_INFO: {
            const exc = stack.pop() as PyValue;
            stack.push(t.excInfo);
            stack.push(exc);
            t.excInfo = exc as PyBaseException;
            break;
          }
          case Op.POP_EXCEPT:
            t.excInfo = stack.pop() as PyBaseException | null;
            break;
          case Op.CHECK_EXC_MATCH: {
            const typ = stack.pop() as PyValue;
            const exc = stack[stack.length - 1] as PyBaseException;
            stack.push(excMatches(exc, typ));
            break;
          }
          case Op.RAISE_VARARGS: {
            f.ip = ip;
            if (arg === 0) {
              const cur = t.excInfo;
              if (cur === null) throw pyErr(E.RuntimeError, 'No active exception to reraise');
              raiseInThread(ctx, cur, false);
              continue outer;
            }
            const cause = arg === 2 ? (stack.pop() as PyValue) : undefined;
            const e = stack.pop() as PyValue;
            pushNativeFrame(ctx, new NativeFrameStart('vm.raise', { e, cause: cause ?? null, hasCause: cause !== undefined, phase: 0 }));
            continue outer;
          }
          case Op.RERAISE: {
            const exc = stack.pop() as PyBaseException;
            f.ip = ip;
            raiseInThread(ctx, exc, false);
            continue outer;
          }
          case Op.WITH_EXCEPT_START: {
            const exc = stack[stack.length - 1] as PyBaseException;
            const exit = stack[stack.length - 3] as PyValue;
            f.ip = ip;
            const r = callValue(ctx, exit, [exc.cls, exc, exc.traceback], null);
            if (r === PUSHED || r === SUSPENDED) continue outer;
            stack.push(r as PyValue);
            break;
          }
          case Op.BEFORE_WITH: {
            const mgr = stack.pop() as PyValue;
            const t0 = typeOf(mgr);
            const enter = lookupType(t0, '__enter__');
            const exit = lookupType(t0, '__exit__');
            if (enter === undefined || exit === undefined) {
              throw pyErr(E.TypeError, `'${t0.name}' object does not support the context manager protocol`);
            }
            stack.push(exit instanceof PyFunction || (exit instanceof PyBuiltinFunction && exit.kind === 'method') ? new PyBoundMethod(exit, mgr) : exit);
            f.ip = ip;
            const r = callValue(ctx, enter instanceof PyFunction || (enter instanceof PyBuiltinFunction && enter.kind === 'method') ? new PyBoundMethod(enter, mgr) : enter, [], null);
            if (r === PUSHED || r === SUSPENDED) continue outer;
            stack.push(r as PyValue);
            break;
          }
          case Op.LOAD_ASSERTION_ERROR:
            stack.push(E.AssertionError);
            break;
          case Op.SETUP_ANNOTATIONS: {
            const ns = f.ns ?? f.globals;
            if (ns.getStr('__annotations__') === undefined) ns.setStr('__annotations__', new PyDict());
            break;
          }
          default:
            throw new Error(`unknown opcode ${op}`);
        }
      }
    } catch (e) {
      const exc = toPyException(e);
      if (t.frame === f) f.ip = ip;
      raiseInThread(ctx, exc, true);
      if (t.status !== 'runnable') break;
    }
  }
  t.steps += executed;
  t.cost += cost;
}

const DICT_TYPE = { v: dictType };
const LIST_TYPE = { v: listType };
const FLOAT_TYPE = { v: floatType };
const TYPE_TYPE = { v: typeType };
const ITER_STOP_V = { v: ITER_STOP };
const OBJECT_SETATTR = { v: undefined as PyValue | undefined };
const OBJECT_NEW = { v: undefined as PyValue | undefined };
/** Called once builtins are installed (object.__setattr__ exists). */
export function initInterp(): void {
  OBJECT_SETATTR.v = lookupType(objectType, '__setattr__');
  OBJECT_NEW.v = lookupType(objectType, '__new__');
}


interface GlobalIC {
  g: PyDict;
  gv: number;
  slot: number;
  b: PyDict | null;
  bv: number;
  bslot: number;
}
interface TypeIC {
  cls: PyType;
  epoch: number;
  value: PyValue;
}

/** Per-instruction inline caches of a code object (hidden, non-enumerable: never part of
 *  snapshots; entries are validated against the dict/type they were made for). */
function icOf(code: import('../compiler/code').CodeObject): unknown[] {
  const h = (code as unknown as { $ic?: unknown[] }).$ic;
  if (h !== undefined) return h;
  const arr: unknown[] = new Array(code.ops.length);
  Object.defineProperty(code, '$ic', { value: arr, enumerable: false, writable: false });
  return arr;
}

function unboundLocal(name: string) {
  return pyErr(E.UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}
function unboundDeref(f: Frame, i: number) {
  const c = f.code;
  if (i < c.cellvars.length) return unboundLocal(c.cellvars[i]!);
  const name = c.freevars[i - c.cellvars.length]!;
  return pyErr(E.NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
}
export function nameError(name: string) {
  const e = pyErr(E.NameError, `name '${name}' is not defined`);
  e.exc.dict = new PyDict();
  e.exc.dict.setStr('name', name);
  return e;
}

export function excMatches(exc: PyBaseException, typ: PyValue): boolean {
  if (typ instanceof PyTuple) {
    for (const x of typ.items) if (excMatches(exc, x)) return true;
    return false;
  }
  if (!(typ instanceof PyType) || !isSubtype(typ, E.BaseException)) {
    throw pyErr(E.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
  }
  return isSubtype(exc.cls, typ);
}

function extendFast(target: PyList | PySet, it: PyValue): boolean {
  if (target instanceof PyList) {
    if (it instanceof PyList || it instanceof PyTuple) {
      target.items.push(...it.items);
      return true;
    }
  }
  return false;
}

function runDeferredDiscard(ctx: CallContext, d: NativeCall | NativeFrameStart): void {
  pushNativeFrame(ctx, new NativeFrameStart('vm.discard', { d }));
}

export { lineOf, newException, normInt };
