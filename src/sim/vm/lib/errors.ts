// The pure helpers in src/sim/vm/lib report Python-level errors by throwing a
// LibError naming the Python exception class and its exact CPython message; the
// object-model wrappers (src/sim/vm/builtins) turn it into the Python exception.

export type LibErrorType =
  | 'ValueError'
  | 'TypeError'
  | 'OverflowError'
  | 'ZeroDivisionError'
  | 'IndexError'
  | 'KeyError'
  | 'UnicodeEncodeError'
  | 'UnicodeDecodeError'
  | 'LookupError'
  | 'MemoryError';

export class LibError extends Error {
  constructor(
    readonly pyType: LibErrorType,
    message: string,
  ) {
    super(message);
  }
}

export function valueError(message: string): LibError {
  return new LibError('ValueError', message);
}

export function typeError(message: string): LibError {
  return new LibError('TypeError', message);
}

/** The largest string the helpers build; beyond it Python would raise MemoryError. */
export const MAX_STRING = 100_000_000;

/** s repeated n times, or MemoryError when the result would be unreasonably large. */
export function rep(s: string, n: number): string {
  if (n <= 0 || s.length === 0) return '';
  if (s.length * n > MAX_STRING) throw new LibError('MemoryError', '');
  return s.repeat(n);
}
