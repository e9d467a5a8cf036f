/** A worker thread of `ehi-lint`: analyses the files it is sent, one message per file. */
import { parentPort } from 'worker_threads';
import type { FileAnalysis } from '../core/engine';
import { displayPath, makeAnalyser, WorkerSetup, WorkItem } from './run';

// The pool starts workers before the run's settings are known: they come as the first message.
let setup: WorkerSetup | undefined;
let analyse: ((item: WorkItem) => Promise<FileAnalysis>) | undefined;
parentPort!.on('message', (message: WorkItem | { setup: WorkerSetup }) => {
  if ('setup' in message) {
    setup = message.setup;
    analyse = makeAnalyser(setup);
    return;
  }
  const item = message;
  if (!analyse || !setup) throw new Error('worker: a file arrived before the settings');
  analyse(item).then(
    // Most files have nothing to report: send only what the collector counts (and the coverage of an evidence pack lists).
    (result) =>
      parentPort!.postMessage(
        isEmpty(result) ? { path: result.path, ...(result.language ? { language: result.language } : {}), findings: [], suppressed: [], exceptions: [], notices: [], lines: result.lines, parsed: result.parsed } : result,
      ),
    (err: Error) =>
      parentPort!.postMessage({
        path: displayPath(setup!.root, item.file),
        findings: [],
        suppressed: [],
        exceptions: [],
        notices: [{ code: 'internal', message: `analysis failed: ${err.message}`, stack: err.stack }],
        lines: 0,
        parsed: false,
      }),
  );
});

function isEmpty(r: FileAnalysis): boolean {
  return r.findings.length === 0 && r.suppressed.length === 0 && r.exceptions.length === 0 && r.notices.length === 0;
}
