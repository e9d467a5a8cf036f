/**
 * Preloaded with `node --require` by the internal-error tests: the code visitor of
 * `unjustified-throttle` throws on any file whose name contains `boom`, standing in for a bug in a
 * rule. Worker threads inherit the preload, so the CLI's workers fail the same way.
 */
import * as path from 'path';
import { RULES } from '../../rules';

const rule = RULES.find((r) => r.meta.id === 'unjustified-throttle')!;
const original = rule.code!;
(rule as { code: typeof original }).code = (ctx) => {
  if (path.basename(ctx.file.path).includes('boom')) throw new Error('a rule bug for the test');
  return original(ctx);
};
