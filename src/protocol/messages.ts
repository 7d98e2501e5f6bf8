/**
 * Typed messages between the extension (host) and the timeline webview, with validators.
 * Both sides validate everything they receive: a webview is untrusted from the host's point
 * of view and vice versa. Trace events inside `traceBatch` are validated one by one with
 * validateTraceEvent (the webview drops and reports invalid ones).
 */
import type { TraceEvent } from '../trace/format';
import type { PackedModel } from './timeline/pack';

export const PROTOCOL_VERSION = 1 as const;

// ───────────── extension → webview ─────────────

/** Start over: a new run of `file` (clears the timeline). */
export interface ResetMessage { type: 'reset'; file: string; title?: string }
/** More events of the current run, in seq order. `done` marks the end of the run.
 * Either `events` (objects) or `jsonl` (the same events as JSONL text, see trace/jsonl.ts).
 * Prefer `jsonl` for big batches: a string crosses postMessage as one copy, while an array of
 * objects is structured-cloned object by object (seconds for a million events). */
export interface TraceBatchMessage { type: 'traceBatch'; events?: TraceEvent[]; jsonl?: string; done?: boolean }
/** The session's current step (null: no playhead); `t` is its time, which the host sends
 * because a webview fed by a snapshot does not hold the events to look it up. */
export interface PlayheadMessage { type: 'playhead'; seq: number | null; t?: number }
/** Start over with a whole model built by the host (the fast path for big traces, see
 * timeline/pack.ts): replaces reset + batches. Later events may follow as traceBatch.
 * `model` is validated in depth by unpackModel. `run` identifies the host's run: the
 * webview quotes it in `detail` requests. */
export interface SnapshotMessage { type: 'snapshot'; file: string; title?: string; run: number; model: PackedModel }
/** The answer to a `detail` request: the event with index `ev` of run `run`. */
export interface DetailReplyMessage { type: 'detail'; run: number; ev: number; event: TraceEvent }

export type ToWebview = ResetMessage | TraceBatchMessage | PlayheadMessage | SnapshotMessage | DetailReplyMessage;

// ───────────── webview → extension ─────────────

/** The webview is loaded and listening (the host then sends reset + batches). */
export interface ReadyMessage { type: 'ready'; state?: WebviewState }
/** Open `file` at `line` in the editor beside the timeline. */
export interface RevealSourceMessage { type: 'revealSource'; file: string; line: number }
/** Export the current trace; the host has the events and writes the file. */
export interface ExportMessage { type: 'export'; format: 'chrome' | 'jsonl' }
/** Export the timeline image rendered by the webview (a data: URL). */
export interface ExportImageMessage { type: 'exportImage'; format: 'png' | 'svg'; data: string }
/** The user clicked the timeline at this event (for stepping sessions). */
export interface SeekMessage { type: 'seek'; seq: number }
/** Send the event with index `ev` (0-based position in the run, not its seq) of run `run`:
 * a webview fed by a snapshot fetches details this way for tooltips and clicks. */
export interface DetailRequestMessage { type: 'detail'; run: number; ev: number }
/** The webview rejected something (invalid message or events). */
export interface ErrorMessage { type: 'error'; message: string }

export type FromWebview = ReadyMessage | RevealSourceMessage | ExportMessage | ExportImageMessage | SeekMessage | DetailRequestMessage | ErrorMessage;

/** What the webview persists with setState (restored after a window reload). */
export interface WebviewState {
  file?: string;
  viewport?: { t0: number; nsPerPx: number };
  filter?: string;
}

// ───────────── validators ─────────────

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNat = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function validState(x: unknown): boolean {
  if (!isObj(x)) return false;
  if (x.file !== undefined && !isStr(x.file)) return false;
  if (x.filter !== undefined && !isStr(x.filter)) return false;
  if (x.viewport !== undefined) {
    const v = x.viewport;
    if (!isObj(v) || !isNum(v.t0) || !isNum(v.nsPerPx) || v.nsPerPx <= 0) return false;
  }
  return true;
}

/** Host → webview. Events in a batch are only checked to be an array here; the webview
 * validates each with validateTraceEvent. Returns the message or an error text. */
export function validateToWebview(x: unknown): ToWebview | string {
  if (!isObj(x)) return 'message: expected an object';
  switch (x.type) {
    case 'reset':
      return isStr(x.file) && (x.title === undefined || isStr(x.title)) ? (x as unknown as ResetMessage) : 'reset: expected {file, title?}';
    case 'traceBatch':
      return (Array.isArray(x.events) !== isStr(x.jsonl)) && (x.events === undefined || Array.isArray(x.events)) &&
        (x.jsonl === undefined || isStr(x.jsonl)) && (x.done === undefined || typeof x.done === 'boolean')
        ? (x as unknown as TraceBatchMessage) : 'traceBatch: expected {events: [] | jsonl: string, done?}';
    case 'playhead':
      return (x.seq === null || isNat(x.seq)) && (x.t === undefined || isNum(x.t)) ? (x as unknown as PlayheadMessage) : 'playhead: expected {seq: integer|null, t?: number}';
    case 'snapshot':
      return isStr(x.file) && (x.title === undefined || isStr(x.title)) && isNat(x.run) && isObj(x.model)
        ? (x as unknown as SnapshotMessage) : 'snapshot: expected {file, title?, run, model: {...}}';
    case 'detail':
      // the event itself is validated by the webview with validateTraceEvent
      return isNat(x.run) && isNat(x.ev) && isObj(x.event) ? (x as unknown as DetailReplyMessage) : 'detail: expected {run, ev, event}';
    default:
      return `message: unknown type ${JSON.stringify(x.type)}`;
  }
}

/** Webview → host. */
export function validateFromWebview(x: unknown): FromWebview | string {
  if (!isObj(x)) return 'message: expected an object';
  switch (x.type) {
    case 'ready':
      return x.state === undefined || validState(x.state) ? (x as unknown as ReadyMessage) : 'ready: bad state';
    case 'revealSource':
      return isStr(x.file) && isNat(x.line) && x.line >= 1 ? (x as unknown as RevealSourceMessage) : 'revealSource: expected {file, line >= 1}';
    case 'export':
      return x.format === 'chrome' || x.format === 'jsonl' ? (x as unknown as ExportMessage) : 'export: format must be chrome|jsonl';
    case 'exportImage':
      return (x.format === 'png' || x.format === 'svg') && isStr(x.data) && x.data.startsWith('data:')
        ? (x as unknown as ExportImageMessage) : 'exportImage: expected {format: png|svg, data: data-URL}';
    case 'seek':
      return isNat(x.seq) ? (x as unknown as SeekMessage) : 'seek: expected {seq}';
    case 'detail':
      return isNat(x.run) && isNat(x.ev) ? (x as unknown as DetailRequestMessage) : 'detail: expected {run, ev}';
    case 'error':
      return isStr(x.message) ? (x as unknown as ErrorMessage) : 'error: expected {message}';
    default:
      return `message: unknown type ${JSON.stringify(x.type)}`;
  }
}

export function isWebviewState(x: unknown): x is WebviewState {
  return validState(x);
}
