/**
 * Style codes stored in the model's typed arrays, and what each means. Colours are chosen
 * by render/theme from these codes; the model never knows about colours.
 */
import type { BlockKind, ProcessState, ThreadState } from '../../trace/format';
import { assertUnreachable } from '../../trace/format';

/** Interval styles. */
export const St = {
  running: 1,
  ready: 2,
  blockedSync: 3, // lock, rlock, condition, semaphore, event, barrier
  blockedSleep: 4, // sleep, pause
  blockedIo: 5, // pipe, queue, wait (child), join, gil
  procR: 10,
  procS: 11,
  procT: 12,
  procZ: 13,
  handler: 20, // signal handler span (overlay on the main thread lane)
  pending: 21, // signal pending span (overlay on the process row)
  gil0: 32, // GIL held by the thread with index k: gil0 + (k % GIL_COLOURS)
} as const;
export const GIL_COLOURS = 8;

/** Instant kinds. */
export const Ik = {
  sigSend: 1,
  sigDeliver: 2,
  sigDefault: 3,
  write: 4,
  writeErr: 5,
  flush: 6,
  dup: 7,
  lost: 8,
  exit: 9,
  reap: 10,
  reparent: 11,
  fork: 12,
  sync: 13,
  threadStart: 14,
  threadExit: 15,
  exception: 16,
  deadlock: 17,
  gilDrop: 18,
  gilRelease: 19,
} as const;

/** Arrow kinds. */
export const Ak = {
  gilForced: 1,
  gilVoluntary: 2,
  fork: 3,
  ipc: 4,
  queue: 5,
  signal: 6,
} as const;

export function threadStateStyle(state: ThreadState, on: BlockKind | undefined): number {
  switch (state) {
    case 'running': return St.running;
    case 'ready': return St.ready;
    case 'blocked': return on === undefined ? St.blockedSync : blockStyle(on);
    default: return assertUnreachable(state, 'thread state');
  }
}

export function blockStyle(kind: BlockKind): number {
  switch (kind) {
    case 'lock': case 'rlock': case 'condition': case 'semaphore': case 'event': case 'barrier':
      return St.blockedSync;
    case 'sleep': case 'pause':
      return St.blockedSleep;
    case 'pipe': case 'queue': case 'wait': case 'join': case 'gil':
      return St.blockedIo;
    default: return assertUnreachable(kind, 'block kind');
  }
}

export function processStateStyle(s: ProcessState): number {
  switch (s) {
    case 'R': return St.procR;
    case 'S': return St.procS;
    case 'T': return St.procT;
    case 'Z': return St.procZ;
    default: return assertUnreachable(s, 'process state');
  }
}

export function styleName(style: number): string {
  if (style >= St.gil0) return 'holds the GIL';
  switch (style) {
    case St.running: return 'running';
    case St.ready: return 'ready (waiting for the GIL)';
    case St.blockedSync: return 'blocked';
    case St.blockedSleep: return 'sleeping';
    case St.blockedIo: return 'waiting';
    case St.procR: return 'R running';
    case St.procS: return 'S sleeping';
    case St.procT: return 'T stopped';
    case St.procZ: return 'Z zombie';
    case St.handler: return 'signal handler';
    case St.pending: return 'signal pending';
    default: return '';
  }
}
