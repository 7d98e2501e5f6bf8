// Schedule exploration, replay checks and lock-order analysis (see explore.ts).
export { explore, search, replays, type ExploreOptions, type ExploreReport } from './explore';
export { searchDfs } from './dfs';
export { searchPct } from './pct';
export { searchRandom } from './random';
export { runOnce, classify, describeEdges, isPreemption, type Chooser } from './runner';
export { lockOrderCycles, describeCycle, type LockOrderCycle, type LockOrderEdge } from './lockorder';
export { machineHash, hashGraph } from './hash';
export { nextIsInvisible } from './visibility';
export { programFactory, type ProgramOptions, type FactoryResult } from './source';
export * from './types';
