// time, on the kernel's virtual clock: time(), sleep(), monotonic(), perf_counter(),
// process_time(), thread_time() (and their _ns forms), ctime/asctime/localtime/gmtime/
// mktime/strftime with struct_time. The wall clock starts at the machine's epoch option
// (default 2024-01-01 00:00:00 UTC) and the time zone is UTC, so output is reproducible.
// Every clock read is a syscall: it ends the instruction batch, so the value is exact.

import { parseArgs } from '../vm/args';
import { E, pyErr } from '../vm/exceptions';
import { SyscallRequest, type CallContext, type NativeFn } from '../vm/frame';
import type { PyModule } from '../vm/function';
import { PyFloat, PyTuple, normInt, tupleType, type PyValue } from '../vm/objects';
import { typeName } from '../vm/protocol';
import { defineGetters, defineMethods, makeBuiltin, newBuiltinType } from '../vm/types';
import { newModule, type VM } from '../vm/vm';
import { kcall, registerConverter } from './_thread';

interface Now {
  monotonicNs: number;
  epochNs: number;
  threadCpuNs: number;
  processCpuNs: number;
}

const NS = 1e9;

function fn(name: string, f: NativeFn) {
  return makeBuiltin(`time.${name}`, name, f, 'function', null, 'time');
}

function seconds(v: PyValue | undefined, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  throw pyErr(E.TypeError, `'${typeName(v ?? null)}' object cannot be interpreted as an integer`);
  void what;
}

/** Wall-clock seconds (a float, like time.time()). */
function wall(n: Now): number {
  return n.epochNs / NS + n.monotonicNs / NS;
}

// ───────────────────────────── clocks ─────────────────────────────

registerConverter('time.time', (_c, v) => new PyFloat(wall(v as Now)));
registerConverter('time.time_ns', (_c, v) => {
  const n = v as Now;
  return normInt(BigInt(Math.round(n.epochNs / 1000)) * 1000n + BigInt(n.monotonicNs));
});
registerConverter('time.mono', (_c, v) => new PyFloat((v as Now).monotonicNs / NS));
registerConverter('time.mono_ns', (_c, v) => (v as Now).monotonicNs);
registerConverter('time.process', (_c, v) => new PyFloat((v as Now).processCpuNs / NS));
registerConverter('time.process_ns', (_c, v) => (v as Now).processCpuNs);
registerConverter('time.thread', (_c, v) => new PyFloat((v as Now).threadCpuNs / NS));
registerConverter('time.thread_ns', (_c, v) => (v as Now).threadCpuNs);

const clock = (name: string, conv: string) =>
  fn(name, (_c, args, kw) => {
    parseArgs(name, args, kw, { names: [] });
    return kcall('time.now', {}, conv);
  });

const sleep = fn('sleep', (_c, args, kw) => {
  const a = parseArgs('sleep', args, kw, { names: ['secs'], posOnly: true });
  const s = seconds(a.values[0], 'secs');
  if (Number.isNaN(s)) throw pyErr(E.ValueError, 'Invalid value NaN (not a number)');
  if (s < 0) throw pyErr(E.ValueError, 'sleep length must be non-negative');
  return new SyscallRequest('time.sleep', { seconds: s });
});

// ───────────────────────────── calendar ─────────────────────────────

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAYS_FULL = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days since 1970-01-01 -> [year, month 1-12, day] (proleptic Gregorian). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

