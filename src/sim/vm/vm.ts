// The VM: one simulated Python process (heap roots, modules, streams) — filled in below.
export class VM {}
