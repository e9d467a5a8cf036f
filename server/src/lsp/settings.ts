/**
 * The language server's settings: read per workspace folder from the client (`workspace/configuration`,
 * section `ehiLint`), or from `initializationOptions` and `didChangeConfiguration` for clients that
 * cannot answer it. `toUserConfig` is the one place where editor settings become the core's
 * `UserConfig`, so a project config file can later be merged in at the same point.
 */
import { RULE_IDS } from '../../../rules';
import { isRuleLevel, RuleLevel, UserConfig, withLevels } from '../settings/settings';
import { DEFAULT_REGISTER_FILE } from '../core/annotations/register';
import { DEFAULT_AUDIT_PATTERN } from '../settings/settings';
import { ConfigFile, configFileFilter } from '../settings/config-file';

export const SECTION = 'ehiLint';

/** Languages that have an audit-call template. */
export type AuditLanguage = 'typescript' | 'javascript' | 'java' | 'csharp' | 'python' | 'mirth';

/** `{rule}`, `{exception}` and `{reason}` (a string literal in the language's syntax) are filled in. */
export interface AuditTemplate {
  call: string;
  /** A line the file must contain for the call to compile (an import); added when missing. */
  import?: string;
}

export interface ServerSettings {
  enable: boolean;
  rules: Record<string, RuleLevel>;
  /** Globs (relative to the workspace folder); when not empty, only matching files are analysed. */
  include: string[];
  exclude: string[];
  auditPattern: string;
  auditTemplates: Record<AuditLanguage, AuditTemplate>;
  /** The exception register, relative to the workspace folder. */
  registerFile: string;
  /** Scan the whole workspace when the server starts. */
  scanOnStartup: boolean;
  /** Quiet time after an edit before the file is analysed again. */
  debounceMs: number;
}

export const DEFAULT_AUDIT_TEMPLATES: Record<AuditLanguage, AuditTemplate> = {
  typescript: { call: 'auditLog.record({ event: "ehi-exception", rule: "{rule}", exception: "{exception}", reason: {reason} });' },
  javascript: { call: 'auditLog.record({ event: "ehi-exception", rule: "{rule}", exception: "{exception}", reason: {reason} });' },
  java: { call: 'auditLog.record("ehi-exception", "{rule}", "{exception}", {reason});' },
  csharp: { call: '_auditLog.Record("ehi-exception", "{rule}", "{exception}", {reason});' },
  python: { call: 'audit_log.record(event="ehi-exception", rule="{rule}", exception="{exception}", reason={reason})' },
  // A code template named auditLog in the channel's library; Mirth scripts have no imports.
  mirth: { call: 'auditLog({ event: "ehi-exception", rule: "{rule}", exception: "{exception}", reason: {reason} });' },
};

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  rules: {},
  include: [],
  exclude: [],
  auditPattern: DEFAULT_AUDIT_PATTERN,
  auditTemplates: DEFAULT_AUDIT_TEMPLATES,
  registerFile: DEFAULT_REGISTER_FILE,
  scanOnStartup: false,
  debounceMs: 200,
};

/**
 * Settings as the client sent them (any shape) made safe: unknown keys ignored, wrong types
 * replaced by defaults, and each problem described so the user can be told once.
 */
