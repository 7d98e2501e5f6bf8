/**
 * Progressive ingestion of trace batches: event arrays and JSONL text are cut into chunks
 * and fed to the model in time slices (~40 ms) between frames (redrawn every ~250 ms), so a huge trace shows its
 * first part immediately and the UI stays responsive while the rest arrives.
 * JSONL chunks are parsed with one JSON.parse per chunk (much faster than per line); a chunk
 * that fails is re-parsed line by line to report the bad lines.
 */
import { parseJsonl } from '../src/trace/jsonl';

const CHUNK_EVENTS = 20_000;
const CHUNK_LINES = 20_000;
const SLICE_MS = 40;
/** while a backlog is being ingested, redraw at most this often */
const PROGRESS_FRAME_MS = 250;

interface Item { data: readonly unknown[] | string; pos: number; done: boolean }

export class Ingest {
  private readonly queue: Item[] = [];
  private scheduled = false;
  private generation = 0;
  private lastProgress = -Infinity;

  constructor(
    private readonly sink: (events: readonly unknown[]) => void,
    private readonly onDone: () => void,
    private readonly onError: (message: string) => void,
    private readonly onProgress: () => void,
  ) {}

  push(data: readonly unknown[] | string, done: boolean): void {
    this.queue.push({ data, pos: 0, done });
    this.schedule();
  }

  clear(): void {
    this.queue.length = 0;
    this.generation++;
  }

  /** events (or characters of JSONL) still waiting */
  pending(): number {
    return this.queue.reduce((n, it) => n + (it.data.length - it.pos), 0);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const gen = this.generation;
    setTimeout(() => {
      this.scheduled = false;
      if (gen === this.generation) this.pump();
      else if (this.queue.length) this.schedule();
    }, 0);
  }

  private pump(): void {
    const deadline = performance.now() + SLICE_MS;
    while (this.queue.length && performance.now() < deadline) {
      const it = this.queue[0];
      if (typeof it.data === 'string') this.sink(this.nextJsonl(it, it.data));
      else {
        this.sink(it.data.slice(it.pos, it.pos + CHUNK_EVENTS));
        it.pos = Math.min(it.data.length, it.pos + CHUNK_EVENTS);
      }
      if (it.pos >= it.data.length) {
        this.queue.shift();
        if (it.done) this.onDone();
      }
    }
    const now = performance.now();
    if (!this.queue.length || now - this.lastProgress >= PROGRESS_FRAME_MS) {
      this.lastProgress = now;
      this.onProgress();
    }
    if (this.queue.length) this.schedule();
  }

  private nextJsonl(it: Item, text: string): unknown[] {
    let end = it.pos;
    for (let k = 0; k < CHUNK_LINES && end < text.length; k++) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length : nl + 1;
    }
    const chunk = text.slice(it.pos, end);
    it.pos = end;
    const body = chunk.trim();
    if (!body) return [];
    try {
      return JSON.parse(`[${body.replace(/\n+/g, ',')}]`) as unknown[];
    } catch {
      const { events, errors } = parseJsonl(chunk);
      if (errors.length) this.onError(`${errors.length} bad JSONL line(s) dropped; first: ${errors[0]}`);
      return events;
    }
  }
}
