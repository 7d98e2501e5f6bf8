/**
 * Numbers events as they are emitted: the one place that assigns `seq`. Used by the
 * simulator's trace sink, tests and synthetic traces. Enforces the format's ordering rules.
 */
import type { TraceEvent, UnnumberedEvent } from './format';

export class TraceBuilder {
  readonly events: TraceEvent[] = [];
  private lastT = 0;

  /** Append an event; returns it with its `seq`. Throws if time goes backwards. */
  emit(e: UnnumberedEvent): TraceEvent {
    if (e.t < this.lastT) throw new Error(`trace time went backwards: ${e.kind} at ${e.t} < ${this.lastT}`);
    this.lastT = e.t;
    const full = { seq: this.events.length, ...e } as TraceEvent;
    this.events.push(full);
    return full;
  }

  get length(): number {
    return this.events.length;
  }
}
