/**
 * The analysis core: a file in, findings out. No editor, no network, no global state but parser
 * caches. The language server, the CLI and the tests all call `analyzeFile` / `analyzeText`; this
 * module is the engine's public surface.
 *
 * file → read (`read.ts`) → prefilter by trigger words (`prefilter.ts`) → parse → rule visitors
 *      (`dispatch.ts`) → pending findings → annotations (comments and register) validated and matched
 *      (`suppress.ts`, `register-check.ts`) → documented findings suppressed → annotation rules →
 *      findings with positions and fingerprints (`fingerprint.ts`).
 */
import { ParsedFile, parseFile } from '../files';
import { languageIdForPath } from '../language';
import { isNestingError, SyntaxBudgetError } from '../nesting';
import { isTestPath } from '../test-code';
import { LineIndex } from '../text';
import { runRules } from './dispatch';
import { applicableRules, bodyFilterFor, ruleApplies } from './prefilter';
import { decodeOrSkip, emptyResult, readSource } from './read';
import { checkRegisterEntries, isDefaultRegisterPath, registerApplies } from './register-check';
import { applyAnnotations } from './suppress';
import type { AnalysisSettings, DetailedAnalysis, FileAnalysis } from './types';

export type { AnalysisSettings, DetailedAnalysis, DocumentedException, EnabledRule, FileAnalysis, Finding, Notice, NoticeCode, RegisterFileAccess, RelatedLocation, Suppression } from './types';
export { DEFAULT_MAX_BYTES } from './types';
export { readSource } from './read';
export { isDefaultRegisterPath } from './register-check';


/** Syntax errors reported per file; more would bury the findings. */
const MAX_SYNTAX_NOTICES = 3;

/**
 * Reads and analyses one file. Never throws: unreadable input becomes a notice. Reads are
 * synchronous: callers run this in worker threads (or for one file at a time), and a scan of
 * thousands of small files spends far less time in `readFileSync` than waiting on the I/O pool.
 */
export async function analyzeFile(file: string, settings: AnalysisSettings, displayPath = file): Promise<FileAnalysis> {
  const bytes = readSource(file, settings, displayPath);
  return bytes instanceof Uint8Array ? analyzeBytes(displayPath, bytes, settings) : bytes;
}

/**
 * The analysis of a file when it needs no parse (too large, not text, no language, no rule whose
 * trigger words it contains, no register entry for it); `undefined` when it must be parsed. The
 * CLI answers such files in its own thread and sends only the others to workers.
 */
export function quickAnalysis(path: string, bytes: Uint8Array, settings: AnalysisSettings): FileAnalysis | undefined {
  const text = decodeOrSkip(path, bytes, settings);
  if (typeof text !== 'string') return text;
  const language = languageIdForPath(path);
  if (language && (applicableRules(settings, language, text).length > 0 || registerApplies(path, settings))) return undefined;
  return emptyResult(path, language, text);
}

export async function analyzeBytes(path: string, bytes: Uint8Array, settings: AnalysisSettings): Promise<FileAnalysis> {
  const text = decodeOrSkip(path, bytes, settings);
  return typeof text === 'string' ? analyzeText(path, text, settings) : text;
}

/** Analyses text as the file `path` (its extension picks the parser). Never throws. */
export async function analyzeText(path: string, text: string, settings: AnalysisSettings): Promise<FileAnalysis> {
  return (await analyzeTextDetailed(path, text, settings)).result;
}

/** The analysis, and the annotations it read (comments and register entries) with their problems. Never throws. */
export async function analyzeTextDetailed(path: string, text: string, settings: AnalysisSettings): Promise<DetailedAnalysis> {
  const language = languageIdForPath(path);
  const result = emptyResult(path, language, text);
  if (!language) return { result, annotations: [], registerAnnotations: [] };
  const isRegister = (settings.registerFile?.isRegister ?? isDefaultRegisterPath)(path);
  const candidates = applicableRules(settings, language, text);
  if (candidates.length === 0 && !registerApplies(path, settings)) return { result, annotations: [], registerAnnotations: [] };
  const lines = new LineIndex(text);
  let parsed: ParsedFile;
  try {
    parsed = await parseFile(path, text, settings.prefilter ? bodyFilterFor(candidates, settings.options.auditPattern) : undefined);
  } catch (err) {
    if (isNestingError(err)) result.notices.push({ code: 'too-deep', message: err.message });
    else if (err instanceof SyntaxBudgetError) result.notices.push({ code: 'syntax', message: err.message });
    else result.notices.push({ code: 'internal', message: `could not parse: ${(err as Error).message}`, stack: (err as Error).stack });
    return { result, annotations: [], registerAnnotations: [] };
  }
  result.parsed = true;
  result.language = parsed.language;
  if ((parsed.language === 'yaml' || parsed.language === 'python') && parsed.syntaxErrors.length > 0 && /\{\{[\s\S]*?\}\}|\{%/.test(text)) {
    // Helm (Go template) or Jinja: the file is a template that renders YAML or Python, not the language itself.
    const language = parsed.language === 'yaml' ? 'YAML' : 'Python';
    result.notices.push({ code: 'syntax', message: `templated ${language} ({{ }} or {% %}): not analysed as ${language}` });
    return { result, annotations: [], registerAnnotations: [] };
  }
  for (const e of parsed.syntaxErrors.slice(0, MAX_SYNTAX_NOTICES)) {
    result.notices.push({
      code: 'syntax',
      message: `syntax error${e.where ? ` in ${e.where}` : ''}: ${e.message}; findings in the parts that parse are still reported`,
      range: lines.rangeOf(e.span.start, e.span.end),
    });
  }
  const testCode = isTestPath(path);
  const rules = settings.rules.filter(
    (r) => (ruleApplies(r.rule, parsed.language) || (parsed.language === 'mirth' && r.rule.meta.languages.includes('xml'))) && !(testCode && r.rule.meta.skipsTestCode),
  );
  if (settings.project) {
    for (const unit of parsed.codeUnits) {
      try {
        await settings.project.prepare(unit.model, path);
      } catch (err) {
        // What other files hold only adds to what the file itself shows: without it the analysis still runs.
        result.notices.push({ code: 'internal', message: `could not read what this file refers to in the project: ${(err as Error).message}`, stack: (err as Error).stack });
      }
    }
  }
  const pending = runRules(rules, new Set(candidates), parsed, path, text, settings, result);
  const entries = isRegister ? await checkRegisterEntries(path, text, settings, analyzeTextDetailed) : [];
  const { inFile, fromRegister } = applyAnnotations(parsed, pending, rules, path, text, lines, settings, result, entries);
  const dependencies = settings.project?.dependencies(path) ?? [];
  if (dependencies.length > 0) result.dependencies = [...dependencies];
  return { result, annotations: inFile, registerAnnotations: fromRegister, parsed };
}
