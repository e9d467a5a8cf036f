/**
 * The fuzzing properties in the normal test run: a fixed seed and a bounded number of mutated
 * fixtures per input kind (`npm run fuzz` runs thousands). fast-check shrinks a failing case to a
 * small one and prints its seed and path for `npm run fuzz -- --seed …`.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkInput } from './check';
import { KINDS, seeds } from './corpus';
import { applyMutations, caseArb } from './mutate';

/** Fixed, so that a failure here is a failure on every machine. */
const SEED = 20261206;
/** Per kind: about 20 s for the whole suite on a shared two-core machine. */
const RUNS = Number(process.env.EHI_FUZZ_RUNS ?? 12);

describe('fuzzing the core with mutated fixtures', function () {
  this.timeout(120_000);
  const all = seeds();

  for (const kind of KINDS) {
    it(`${kind}: no throw, no internal notice, positions inside the file, valid SARIF, stable findings, idempotent quick-fixes`, async () => {
      const indexes = all.flatMap((s, i) => (s.kind === kind ? [i] : []));
      assert.ok(indexes.length > 0, `no seed of kind ${kind}`);
      await fc.assert(
        fc.asyncProperty(caseArb(indexes, all.length), async (c) => {
          const seed = all[c.seed];
          const bytes = applyMutations(seed.bytes, c.mutations, (i) => all[i].bytes);
          const outcome = await checkInput(seed, bytes);
          assert.deepEqual(outcome.violations, [], `${seed.display}`);
        }),
        { seed: SEED + KINDS.indexOf(kind), numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});
