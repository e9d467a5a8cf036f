/**
 * The official SARIF 2.1.0 schema (shipped by @microsoft/jest-sarif), compiled once with the
 * draft-04 validator. Every test that produces SARIF checks it here.
 */
import * as assert from 'node:assert/strict';
import Ajv, { ValidateFunction } from 'ajv-draft-04';

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (validate) return validate;
  // The schema's patterns are ECMAScript regexes without the u flag; its formats are checked loosely.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
  return validate;
}

/** Parses SARIF text (or takes a log) and fails with the schema's complaints when it is not valid SARIF 2.1.0. */
export function assertValidSarif(sarif: string | object): any {
  const log = typeof sarif === 'string' ? JSON.parse(sarif) : sarif;
  const check = validator();
  if (!check(log)) {
    const problems = (check.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    assert.fail(`not valid SARIF 2.1.0:\n  ${problems.join('\n  ')}`);
  }
  return log;
}
