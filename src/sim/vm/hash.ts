// CPython-compatible hash functions for numbers and tuples (deterministic in CPython too),
// and a deterministic stand-in for str (CPython's is randomized per process).

const P = (1n << 61n) - 1n; // _PyHASH_MODULUS
const PN = 2 ** 61 - 1;

export function hashInt(v: number | bigint): number | bigint {
  if (typeof v === 'number') {
    if (v === -1) return -2;
    if (v < PN && v > -PN) return v;
    v = BigInt(v);
  }
  const neg = v < 0n;
  let h = (neg ? -v : v) % P;
  if (neg) h = -h;
  if (h === -1n) h = -2n;
  return normHash(h);
}

function normHash(h: bigint): number | bigint {
  return h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h;
}

/** CPython's _Py_HashDouble (NaN hashes to 0 here: CPython uses the object's address). */
export function hashFloat(x: number): number | bigint {
  if (!Number.isFinite(x)) {
    if (x !== x) return 0;
    return x > 0 ? 314159 : -314159;
  }
  if (Number.isInteger(x)) return hashInt(Number.isSafeInteger(x) ? x : BigInt(x));
  let sign = 1n;
  let m = x;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  // frexp
  let e = 0;
  while (m >= 1) {
    m /= 2;
    e++;
  }
  while (m < 0.5) {
    m *= 2;
    e--;
  }
  let acc = 0n;
  while (m) {
    acc = ((acc << 28n) & P) | (acc >> (61n - 28n));
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    acc += BigInt(y);
    if (acc >= P) acc -= P;
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  const be = BigInt(e);
  acc = ((acc << be) & P) | (acc >> (61n - be));
  acc *= sign;
  if (acc === -1n) acc = -2n;
  return normHash(acc);
}

/** FNV-1a over UTF-16 units folded to 60 bits (deterministic stand-in for SipHash). */
export function hashStr(s: string): number | bigint {
  if (s.length === 0) return 0;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 2246822519) >>> 0;
  }
  const h = (h1 * 2 ** 21 + (h2 >>> 11)) - 2 ** 52;
  return h === -1 ? -2 : h;
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
const M64 = (1n << 64n) - 1n;

/** CPython 3.8+ tuplehash (xxHash-based) over the items' hashes. */
export function hashTuple(hashes: (number | bigint)[]): number | bigint {
  let acc = XXPRIME_5;
  for (const h of hashes) {
    const lane = BigInt.asUintN(64, BigInt(h));
    acc = (acc + lane * XXPRIME_2) & M64;
    acc = ((acc << 31n) | (acc >> 33n)) & M64;
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(hashes.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796;
  return normHash(BigInt.asIntN(64, acc));
}
