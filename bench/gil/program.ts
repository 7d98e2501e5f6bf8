// The seeds' GIL experiment (note 002, "效率测试"; samples/gil_test.py) as a program with
// adjustable sizes: ten CPU-bound jobs and ten IO-bound (sleep) jobs, run serially, in
// threads and (when multiprocessing is available) in processes, each timed with
// time.time() — virtual time in the simulator, real time in CPython.

export interface GilParams {
  /** jobs per row (the notes: 10) */
  jobs: number;
  /** the CPU-bound loop's bound */
  count: number;
  /** sleeps per IO-bound job, and their length in seconds */
  sleeps: number;
  sleep: number;
  /** include the multiprocessing rows */
  processes: boolean;
}

export const DEFAULT_PARAMS: GilParams = { jobs: 10, count: 30000, sleeps: 5, sleep: 0.05, processes: true };

export const ROWS = ['Line cpu', 'Line IO', 'thread cpu', 'thread IO', 'Process cpu', 'Process IO'] as const;
export type Row = (typeof ROWS)[number];

/** The seeds' table (seconds, measured by the course on its machine). */
export const SEEDS: Record<Row, number> = {
  'Line cpu': 9.014907121658325,
  'Line IO': 4.548823118209839,
  'thread cpu': 9.38966417312622,
  'thread IO': 4.6143529415130615,
  'Process cpu': 5.466824531555176,
  'Process IO': 2.9468178749084473,
};

export function gilProgram(p: GilParams = DEFAULT_PARAMS): string {
  return `import time
import threading
${p.processes ? 'import multiprocessing' : ''}

N = ${p.jobs}

def count(x, y):
    c = 0
    while c < ${p.count}:
        c += 1
        x += 1
        y += 1

def io():
    for i in range(${p.sleeps}):
        time.sleep(${p.sleep})

def serial(fn, args):
    t = time.time()
    for i in range(N):
        fn(*args)
    return time.time() - t

def parallel(kind, fn, args):
    t = time.time()
    jobs = [kind(target=fn, args=args) for i in range(N)]
    for j in jobs:
        j.start()
    for j in jobs:
        j.join()
    return time.time() - t

if __name__ == "__main__":
    print("Line cpu:", serial(count, (1, 1)))
    print("Line IO:", serial(io, ()))
    print("thread cpu:", parallel(threading.Thread, count, (1, 1)))
    print("thread IO:", parallel(threading.Thread, io, ()))
${p.processes ? `    print("Process cpu:", parallel(multiprocessing.Process, count, (1, 1)))
    print("Process IO:", parallel(multiprocessing.Process, io, ()))` : ''}
`;
}

/** Parses the program's output into seconds per row. */
export function parseRows(out: string): Partial<Record<Row, number>> {
  const r: Partial<Record<Row, number>> = {};
  for (const line of out.split('\n')) {
    const m = /^(Line cpu|Line IO|thread cpu|thread IO|Process cpu|Process IO): ([0-9.e-]+)$/.exec(line.trim());
    if (m) r[m[1] as Row] = Number(m[2]);
  }
  return r;
}
