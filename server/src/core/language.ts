/**
 * The languages and formats the core reads, and which one a path is. Every layer may ask; this
 * module imports nothing but the IR's language names.
 */
import * as path from 'path';
import type { CodeLanguage } from './ir';

/** Languages and formats a rule can declare. `mirth` is JavaScript inside Mirth Connect channel XML. */
export type LanguageId = 'typescript' | 'javascript' | 'java' | 'csharp' | 'python' | 'mirth' | 'json' | 'yaml' | 'xml' | 'properties' | 'nginx';

export const ALL_LANGUAGES: LanguageId[] = ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties', 'nginx'];
export const CODE_LANGUAGES: LanguageId[] = ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth'];

export type FileFormat = 'code' | 'json' | 'yaml' | 'properties' | 'xml' | 'nginx';

const CODE_EXTENSIONS: Record<string, CodeLanguage> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.java': 'java',
  '.cs': 'csharp',
  '.py': 'python',
};

const CONFIG_EXTENSIONS: Record<string, FileFormat> = {
  '.json': 'json',
  '.jsonc': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.properties': 'properties',
  '.xml': 'xml',
};

/** The grammar a code file is parsed with, by its extension (declaration files are not code). */
export function languageForPath(file: string): CodeLanguage | undefined {
  if (file.endsWith('.d.ts')) return undefined;
  return CODE_EXTENSIONS[path.extname(file).toLowerCase()];
}

/**
 * NGINX configuration by its name: `*.conf` and `*.nginx` (also `*.conf.template`, as the nginx image
 * renders them), and the extension-less files of `sites-available`/`sites-enabled`. Whether a `.conf`
 * file really is NGINX is decided by its content when it is parsed (`formats/nginx.ts`).
 */
function isNginxPath(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  if (/\.(conf|nginx)(\.template)?$/.test(base)) return true;
  return !base.includes('.') && /^sites-(available|enabled)$/.test(path.basename(path.dirname(file)));
}

/** The format of a path by its name, or undefined for files the core does not read. */
export function formatForPath(file: string): FileFormat | undefined {
  if (languageForPath(file)) return 'code';
  return CONFIG_EXTENSIONS[path.extname(file).toLowerCase()] ?? (isNginxPath(file) ? 'nginx' : undefined);
}

/** The language id a path is reported under before parsing (XML may turn out to be Mirth). */
export function languageIdForPath(file: string): LanguageId | undefined {
  const code = languageForPath(file);
  if (code) return code === 'tsx' ? 'typescript' : code;
  const format = formatForPath(file);
  return format === 'code' ? undefined : format;
}
