/**
 * JSONL writer/reader for trace format v1: one event per line, keys `seq`, `t`, `kind`
 * first, then the event's other fields in the order the emitter set them (deterministic for
 * a deterministic emitter), so identical runs give identical bytes.
 */
import type { TraceEvent } from './format';
import { validateTraceEvent } from './validate';

/** One event as one JSON line (without the newline). */
export function eventToJsonLine(e: TraceEvent): string {
  const { seq, t, kind, ...rest } = e as TraceEvent & Record<string, unknown>;
  return JSON.stringify({ seq, t, kind, ...rest });
}

/** Events → JSONL text (each line terminated by "\n"). */
export function toJsonl(events: Iterable<TraceEvent>): string {
  const lines: string[] = [];
  for (const e of events) lines.push(eventToJsonLine(e));
  return lines.length ? lines.join('\n') + '\n' : '';
}

export interface ParsedJsonl {
  events: TraceEvent[];
  /** "line N: message" for every line that is not a valid event */
  errors: string[];
}

/** JSONL text → validated events. Blank lines are ignored. */
export function parseJsonl(text: string): ParsedJsonl {
  const events: TraceEvent[] = [];
  const errors: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let x: unknown;
    try {
      x = JSON.parse(line);
    } catch (err) {
      errors.push(`line ${i + 1}: ${(err as Error).message}`);
      continue;
    }
    const r = validateTraceEvent(x);
    if (typeof r === 'string') errors.push(`line ${i + 1}: ${r}`);
    else events.push(r);
  }
  return { events, errors };
}
