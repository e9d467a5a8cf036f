/**
 * `ehi-lint.config.json`: the project's settings, shared by every face (the CLI reads it, the
 * language server can merge it under the editor's settings). Found by walking up from the scanned
 * path to the repository root; `--config FILE` names it explicitly. Its JSON Schema is
 * `schemas/ehi-lint.config.schema.json` (generated from {@link configSchema}).
 *
 * A broken file is a {@link ConfigError} whose message starts with `file:line:column:`.
 */
import * as fs from 'fs';
import { Node as JsonNode, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import * as path from 'path';
import picomatch from 'picomatch';
import { DEFAULT_REGISTER_FILE } from '../core/annotations/register';
import type { Rule } from '../core/rule';
import { optionProblems, optionsJsonSchema } from '../core/rule-options';
import { ConfigError, DEFAULT_AUDIT_PATTERN, isRuleLevel, RuleLevel, UserConfig } from './settings';
import { LineIndex } from '../core/text';
import { jsonNesting, MAX_CONFIG_NESTING, NestingError } from '../core/nesting';
import type { LanguageId } from '../core/language';


export const CONFIG_FILE_NAME = 'ehi-lint.config.json';
export const SCHEMA_FILE = 'schemas/ehi-lint.config.schema.json';
/** Where the schema is published, for configs outside a project that has ehi-lint installed. */
export const SCHEMA_URL = `https://raw.githubusercontent.com/ehi-lint/ehi-lint/main/${SCHEMA_FILE}`;

/** Languages an audit-log insertion template can be given for. */
export const AUDIT_TEMPLATE_LANGUAGES = ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth'] as const satisfies readonly LanguageId[];
export type AuditTemplateLanguage = (typeof AUDIT_TEMPLATE_LANGUAGES)[number];

export interface ConfigFile {
  /** Absolute path of the file. */
  file: string;
  /** The folder globs and the register path are relative to. */
  dir: string;
  /** What the engine needs (rules, audit pattern, size limit). */
  user: UserConfig;
  /** Globs (relative to `dir`) of the files to analyse; empty means every file ehi-lint reads. */
  include: string[];
  /** Globs (relative to `dir`) of files never analysed. */
  exclude: string[];
  /** Absolute path of the exception register. */
  register: string;
  /** True when the register path was written in the file (then it must exist). */
  registerConfigured: boolean;
  /** Audit-log insertion templates by language, for the "Add audit logging" fix. */
  auditTemplates: Partial<Record<AuditTemplateLanguage, string>>;
}

const TOP_LEVEL_KEYS = ['$schema', 'rules', 'include', 'exclude', 'audit', 'register', 'maxFileBytes'] as const;
const AUDIT_KEYS = ['pattern', 'templates'] as const;

/**
 * The config file that applies to `start` (a file or folder): the nearest `ehi-lint.config.json`
 * in it or above it, stopping at the repository root (the folder holding `.git`).
 */
export function findConfigFile(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  while (true) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file. `display` names it in messages (default: the path). */
export function loadConfigFile(file: string, display: string, rules: readonly Rule[]): ConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`${display}: ${code === 'ENOENT' ? 'no such config file' : code === 'EISDIR' ? 'is a folder, not a config file' : `cannot read: ${code ?? (err as Error).message}`}`);
  }
  return parseConfigText(text, path.resolve(file), display, rules);
}

