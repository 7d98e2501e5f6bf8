// The SimSession backed by the simulator's kernel. Until the kernel's machine lands this
// returns no factory, and session requests answer that the simulator is unavailable.
import type { SimSessionFactory } from './session';

export function simFactory(): SimSessionFactory | undefined {
  return undefined;
}
