// Decoding of literal text: numbers (ints to bigint, floats, imaginary) and the body of
// string/bytes literals (escape sequences, raw strings), as CPython's tokenizer does.

import type { ConstantValue } from './ast';

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

function fail<T>(message: string): Decoded<T> {
  return { ok: false, message };
}

/** An integer or float literal as written (may carry a j/J suffix). */
/** `0` or digits without a leading zero or underscores: the common case, no regexes. */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  if (n === 0 || (n > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function decodeNumber(text: string): Decoded<ConstantValue> {
  if (isPlainDecimal(text)) return { ok: true, value: { type: 'int', value: BigInt(text) } };
  let t = text;
  if (/[lL]$/.test(t)) return fail('invalid decimal literal');
  const imaginary = /[jJ]$/.test(t);
  if (imaginary) t = t.slice(0, -1);
  if (/__|_$|^_/.test(t) || /_[.eE]|[.eE]_|[xXoObB]__/.test(t)) return fail('invalid decimal literal');
  const clean = t.replace(/_/g, '');
  if (imaginary) {
    const v = Number(clean);
    if (Number.isNaN(v)) return fail('invalid imaginary literal');
    return { ok: true, value: { type: 'complex', imag: v } };
  }
  if (/^0[xX][0-9a-fA-F]+$/.test(clean) || /^0[oO][0-7]+$/.test(clean) || /^0[bB][01]+$/.test(clean)) {
    return { ok: true, value: { type: 'int', value: BigInt(clean.toLowerCase()) } };
  }
  if (/^0[xX]/.test(clean)) return fail('invalid hexadecimal literal');
  if (/^0[oO]/.test(clean)) return fail(/[89]/.test(clean) ? `invalid digit '${clean.match(/[89]/)![0]}' in octal literal` : 'invalid octal literal');
  if (/^0[bB]/.test(clean)) {
    const bad = clean.slice(2).match(/[2-9]/);
    return fail(bad ? `invalid digit '${bad[0]}' in binary literal` : 'invalid binary literal');
  }
  if (/^[0-9]+$/.test(clean)) {
    if (clean.length > 1 && clean[0] === '0' && /[1-9]/.test(clean)) {
      return fail('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
    }
    return { ok: true, value: { type: 'int', value: BigInt(clean) } };
  }
  if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(clean)) {
    return { ok: true, value: { type: 'float', value: Number(clean) } };
  }
  return fail('invalid decimal literal');
}

export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  fstring: boolean;
  /** The quote: ', ", ''' or """ */
  quote: string;
  /** Length of prefix + opening quote. */
  openLen: number;
}

/** Splits the start of a literal like `rb'''` into flags. */
export function parsePrefix(text: string): StringPrefix | null {
  const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(text);
  if (!m) return null;
  const p = m[1].toLowerCase();
  if (!/^(|r|u|b|br|rb|f|fr|rf)$/.test(p)) return null;
  return { raw: p.includes('r'), bytes: p.includes('b'), fstring: p.includes('f'), quote: m[2], openLen: m[0].length };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** A few \N{...} names that teaching code uses; others are reported as unsupported. */
const UNICODE_NAMES: Record<string, number> = {
  'BULLET': 0x2022, 'EM DASH': 0x2014, 'EN DASH': 0x2013, 'HORIZONTAL ELLIPSIS': 0x2026,
  'NO-BREAK SPACE': 0xa0, 'DEGREE SIGN': 0xb0, 'CHECK MARK': 0x2713, 'GREEK SMALL LETTER ALPHA': 0x3b1,
  'GREEK SMALL LETTER PI': 0x3c0, 'SNOWMAN': 0x2603, 'LATIN SMALL LETTER E WITH ACUTE': 0xe9,
  'BLACK STAR': 0x2605, 'WHITE STAR': 0x2606, 'RIGHTWARDS ARROW': 0x2192, 'LEFTWARDS ARROW': 0x2190,
  'MULTIPLICATION SIGN': 0xd7, 'COPYRIGHT SIGN': 0xa9, 'EURO SIGN': 0x20ac, 'SPACE': 0x20,
  'LINE FEED': 0x0a, 'NULL': 0, 'CHARACTER TABULATION': 0x09, 'ESCAPE': 0x1b, 'BELL': 0x07,
};

/** \N{...} names met by decodeBody that are not in UNICODE_NAMES (drained by the caller). */
export const unknownNames: string[] = [];

/**
 * Decodes the text between the quotes. For bytes the result holds one char per byte
 * (code units 0..255).
 */
export function decodeBody(body: string, raw: boolean, bytes: boolean): Decoded<string> {
  if (bytes) {
    for (let i = 0; i < body.length; i++) {
      if (body.charCodeAt(i) > 0x7f) return fail('bytes can only contain ASCII literal characters');
    }
  }
  if (raw || body.indexOf('\\') < 0) return { ok: true, value: normalizeNewlines(body) };
  let out = '';
  let i = 0;
  const n = body.length;
  const codec = bytes ? 'bytes' : 'unicodeescape';
  while (i < n) {
    const ch = body[i];
    if (ch !== '\\') {
      if (ch === '\r') {
        out += '\n';
        if (body[i + 1] === '\n') i++;
      } else out += ch;
      i++;
      continue;
    }
    const pos = out.length;
    const e = body[i + 1];
    if (e === undefined) {
      out += '\\';
      i++;
      continue;
    }
    if (e === '\n') {
      i += 2;
      continue;
    }
    if (e === '\r') {
      i += body[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    if (e >= '0' && e <= '7') {
      let j = i + 1;
      let v = 0;
      while (j < n && j < i + 4 && body[j] >= '0' && body[j] <= '7') v = v * 8 + (body.charCodeAt(j++) - 48);
      out += String.fromCharCode(bytes ? v & 0xff : v);
      i = j;
      continue;
    }
    if (e === 'x' || (!bytes && (e === 'u' || e === 'U'))) {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + len);
      if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) {
        const what = e === 'x' ? '\\xXX' : e === 'u' ? '\\uXXXX' : '\\UXXXXXXXX';
        if (bytes) return fail(`(value error) invalid \\x escape at position ${pos}`);
        return fail(`(unicode error) '${codec}' codec can't decode bytes in position ${pos}-${pos + 1}: truncated ${what} escape`);
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) {
        return fail(`(unicode error) '${codec}' codec can't decode bytes in position ${pos}-${pos + 9}: illegal Unicode character`);
      }
      out += String.fromCodePoint(cp);
      i += 2 + len;
      continue;
    }
    if (e === 'N' && !bytes) {
      const m = /^\{([^}]*)\}/.exec(body.slice(i + 2));
      const cp = m ? UNICODE_NAMES[m[1].toUpperCase()] : undefined;
      if (!m) return fail(`(unicode error) '${codec}' codec can't decode bytes in position ${pos}-${pos + 1}: malformed \\N character escape`);
      if (cp === undefined) {
        // Without a Unicode name table: U+FFFD stands in, and the caller reports the feature.
        unknownNames.push(m[1]);
        out += '\ufffd';
      } else out += String.fromCodePoint(cp);
      i += 2 + m[0].length;
      continue;
    }
    // Unknown escape: kept as written (CPython warns, it does not fail).
    out += '\\';
    i++;
  }
  return { ok: true, value: out };
}

function normalizeNewlines(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

export function bytesOf(decoded: string): number[] {
  const out: number[] = new Array(decoded.length);
  for (let i = 0; i < decoded.length; i++) out[i] = decoded.charCodeAt(i) & 0xff;
  return out;
}