export function normalizeSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, rules: {}, auditTemplates: { ...DEFAULT_AUDIT_TEMPLATES } };
  if (typeof input.enable === 'boolean') settings.enable = input.enable;
  if (input.rules && typeof input.rules === 'object') {
    for (const [id, level] of Object.entries(input.rules as Record<string, unknown>)) {
      if (!RULE_IDS.includes(id)) problems.push(`ehiLint.rules: unknown rule "${id}"`);
      else if (!isRuleLevel(level)) problems.push(`ehiLint.rules.${id}: expected off, info, warning or error`);
      else settings.rules[id] = level;
    }
  }
  settings.include = stringArray(input.include, 'include', problems);
  settings.exclude = stringArray(input.exclude, 'exclude', problems);
  if (typeof input.auditPattern === 'string' && input.auditPattern.trim() !== '') {
    try {
      new RegExp(input.auditPattern, 'i');
      settings.auditPattern = input.auditPattern;
    } catch (err) {
      problems.push(`ehiLint.auditPattern is not a valid regular expression (${(err as Error).message}); using "${DEFAULT_AUDIT_PATTERN}"`);
    }
  }
  if (input.auditTemplates && typeof input.auditTemplates === 'object') {
    for (const [language, value] of Object.entries(input.auditTemplates as Record<string, unknown>)) {
      if (!(language in DEFAULT_AUDIT_TEMPLATES)) {
        problems.push(`ehiLint.auditTemplates: unknown language "${language}"`);
        continue;
      }
      const template = typeof value === 'string' ? { call: value } : (value as Partial<AuditTemplate> | null);
      if (!template || typeof template.call !== 'string' || template.call.trim() === '') {
        problems.push(`ehiLint.auditTemplates.${language}: expected a string or { "call": string, "import"?: string }`);
        continue;
      }
      settings.auditTemplates[language as AuditLanguage] = { call: template.call, ...(typeof template.import === 'string' && template.import.trim() ? { import: template.import } : {}) };
    }
  }
  if (typeof input.registerFile === 'string' && input.registerFile.trim() !== '') settings.registerFile = input.registerFile.trim();
  if (typeof input.scanOnStartup === 'boolean') settings.scanOnStartup = input.scanOnStartup;
  if (typeof input.debounceMs === 'number' && input.debounceMs >= 0 && input.debounceMs <= 10_000) settings.debounceMs = input.debounceMs;
  else if (input.debounceMs !== undefined) problems.push(`ehiLint.debounceMs: expected a number of milliseconds from 0 to 10000; using ${DEFAULT_SETTINGS.debounceMs}`);
  return { settings, problems };
}

function stringArray(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  problems.push(`ehiLint.${name}: expected a list of glob patterns`);
  return [];
}

/** Editor settings → the core's configuration. The one place this mapping happens. */
export function toUserConfig(settings: ServerSettings): UserConfig {
  return { rules: { ...settings.rules }, auditPattern: settings.auditPattern };
}

/**
 * The project's `ehi-lint.config.json` (shared with the CLI) under the editor settings: the file
 * gives rule levels and options, audit pattern and templates, include/exclude, the register and the
 * size limit; an editor setting wins where it differs from its default (rule levels are merged, the
 * editor's on top; the editor sets no options, so the file's stay). Returns the settings, the
 * core's configuration, and a filter for the file's include/exclude globs.
 */
export function withConfigFile(settings: ServerSettings, file: ConfigFile | undefined): { settings: ServerSettings; user: UserConfig; fileFilter?: (path: string) => boolean } {
  if (!file) return { settings, user: toUserConfig(settings) };
  const merged: ServerSettings = {
    ...settings,
    auditPattern: settings.auditPattern !== DEFAULT_SETTINGS.auditPattern ? settings.auditPattern : file.user.auditPattern ?? settings.auditPattern,
    registerFile: settings.registerFile !== DEFAULT_SETTINGS.registerFile ? settings.registerFile : file.register,
    auditTemplates: { ...settings.auditTemplates },
  };
  for (const [language, call] of Object.entries(file.auditTemplates)) {
    const lang = language as AuditLanguage;
    if (call && JSON.stringify(settings.auditTemplates[lang]) === JSON.stringify(DEFAULT_AUDIT_TEMPLATES[lang])) merged.auditTemplates[lang] = { call };
  }
  const usesFileGlobs = settings.include.length === 0 && settings.exclude.length === 0 && (file.include.length > 0 || file.exclude.length > 0);
  return {
    settings: merged,
    user: { ...toUserConfig(merged), rules: withLevels(file.user.rules, settings.rules), ...(file.user.maxFileBytes !== undefined ? { maxFileBytes: file.user.maxFileBytes } : {}) },
    fileFilter: usesFileGlobs ? configFileFilter(file) : undefined,
  };
}
