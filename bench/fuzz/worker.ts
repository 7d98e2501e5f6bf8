// Worker thread of a fuzz campaign (pool.ts): runs the mutants it is sent, announcing
// each before it starts so that the parent can tell which one hangs.
import { parentPort, workerData } from 'node:worker_threads';
import { initSim } from '../../test/support/sim';
import { chooseMutant, loadCorpus, runMutant } from './campaign';

interface Data {
  seed: number;
  maxSteps: number;
}

const port = parentPort!;
const data = workerData as Data;
const corpus = loadCorpus();

void initSim().then(() => {
  port.on('message', (i: number | null) => {
    if (i === null) {
      port.close();
      return;
    }
    const m = chooseMutant(corpus, data.seed, i);
    port.postMessage({ type: 'start', i, mutant: m });
    const result = runMutant(corpus, data.seed, i, { maxSteps: data.maxSteps }, m);
    port.postMessage({ type: 'done', result });
  });
  port.postMessage({ type: 'ready' });
});
