/**
 * The seeds the fuzzer mutates: the project's own fixtures, grouped by input kind, and a few
 * `ehi-lint.config.json` files (no fixture holds one).
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_REGISTER_FILE } from '../../server/src/core/annotations/register';
import { languageIdForPath } from '../../server/src/core/language';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test-fixtures');

export const KINDS = ['ts/js', 'java', 'csharp', 'python', 'json', 'yaml', 'xml/mirth', 'properties', 'register', 'config'] as const;
export type InputKind = (typeof KINDS)[number];

export interface Seed {
  kind: InputKind;
  /** Absolute path of the fixture (for the register and project around it); a made-up one for config seeds. */
  file: string;
  /** The path the analysis is told (relative to the fixtures folder). */
  display: string;
  bytes: Buffer;
}

export function kindOf(file: string): InputKind | undefined {
  if (path.basename(file) === DEFAULT_REGISTER_FILE) return 'register';
  switch (languageIdForPath(file)) {
    case 'typescript':
    case 'javascript':
      return 'ts/js';
    case 'java':
      return 'java';
    case 'csharp':
      return 'csharp';
    case 'python':
      return 'python';
    case 'json':
      return 'json';
    case 'yaml':
      return 'yaml';
    case 'xml':
    case 'mirth':
      return 'xml/mirth';
    case 'properties':
      return 'properties';
    default:
      return undefined;
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (kindOf(full)) out.push(full);
  }
  return out;
}

const CONFIG_SEEDS = [
  '{\n  "$schema": "./node_modules/ehi-lint/schemas/ehi-lint.config.schema.json",\n  "rules": { "unjustified-throttle": "error", "release-delay": ["warning", { "maxDelayHours": 24 }] },\n  "include": ["src/**"],\n  "exclude": ["**/generated/**"]\n}\n',
  '{\n  // comments are allowed\n  "register": "docs/ehi-exceptions.yaml",\n  "audit": { "pattern": "auditLog", "templates": { "typescript": "auditLog(${ruleId})" } },\n  "maxFileBytes": 1048576,\n}\n',
  '{ "rules": { "data-class-filter": "off", "fax-only-manner": "info" } }',
  '{}',
];

let cached: Seed[] | undefined;

/** Every seed, in a fixed order (the fuzzer's choices index into it). */
export function seeds(): Seed[] {
  if (cached) return cached;
  const out: Seed[] = [];
  for (const file of listFiles(FIXTURES)) {
    const display = path.relative(FIXTURES, file).split(path.sep).join('/');
    out.push({ kind: kindOf(file)!, file, display, bytes: fs.readFileSync(file) });
  }
  CONFIG_SEEDS.forEach((text, i) => {
    const file = path.join(FIXTURES, `config-${i}`, 'ehi-lint.config.json');
    out.push({ kind: 'config', file, display: `config-${i}/ehi-lint.config.json`, bytes: Buffer.from(text) });
  });
  cached = out;
  return out;
}

export function seedsOf(kind: InputKind): Seed[] {
  return seeds().filter((s) => s.kind === kind);
}
