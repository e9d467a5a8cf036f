/**
 * Writes schemas/ehi-lint.config.schema.json from the rule registry (`npm run docs` runs it); a
 * test fails when the file is out of date.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../rules';
import { configSchema, SCHEMA_FILE } from '../server/src/settings/config-file';

export const ROOT = path.resolve(__dirname, '..', '..');

export function expectedSchema(): string {
  return JSON.stringify(configSchema(RULES), null, 2) + '\n';
}

if (require.main === module) {
  fs.mkdirSync(path.join(ROOT, path.dirname(SCHEMA_FILE)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, SCHEMA_FILE), expectedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