/** [year, month, day] -> days since 1970-01-01. */
function daysFrom(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** struct_time fields for epoch seconds (UTC). */
function breakDown(secs: number): number[] {
  const s = Math.floor(secs);
  const days = Math.floor(s / 86400);
  const rem = s - days * 86400;
  const [y, m, d] = civil(days);
  const wday = (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (Monday = 0)
  const yday = days - daysFrom(y, 1, 1) + 1;
  return [y, m, d, Math.floor(rem / 3600), Math.floor((rem % 3600) / 60), rem % 60, wday, yday, 0];
}

const FIELDS = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'];
export const structTimeType = newBuiltinType('struct_time', [tupleType], 'time', { layout: 'tuple', baseable: false });
defineGetters(structTimeType, {
  ...Object.fromEntries(FIELDS.map((f, i) => [f, (_c: CallContext, s: PyValue) => (s as PyTuple).items[i]!])),
  tm_zone: () => 'UTC',
  tm_gmtoff: () => 0,
});
defineMethods(structTimeType, {
  __repr__: (_c, a) => {
    const it = (a[0] as PyTuple).items;
    return `time.struct_time(${FIELDS.map((f, i) => `${f}=${String(it[i])}`).join(', ')})`;
  },
});

function structTime(secs: number): PyTuple {
  return new PyTuple(breakDown(secs), structTimeType);
}

/** A struct_time or 9-tuple argument -> its fields. */
function fieldsOf(v: PyValue, fname: string): number[] {
  if (!(v instanceof PyTuple)) throw pyErr(E.TypeError, `Tuple or struct_time argument required`);
  if (v.items.length !== 9) throw pyErr(E.TypeError, `${fname}(): illegal time tuple argument`);
  return v.items.map((x) => seconds(x, 'field'));
}

const pad = (n: number, w = 2, c = '0') => String(n).padStart(w, c);

function asctime(f: number[]): string {
  return `${DAYS[f[6]!]} ${MONTHS[f[1]! - 1]} ${pad(f[2]!, 2, ' ')} ${pad(f[3]!)}:${pad(f[4]!)}:${pad(f[5]!)} ${f[0]}`;
}

function strftime(fmt: string, f: number[]): string {
  const [y, mo, d, h, mi, s, wd, yd] = f as [number, number, number, number, number, number, number, number];
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const k = fmt[++i]!;
    switch (k) {
      case 'Y': out += String(y); break;
      case 'y': out += pad(y % 100); break;
      case 'm': out += pad(mo); break;
      case 'd': out += pad(d); break;
      case 'e': out += pad(d, 2, ' '); break;
      case 'H': out += pad(h); break;
      case 'I': out += pad(h % 12 === 0 ? 12 : h % 12); break;
      case 'M': out += pad(mi); break;
      case 'S': out += pad(s); break;
      case 'p': out += h < 12 ? 'AM' : 'PM'; break;
      case 'a': out += DAYS[wd]; break;
      case 'A': out += DAYS_FULL[wd]; break;
      case 'b': case 'h': out += MONTHS[mo - 1]; break;
      case 'B': out += MONTHS_FULL[mo - 1]; break;
      case 'j': out += pad(yd, 3); break;
      case 'w': out += String((wd + 1) % 7); break;
      case 'u': out += String(wd + 1); break;
      case 'c': out += asctime(f); break;
      case 'x': out += `${pad(mo)}/${pad(d)}/${pad(y % 100)}`; break;
      case 'X': case 'T': out += `${pad(h)}:${pad(mi)}:${pad(s)}`; break;
      case 'D': out += `${pad(mo)}/${pad(d)}/${pad(y % 100)}`; break;
      case 'F': out += `${y}-${pad(mo)}-${pad(d)}`; break;
      case 'R': out += `${pad(h)}:${pad(mi)}`; break;
      case 'Z': out += 'UTC'; break;
      case 'z': out += '+0000'; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '%': out += '%'; break;
      default: out += `%${k}`;
    }
  }
  return out;
}

registerConverter('time.ctime', (_c, v) => asctime(breakDown(wall(v as Now))));
registerConverter('time.struct', (_c, v) => structTime(wall(v as Now)));
registerConverter('time.strftime', (_c, v, st) => strftime(st.fmt as string, breakDown(wall(v as Now))));

/** fname(secs=None): with secs, answers at once; without, reads the clock. */
function bySecs(name: string, conv: string, f: (secs: number) => PyValue): NativeFn {
  return (_c, args, kw) => {
    const a = parseArgs(name, args, kw, { names: ['secs'], required: 0, posOnly: true });
    const v = a.values[0];
    if (v === undefined || v === null) return kcall('time.now', {}, conv);
    return f(seconds(v, 'secs'));
  };
}

export function initTime(vm: VM): PyModule {
  return newModule(vm, 'time', {
    time: clock('time', 'time.time'),
    time_ns: clock('time_ns', 'time.time_ns'),
    monotonic: clock('monotonic', 'time.mono'),
    monotonic_ns: clock('monotonic_ns', 'time.mono_ns'),
    perf_counter: clock('perf_counter', 'time.mono'),
    perf_counter_ns: clock('perf_counter_ns', 'time.mono_ns'),
    process_time: clock('process_time', 'time.process'),
    process_time_ns: clock('process_time_ns', 'time.process_ns'),
    thread_time: clock('thread_time', 'time.thread'),
    thread_time_ns: clock('thread_time_ns', 'time.thread_ns'),
    sleep,
    ctime: fn('ctime', bySecs('ctime', 'time.ctime', (s) => asctime(breakDown(s)))),
    localtime: fn('localtime', bySecs('localtime', 'time.struct', structTime)),
    gmtime: fn('gmtime', bySecs('gmtime', 'time.struct', structTime)),
    asctime: fn('asctime', (_c, args, kw) => {
      const a = parseArgs('asctime', args, kw, { names: ['t'], required: 0, posOnly: true });
      if (a.values[0] === undefined) return kcall('time.now', {}, 'time.ctime');
      return asctime(fieldsOf(a.values[0], 'asctime'));
    }),
    strftime: fn('strftime', (_c, args, kw) => {
      const a = parseArgs('strftime', args, kw, { names: ['format', 't'], required: 1, posOnly: true });
      const fmt = a.values[0];
      if (typeof fmt !== 'string') throw pyErr(E.TypeError, `strftime() argument 1 must be str, not ${typeName(fmt ?? null)}`);
      if (a.values[1] === undefined) return kcall('time.now', {}, 'time.strftime', { fmt });
      return strftime(fmt, fieldsOf(a.values[1], 'strftime'));
    }),
    mktime: fn('mktime', (_c, args, kw) => {
      const a = parseArgs('mktime', args, kw, { names: ['t'], posOnly: true });
      const f = fieldsOf(a.values[0]!, 'mktime');
      const days = daysFrom(f[0]!, 1, 1) + (f[1]! >= 1 ? daysFrom(f[0]!, f[1]!, 1) - daysFrom(f[0]!, 1, 1) : 0) + f[2]! - 1;
      return new PyFloat(days * 86400 + f[3]! * 3600 + f[4]! * 60 + f[5]!);
    }),
    struct_time: structTimeType,
    timezone: 0,
    altzone: 0,
    daylight: 0,
    tzname: new PyTuple(['UTC', 'UTC']),
    _STRUCT_TM_ITEMS: 11,
  });
}
