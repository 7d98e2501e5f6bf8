// Delta debugging (Zeller's ddmin) of a failing program: remove chunks of lines, then of
// tokens, as long as the program still fails the same way.
import { tokenize } from './mutate';

/** ddmin over `items`: a smallest-found sublist for which `fails` still holds. */
export function ddmin<T>(items: T[], fails: (xs: T[]) => boolean, budget: { left: number }): T[] {
  let cur = items;
  let n = 2;
  while (cur.length >= 2 && budget.left > 0) {
    const size = Math.ceil(cur.length / n);
    let reduced = false;
    for (let start = 0; start < cur.length && budget.left > 0; start += size) {
      const complement = [...cur.slice(0, start), ...cur.slice(start + size)];
      budget.left--;
      if (complement.length > 0 && fails(complement)) {
        cur = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= cur.length) break;
      n = Math.min(cur.length, n * 2);
    }
  }
  return cur;
}

/** Minimizes `source` by lines, then by tokens, keeping `fails(source)` true. */
export function minimizeProgram(source: string, fails: (src: string) => boolean, maxTries = 600): string {
  const budget = { left: maxTries };
  const lines = ddmin(source.split('\n'), (ls) => fails(ls.join('\n')), budget);
  let src = lines.join('\n');
  const toks = tokenize(src).map((t) => t.text);
  src = ddmin(toks, (ts) => fails(ts.join('')), budget).join('');
  return src;
}
