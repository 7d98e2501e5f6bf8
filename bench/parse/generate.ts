// The benchmark's synthetic Python source: classes with methods using most statement and
// expression forms, repeated to the requested number of lines.

export function generate(lines: number): string {
  const out: string[] = ['import threading', 'from collections import deque', ''];
  let i = 0;
  while (out.length < lines) {
    out.push(
      `class Worker${i}(threading.Thread):`,
      `    """Worker number ${i}."""`,
      `    def __init__(self, q, n=${i}, *args, **kw):`,
      `        super().__init__(*args, **kw)`,
      `        self.q, self.n = q, n`,
      `        self.items = [x * 2 for x in range(n) if x % 3 == 0]`,
      `    def run(self):`,
      `        total = 0`,
      `        for k, v in enumerate(self.items):`,
      `            if v > 10 and k % 2 or not v:`,
      `                total += v ** 2 - (k << 1)`,
      `            elif v == 0:`,
      `                continue`,
      `            else:`,
      `                total -= 1`,
      `        try:`,
      `            self.q.put({"n": self.n, "total": total, **self.__dict__})`,
      `        except (ValueError, KeyError) as e:`,
      `            print(f"worker {self.n}: {e!r:>20}", file=None)`,
      `        finally:`,
      `            pass`,
      `        return lambda a, b=1: a[1:2, ::3] if a else b`,
      '',
    );
    i++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

if (process.argv[1]?.endsWith('generate.ts')) process.stdout.write(generate(Number(process.argv[2] ?? 10_000)));