/** Validates config text; `file` is its absolute path (globs and the register are relative to its folder). */
export function parseConfigText(text: string, file: string, display: string, rules: readonly Rule[]): ConfigFile {
  const lines = new LineIndex(text);
  const fail = (offset: number, message: string): never => {
    const p = lines.positionAt(offset);
    throw new ConfigError(`${display}:${p.line + 1}:${p.character + 1}: ${message}`);
  };
  // The JSON parser recurses: a file nested deeper than any config is refused before it is parsed.
  const nesting = jsonNesting(text, MAX_CONFIG_NESTING);
  if (nesting.overAt !== undefined) fail(nesting.overAt, new NestingError(MAX_CONFIG_NESTING).message);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // Nothing but whitespace and comments: the only complaint is that a value was expected.
  const empty = !root && errors.every((e) => printParseErrorCode(e.error) === 'ValueExpected');
  if (empty) fail(0, 'the file is empty; it must hold a JSON object (run `ehi-lint --init` for a starter)');
  if (errors.length > 0) fail(errors[0].offset, `invalid JSON: ${describeParseError(printParseErrorCode(errors[0].error))}`);
  if (root!.type !== 'object') fail(root!.offset, `must be a JSON object, not ${kindOf(root!)}`);

  const dir = path.dirname(file);
  const result: ConfigFile = {
    file,
    dir,
    user: {},
    include: [],
    exclude: [],
    register: path.join(dir, DEFAULT_REGISTER_FILE),
    registerConfigured: false,
    auditTemplates: {},
  };
  const known = new Map(rules.map((r) => [r.meta.id, r]));

  for (const [key, keyNode, value] of properties(root!, fail)) {
    switch (key as (typeof TOP_LEVEL_KEYS)[number]) {
      case '$schema':
        expectString(value, key, fail);
        break;
      case 'rules':
        result.user.rules = readRules(value, known, fail);
        break;
      case 'include':
      case 'exclude':
        result[key as 'include' | 'exclude'] = readGlobs(value, key, fail);
        break;
      case 'audit':
        readAudit(value, result, fail);
        break;
      case 'register': {
        const register = expectString(value, key, fail);
        if (register.trim() === '') fail(value.offset, 'register must be a path to the exception register (YAML), relative to this file');
        result.register = path.resolve(dir, register);
        result.registerConfigured = true;
        break;
      }
      case 'maxFileBytes':
        if (value.type !== 'number' || !Number.isInteger(value.value) || value.value < 1) fail(value.offset, `maxFileBytes must be a positive whole number of bytes (got ${preview(value)})`);
        result.user.maxFileBytes = value.value as number;
        break;
      default:
        fail(keyNode.offset, `unknown setting "${key}" (expected ${TOP_LEVEL_KEYS.join(', ')})`);
    }
  }
  return result;
}

type Fail = (offset: number, message: string) => never;

/** An object's properties as [key, key node, value node], rejecting duplicate keys. */
function properties(node: JsonNode, fail: Fail): [string, JsonNode, JsonNode][] {
  const seen = new Set<string>();
  const out: [string, JsonNode, JsonNode][] = [];
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const key = keyNode.value as string;
    if (seen.has(key)) fail(keyNode.offset, `"${key}" is set twice`);
    seen.add(key);
    out.push([key, keyNode, value]);
  }
  return out;
}

function readRules(node: JsonNode, known: ReadonlyMap<string, Rule>, fail: Fail): UserConfig['rules'] {
  if (node.type !== 'object') fail(node.offset, `rules must be an object of rule id → level (got ${kindOf(node)})`);
  const rules: NonNullable<UserConfig['rules']> = {};
  for (const [id, keyNode, value] of properties(node, fail)) {
    const rule = known.get(id);
    if (!rule) fail(keyNode.offset, `unknown rule "${id}" (see ehi-lint --list-rules)`);
    if (value.type === 'array') {
      const [level, options, extra] = value.children ?? [];
      if (!level || !isRuleLevel(level.value)) fail(level?.offset ?? value.offset, `rules.${id}: the first item must be a level: off, info, warning or error${level ? ` (got ${preview(level)})` : ''}`);
      if (options && options.type !== 'object') fail(options.offset, `rules.${id}: the second item must be an object of rule options (got ${kindOf(options)})`);
      if (extra) fail(extra.offset, `rules.${id}: expected [level] or [level, options]`);
      rules[id] = [level.value as RuleLevel, options ? readRuleOptions(options, rule, fail) : {}];
    } else {
      if (!isRuleLevel(value.value)) fail(value.offset, `rules.${id}: level must be off, info, warning or error (got ${preview(value)})`);
      rules[id] = value.value as RuleLevel;
    }
  }
  return rules;
}

