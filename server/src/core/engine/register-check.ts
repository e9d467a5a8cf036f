/**
 * The exception register (`ehi-exceptions.yaml`) checked where it is written: its entries validated
 * like annotations, the files and locations they name looked up, and stale entries reported.
 */
import * as nodePath from 'path';
import { cannotJustify, EXCEPTIONS, isExceptionId } from '../annotations/exceptions';
import type { RegisterEntry } from '../annotations/register';
import { DEFAULT_REGISTER_FILE, entryAnnotation, parseRegister } from '../annotations/register';
import type { Annotation } from '../annotations/types';
import { validateAnnotation } from '../annotations/validate';
import type { AnalysisSettings, DetailedAnalysis } from './types';

/** How the register check analyses a file an entry names (the engine's own entry point, passed in). */
export type AnalyzeTarget = (path: string, text: string, settings: AnalysisSettings) => Promise<DetailedAnalysis>;

export function isDefaultRegisterPath(path: string): boolean {
  return nodePath.basename(path) === DEFAULT_REGISTER_FILE;
}

/** Whether the register bears on this file: it has entries for it, or it is the register. */
export function registerApplies(path: string, settings: AnalysisSettings): boolean {
  return settings.register.length > 0 || (settings.registerFile?.isRegister ?? isDefaultRegisterPath)(path);
}

/**
 * The register's own entries as annotations in the register's offsets, with their problems: the
 * same validation as comments, the rule they name, whether the file and location they point at
 * still exist, and whether the exception can justify what is found there.
 */
export async function checkRegisterEntries(path: string, text: string, settings: AnalysisSettings, analyzeTarget: AnalyzeTarget): Promise<Annotation[]> {
  const register = parseRegister(path, text);
  const out: Annotation[] = register.problems.map((p) => ({
    exceptionId: '',
    idSpan: p.at,
    fields: [],
    span: p.at,
    form: 'register' as const,
    targetLine: -1,
    problems: [{ kind: 'invalid' as const, message: p.message, at: p.at }],
  }));
  const byFile = new Map<string, RegisterEntry[]>();
  for (const entry of register.entries) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  const readTarget = settings.registerFile?.readTarget;
  const knownRules = new Map(settings.rules.map((r) => [r.rule.meta.id, r.rule.meta]));
  for (const [file, entries] of byFile) {
    let checked: Annotation[] | undefined;
    let missingFile = false;
    let unreadable: string | undefined;
    if (readTarget) {
      const targetText = await readTarget(file);
      if (targetText === undefined) missingFile = true;
      else {
        const inner = await analyzeTarget(file, targetText, { ...settings, register: entries, registerFile: { isRegister: () => false } });
        const fromTarget = inner.registerAnnotations;
        if (fromTarget.length === entries.length) checked = fromTarget;
        else unreadable = inner.result.notices[0]?.message ?? 'not a file type the linter reads';
      }
    }
    entries.forEach((entry, i) => {
      const annotation = checked?.[i] ?? entryAnnotation(entry);
      if (!checked) validateAnnotation(annotation, settings.now);
      if (unreadable) annotation.problems.unshift({ kind: 'invalid', message: `${file} cannot be checked: ${unreadable}`, at: entry.fileSpan });
      else if (missingFile) {
        annotation.problems.unshift({ kind: 'invalid', message: `stale entry: ${file} does not exist`, at: entry.fileSpan });
      } else if (checked && !annotation.target) {
        const where = entry.line !== undefined ? `line ${entry.line}` : entry.at !== undefined ? `\`${entry.at}\`` : 'a location (`at` or `line`)';
        const message = entry.line === undefined && entry.at === undefined ? `entry names no location in ${file}: add \`at\` or \`line\`` : `stale entry: ${where} no longer exists in ${file}`;
        annotation.problems.unshift({ kind: 'invalid', message, at: entry.locationSpan ?? entry.fileSpan });
      }
      if (entry.rule !== undefined) {
        const meta = knownRules.get(entry.rule);
        const at = entry.ruleSpan ?? entry.exceptionSpan;
        if (!meta) annotation.problems.push({ kind: 'invalid', message: `unknown or disabled rule "${entry.rule}"`, at });
        else if (isExceptionId(annotation.exceptionId) && !meta.exceptions.includes(annotation.exceptionId)) {
          annotation.problems.push({ kind: 'invalid', message: cannotJustify(EXCEPTIONS[annotation.exceptionId].title, entry.rule, meta.exceptions), at: entry.exceptionSpan });
        }
      }
      out.push(dedupeProblems(annotation));
    });
  }
  return out;
}

function dedupeProblems(annotation: Annotation): Annotation {
  const seen = new Set<string>();
  annotation.problems = annotation.problems.filter((p) => {
    const key = `${p.kind}\0${p.message}\0${p.at.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return annotation;
}
