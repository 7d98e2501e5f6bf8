/** Marks a switch as exhaustive: TypeScript rejects the call when a case is missing. */
export function assertUnreachable(x: never): never {
  throw new Error(`unreachable: ${String(x)}`);
}
