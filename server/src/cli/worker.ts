/** A worker thread of `ehi-lint`: analyses the files it is sent, one message per file. */
import { parentPort, workerData } from 'worker_threads';
import { makeAnalyser, WorkerSetup } from './run';

const analyse = makeAnalyser(workerData as WorkerSetup);
parentPort!.on('message', (file: string) => {
  analyse(file).then(
    (result) => parentPort!.postMessage(result),
    (err: Error) =>
      parentPort!.postMessage({
        path: file,
        findings: [],
        suppressed: [],
        exceptions: [],
        notices: [{ code: 'internal', message: `analysis failed: ${err.message}` }],
        lines: 0,
        parsed: false,
      }),
  );
});