/** A rule's options object, checked against the rule's `meta.options`; a problem is reported at the key or value it is about. */
function readRuleOptions(node: JsonNode, rule: Rule, fail: Fail): Record<string, unknown> {
  const entries = properties(node, fail);
  const options = Object.fromEntries(entries.map(([key, , value]) => [key, jsonValue(value)]));
  const problem = optionProblems(rule.meta.options, options)[0];
  if (problem) {
    const [, keyNode, value] = entries.find(([key]) => key === problem.option)!;
    fail((problem.at === 'key' ? keyNode : value).offset, `rules.${rule.meta.id}: ${problem.message}`);
  }
  return options;
}

function readGlobs(node: JsonNode, key: string, fail: Fail): string[] {
  if (node.type !== 'array') fail(node.offset, `${key} must be an array of glob patterns (got ${kindOf(node)})`);
  return (node.children ?? []).map((item) => {
    const glob = expectString(item, `${key} item`, fail);
    if (glob.trim() === '') fail(item.offset, `${key}: an empty pattern matches nothing`);
    try {
      picomatch.makeRe(glob);
    } catch (err) {
      fail(item.offset, `${key}: invalid glob "${glob}": ${(err as Error).message}`);
    }
    return glob.replace(/\\/g, '/').replace(/^\.\//, '');
  });
}

function readAudit(node: JsonNode, result: ConfigFile, fail: Fail): void {
  if (node.type !== 'object') fail(node.offset, `audit must be an object with "pattern" and "templates" (got ${kindOf(node)})`);
  for (const [key, keyNode, value] of properties(node, fail)) {
    if (key === 'pattern') {
      const pattern = expectString(value, 'audit.pattern', fail);
      try {
        new RegExp(pattern, 'i');
      } catch (err) {
        fail(value.offset, `audit.pattern is not a valid regular expression: ${(err as Error).message}`);
      }
      result.user.auditPattern = pattern;
    } else if (key === 'templates') {
      if (value.type !== 'object') fail(value.offset, `audit.templates must be an object of language → template (got ${kindOf(value)})`);
      for (const [language, languageNode, template] of properties(value, fail)) {
        if (!(AUDIT_TEMPLATE_LANGUAGES as readonly string[]).includes(language)) {
          fail(languageNode.offset, `audit.templates: unknown language "${language}" (expected ${AUDIT_TEMPLATE_LANGUAGES.join(', ')})`);
        }
        result.auditTemplates[language as AuditTemplateLanguage] = expectString(template, `audit.templates.${language}`, fail);
      }
    } else {
      fail(keyNode.offset, `unknown setting "audit.${key}" (expected ${AUDIT_KEYS.join(', ')})`);
    }
  }
}

function expectString(node: JsonNode, what: string, fail: Fail): string {
  if (node.type !== 'string') fail(node.offset, `${what} must be a string (got ${kindOf(node)})`);
  return node.value as string;
}

function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value as string, jsonValue(p.children![1])]));
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

function kindOf(node: JsonNode): string {
  return node.type === 'null' ? 'null' : node.type === 'array' ? 'an array' : node.type === 'object' ? 'an object' : `a ${node.type}`;
}

function preview(node: JsonNode): string {
  return node.type === 'object' || node.type === 'array' ? kindOf(node) : JSON.stringify(node.value);
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'a property name (in double quotes) was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing } was expected',
    CloseBracketExpected: 'a closing ] was expected',
    EndOfFileExpected: 'unexpected text after the end of the object',
    InvalidCommentToken: 'malformed comment',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  return words[code] ?? code;
}

/**
 * Whether a file is in scope of the config's include/exclude globs (matched against its path
 * relative to the config's folder). Files outside that folder are not filtered.
 */
