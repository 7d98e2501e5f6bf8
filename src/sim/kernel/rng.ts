// The kernel's seeded pseudo-random generator (never Math.random): xoshiro128** seeded
// through splitmix32. State is four 32-bit words in a plain object, so snapshots copy it
// and the same seed always gives the same sequence on every JS engine.

export interface Rng {
  s: [number, number, number, number];
}

function splitmix32(state: { x: number }): number {
  state.x = (state.x + 0x9e3779b9) | 0;
  let z = state.x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A generator for `seed` (any finite number; non-integers and big values are folded). */
export function createRng(seed: number): Rng {
  const lo = Math.trunc(seed) >>> 0;
  const hi = Math.trunc(seed / 4294967296) >>> 0;
  const st = { x: (lo ^ Math.imul(hi, 0x27d4eb2d)) | 0 };
  const s: [number, number, number, number] = [splitmix32(st), splitmix32(st), splitmix32(st), splitmix32(st)];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return { s };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Next 32-bit unsigned integer. */
export function nextU32(r: Rng): number {
  const s = r.s;
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

/** Uniform float in [0, 1) with 32 bits of randomness. */
export function nextFloat(r: Rng): number {
  return nextU32(r) / 4294967296;
}

/** Uniform integer in [0, n) without modulo bias (n >= 1, n <= 2^32). */
export function nextInt(r: Rng, n: number): number {
  if (n <= 1) return 0;
  const limit = 4294967296 - (4294967296 % n);
  for (;;) {
    const x = nextU32(r);
    if (x < limit) return x % n;
  }
}

export function copyRng(r: Rng): Rng {
  return { s: [r.s[0], r.s[1], r.s[2], r.s[3]] };
}
