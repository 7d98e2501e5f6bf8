// A short human summary of a run (`--summary`, used by `npm start`): what happened,
// counted from the trace, so a newcomer sees at a glance what the timeline would show.
import type { RunResult } from '../sim/api';
import type { TraceEvent } from '../trace';

export function formatSummary(result: RunResult): string {
  const events: readonly TraceEvent[] = result.trace ?? [];
  // One pass over the trace (it can hold hundreds of thousands of events).
  const counts = new Map<TraceEvent['kind'], number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const count = (k: TraceEvent['kind']) => counts.get(k) ?? 0;
  const threads = count('thread.start');
  const processes = count('process.start') + count('process.fork');
  const lines = [
    '',
    '── Threadline summary ──',
    `outcome: ${result.outcome}, exit code ${result.exitCode}`,
    `virtual time: ${(result.virtualTimeNs / 1e6).toFixed(3)} ms, ${result.steps} instructions`,
    `processes: ${processes}, threads: ${threads}`,
    `GIL: ${count('gil.acquire')} acquisitions, ${count('gil.drop')} forced drops after the switch interval`,
    `synchronization operations: ${count('sync.op')}, signals delivered: ${count('signal.deliver')}`,
    `trace events: ${events.length}`,
  ];
  if (result.deadlock) lines.push(`deadlock: ${result.deadlock.summary}`);
  return lines.join('\n') + '\n';
}
