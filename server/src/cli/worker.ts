/** A worker thread of `ehi-lint`: analyses the files it is sent, one message per file. */
import { parentPort, workerData } from 'worker_threads';
import { displayPath, makeAnalyser, WorkerSetup, WorkItem } from './run';

const setup = workerData as WorkerSetup;
const analyse = makeAnalyser(setup);
parentPort!.on('message', (item: WorkItem) => {
  analyse(item).then(
    (result) => parentPort!.postMessage(result),
    (err: Error) =>
      parentPort!.postMessage({
        path: displayPath(setup.root, item.file),
        findings: [],
        suppressed: [],
        exceptions: [],
        notices: [{ code: 'internal', message: `analysis failed: ${err.message}` }],
        lines: 0,
        parsed: false,
      }),
  );
});