export function configFileFilter(config: Pick<ConfigFile, 'dir' | 'include' | 'exclude'>): (file: string) => boolean {
  const options = { dot: true };
  const include = config.include.length > 0 ? picomatch(config.include, options) : undefined;
  const exclude = config.exclude.length > 0 ? picomatch(config.exclude, options) : undefined;
  if (!include && !exclude) return () => true;
  return (file) => {
    const relative = path.relative(config.dir, file).split(path.sep).join('/');
    if (relative.startsWith('../') || path.isAbsolute(relative)) return true;
    if (exclude && exclude(relative)) return false;
    return !include || include(relative);
  };
}

/** The text `ehi-lint --init` writes: every rule at its default level, and the other settings at their defaults. */
export function starterConfig(rules: readonly Rule[], schemaRef: string): string {
  const config = {
    $schema: schemaRef,
    rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity])),
    include: [],
    exclude: [],
    audit: { pattern: DEFAULT_AUDIT_PATTERN, templates: {} },
    register: DEFAULT_REGISTER_FILE,
  };
  return JSON.stringify(config, null, 2) + '\n';
}

/** The `$schema` reference for a new config in `dir`: the installed package's copy if there is one, else the published URL. */
export function schemaReference(dir: string): string {
  const local = path.join('node_modules', 'ehi-lint', SCHEMA_FILE);
  return fs.existsSync(path.join(dir, local)) ? `./${local}` : SCHEMA_URL;
}

const LEVELS = ['off', 'info', 'warning', 'error'];

/** The JSON Schema (draft-04, which every editor reads) for `ehi-lint.config.json`. */
export function configSchema(rules: readonly Rule[]): object {
  const level = { type: 'string', enum: LEVELS };
  const ruleSetting = (rule: Rule) => ({
    description: `${rule.meta.title}. ${rule.meta.docs.summary}`,
    default: rule.meta.severity,
    oneOf: [
      { $ref: '#/definitions/level' },
      { type: 'array', items: [{ $ref: '#/definitions/level' }, optionsJsonSchema(rule.meta.options)], minItems: 1, maxItems: 2, additionalItems: false },
    ],
  });
  return {
    $schema: 'http://json-schema.org/draft-04/schema#',
    id: SCHEMA_URL,
    title: 'EHI Lint configuration (ehi-lint.config.json)',
    description: 'Settings for ehi-lint, its language server and the VS Code extension. Paths and globs are relative to this file.',
    type: 'object',
    additionalProperties: false,
    definitions: { level: { ...level, description: 'off, or the severity findings of this rule are reported with.' } },
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema this file follows.' },
      rules: {
        type: 'object',
        description: 'Rule id → level ("off", "info", "warning", "error"), or [level, options].',
        properties: Object.fromEntries(rules.map((r) => [r.meta.id, ruleSetting(r)])),
        additionalProperties: false,
      },
      include: {
        type: 'array',
        description: 'Glob patterns of the files to analyse (default: every file ehi-lint reads).',
        items: { type: 'string', minLength: 1 },
      },
      exclude: {
        type: 'array',
        description: 'Glob patterns of files never analysed, on top of .gitignore, node_modules and build output.',
        items: { type: 'string', minLength: 1 },
      },
      audit: {
        type: 'object',
        description: 'How audit logging is recognised, and what the "Add audit logging" fix inserts.',
        additionalProperties: false,
        properties: {
          pattern: { type: 'string', description: 'Regular expression (case-insensitive) matched against a call’s callee text to recognise an audit-log call.', default: DEFAULT_AUDIT_PATTERN },
          templates: {
            type: 'object',
            description: 'Audit-log call to insert, per language. Placeholders: {rule}, {exception}, {reason}.',
            additionalProperties: false,
            properties: Object.fromEntries(AUDIT_TEMPLATE_LANGUAGES.map((l) => [l, { type: 'string' }])),
          },
        },
      },
      register: { type: 'string', minLength: 1, description: 'Path of the exception register (YAML).', default: DEFAULT_REGISTER_FILE },
      maxFileBytes: { type: 'integer', minimum: 1, description: 'Files larger than this are not analysed (a notice says so).' },
    },
  };
}
