/** Validates SARIF against the official 2.1.0 schema (shipped by @microsoft/jest-sarif, read with ajv-draft-04). */
import * as assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import * as fs from 'fs';
import * as path from 'path';

let validate: ReturnType<Ajv['compile']> | undefined;

/** Fails unless `sarif` (a log, or its JSON text) is valid SARIF 2.1.0; returns the log. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function assertValidSarif(sarif: unknown): any {
  const log: unknown = typeof sarif === 'string' ? JSON.parse(sarif) : sarif;
  if (!validate) {
    const schemaPath = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object;
    // The official schema has a pattern that is not valid as a Unicode regular expression.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    validate = ajv.compile(schema);
  }
  const ok = validate(log);
  assert.ok(ok, `SARIF does not validate against the 2.1.0 schema:\n${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
  return log;
}
