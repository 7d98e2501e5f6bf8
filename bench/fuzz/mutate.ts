// Mutation fuzzing of Python programs: drop, duplicate and swap lines and tokens of a
// seed program, with a seeded PRNG, so that mutant i of a campaign is always the same
// program. Shared by the CI fuzz test (test/unit/fuzz.test.ts) and the larger run
// (bench/fuzz/run.ts).

/** mulberry32: a small, fast, seedable 32-bit generator. */
export class Prng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    let t = (this.a = (this.a + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

/** A seed for item `i` of a campaign seeded with `seed`. */
export function itemSeed(seed: number, i: number): number {
  let z = (seed ^ Math.imul(i + 0x632be5ab, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

export interface Token {
  text: string;
  /** whitespace, newline or comment: never mutated alone */
  trivia: boolean;
}

const TOKEN_RE = new RegExp(
  [
    String.raw`[rRbBuUfF]{0,2}"""[\s\S]*?"""`, // triple-quoted strings
    String.raw`[rRbBuUfF]{0,2}'''[\s\S]*?'''`,
    String.raw`[rRbBuUfF]{0,2}"(?:[^"\\\n]|\\.)*"`, // strings
    String.raw`[rRbBuUfF]{0,2}'(?:[^'\\\n]|\\.)*'`,
    String.raw`#[^\n]*`, // comments
    String.raw`\n`,
    String.raw`[ \t]+`,
    String.raw`\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?[jJ]?|\.\d+`, // numbers
    String.raw`[A-Za-z_]\w*`, // names
    String.raw`\*\*=?|//=?|>>=?|<<=?|->|:=|[-+*/%&|^@=<>!]=|[-+*/%&|^~@<>=.,:;()[\]{}\\]`, // operators
    String.raw`.`,
  ].join('|'),
  'g',
);

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  for (const m of src.matchAll(TOKEN_RE)) {
    const text = m[0];
    out.push({ text, trivia: /^(?:\s+|#.*)$/.test(text) });
  }
  return out;
}

function tokenClass(t: string): string {
  if (/^[A-Za-z_]/.test(t)) return /^[rRbBuUfF]{0,2}['"]/.test(t) ? 'str' : 'name';
  if (/^[\d.]/.test(t) && t !== '.') return 'num';
  if (/^['"]/.test(t)) return 'str';
  return 'op';
}

export type MutationKind = 'drop-line' | 'dup-line' | 'swap-lines' | 'drop-token' | 'dup-token' | 'swap-tokens';
export const MUTATIONS: readonly MutationKind[] = ['drop-line', 'dup-line', 'swap-lines', 'drop-token', 'dup-token', 'swap-tokens'];

function mutateLines(src: string, kind: MutationKind, r: Prng): string {
  const lines = src.split('\n');
  if (lines.length < 2) return src;
  const i = r.int(lines.length);
  switch (kind) {
    case 'drop-line':
      lines.splice(i, 1);
      break;
    case 'dup-line':
      lines.splice(i, 0, lines[i]!);
      break;
    default: {
      // swap with a near line half of the time (keeps more mutants parseable)
      const j = r.next() < 0.5 ? Math.min(lines.length - 1, i + 1 + r.int(3)) : r.int(lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
  }
  return lines.join('\n');
}

function mutateTokens(src: string, kind: MutationKind, r: Prng): string {
  const toks = tokenize(src);
  const real = toks.map((t, i) => (t.trivia ? -1 : i)).filter((i) => i >= 0);
  if (real.length < 2) return src;
  const i = r.pick(real);
  switch (kind) {
    case 'drop-token':
      toks.splice(i, 1);
      break;
    case 'dup-token':
      toks.splice(i, 0, toks[i]!);
      break;
    default: {
      const k = real.indexOf(i);
      const how = r.int(3);
      let j: number;
      if (how === 0) j = real[Math.min(real.length - 1, k + 1 + r.int(3))]!; // a near token
      else if (how === 1) j = r.pick(real); // any token
      else {
        // a token of the same class (name, number, string, operator): more mutants parse
        const cls = tokenClass(toks[i]!.text);
        const same = real.filter((x) => tokenClass(toks[x]!.text) === cls);
        j = r.pick(same);
      }
      [toks[i], toks[j]] = [toks[j]!, toks[i]!];
    }
  }
  return toks.map((t) => t.text).join('');
}

export interface Mutant {
  /** index of the seed program */
  seedIndex: number;
  source: string;
  mutations: MutationKind[];
}

/** Mutant `i` of a campaign over `seeds` (program sources): 1-3 mutations of one seed.
 * `attempt` > 0 gives other mutants for the same `i` (used to skip unparseable ones). */
export function makeMutant(seeds: readonly string[], campaignSeed: number, i: number, attempt = 0): Mutant {
  const r = new Prng(itemSeed(campaignSeed, i) ^ Math.imul(attempt, 0x27d4eb2d));
  const seedIndex = r.int(seeds.length);
  let source = seeds[seedIndex]!;
  const n = 1 + r.int(3);
  const mutations: MutationKind[] = [];
  for (let k = 0; k < n; k++) {
    const kind = r.pick(MUTATIONS);
    mutations.push(kind);
    source = kind.endsWith('line') || kind === 'swap-lines' ? mutateLines(source, kind, r) : mutateTokens(source, kind, r);
  }
  return { seedIndex, source, mutations };
}
