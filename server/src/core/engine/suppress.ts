/**
 * Annotations applied to the pending findings: each valid annotation documents the findings in its
 * target construct whose rule accepts its exception; documented findings become suppressed ones, the
 * others open findings with ranges and fingerprints; every annotation is listed for the register view.
 */
import { cannotJustify, ExceptionId, EXCEPTIONS, isExceptionId } from '../annotations/exceptions';
import { ANNOTATION_MARKER, parseAnnotations } from '../annotations/parse';
import { annotationFromRegister } from '../annotations/register';
import type { Annotation } from '../annotations/types';
import { fieldValue, namedRule } from '../annotations/types';
import { checkCopiedReasons, validateAnnotation } from '../annotations/validate';
import { CodeUnit, constructsByLine, ParsedFile } from '../files';
import type { Span } from '../ir';
import type { PendingFinding } from '../rule';
import { LineIndex } from '../text';
import { RawFinding, runAnnotationRules } from './dispatch';
import { Fingerprinter } from './fingerprint';
import type { ForeignAnnotation, ProjectContext } from '../project';
import type { AnalysisSettings, DocumentedException, EnabledRule, FileAnalysis, Finding, Suppression } from './types';

export function applyAnnotations(
  parsed: ParsedFile,
  pending: RawFinding[],
  rules: EnabledRule[],
  path: string,
  text: string,
  lines: LineIndex,
  settings: AnalysisSettings,
  result: FileAnalysis,
  registerEntries: Annotation[],
): { inFile: Annotation[]; fromRegister: Annotation[] } {
  const foreign = settings.project ? matchForeignAnnotations(settings.project, pending, rules, settings.now) : new Map<Annotation, ForeignAnnotation>();
  const annotations = text.includes(ANNOTATION_MARKER) ? parseAnnotations(parsed.comments, lines) : [];
  checkCopiedReasons(annotations, (a) => a.exceptionId);
  const registerAnnotations = settings.register.map((entry) => annotationFromRegister(entry, parsed, lines));
  const all = [...annotations, ...registerAnnotations];
  if (all.length > 0) {
    const constructs = constructsByLine(parsed, lines);
    for (const a of annotations) a.target = constructs.get(a.targetLine);
    const accepted = new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta.exceptions]));
    for (const a of all) validateAnnotation(a, settings.now);
    for (const a of all) {
      if (!a.target && a.form !== 'register') {
        a.problems.push({
          kind: 'invalid',
          message: `no statement, declaration or entry begins on line ${a.targetLine + 1}, the line after it`,
          at: a.idSpan,
        });
      }
      matchFindings(a, pending, accepted);
    }
  }
  runAnnotationRules(rules, pending, result, {
    file: { path, language: parsed.language, text },
    options: settings.options,
    // Register entries are checked where they are written: in the register file.
    annotations: [...annotations, ...registerEntries],
    findings: pending,
    now: settings.now,
    codeAt: (span) => codeUnitAt(parsed, span)?.model,
    codeUnitAt: (span) => codeUnitAt(parsed, span),
    mentionedElsewhere: (name) => settings.project?.mentionedElsewhere(path, name) ?? false,
  });
  const ruleMeta = new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta]));
  const fingerprints = new Fingerprinter(text, lines);
  for (const p of pending.sort((a, b) => a.at.start - b.at.start || a.ruleId.localeCompare(b.ruleId))) {
    const meta = ruleMeta.get(p.ruleId);
    const exceptions = (meta?.exceptions ?? []).filter((e) => !p.excluded.some((x) => x.exception === e));
    const finding: Finding = {
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.message,
      range: lines.rangeOf(p.at.start, p.at.end),
      start: p.at.start,
      end: p.at.end,
      related: p.related.map((r) =>
        'at' in r
          ? { range: lines.rangeOf(r.at.start, r.at.end), message: r.message }
          : { range: { start: { line: r.origin.line, character: r.origin.character }, end: { line: r.origin.endLine, character: r.origin.endCharacter } }, message: r.message, file: r.origin.file },
      ),
      exceptions,
      fingerprint: fingerprints.of(p),
    };
    const documenting = p.documentedBy[0];
    if (documenting) {
      const elsewhere = foreign.get(documenting);
      finding.suppression = suppressionFor(documenting, path, lines);
      if (elsewhere) finding.suppression.location = { file: elsewhere.file, range: elsewhere.range };
      result.suppressed.push(finding);
    } else result.findings.push(finding);
  }
  for (const a of all) if (a.target || a.form !== 'register') result.exceptions.push(describeAnnotation(a, pending, lines));
  return { inFile: [...annotations, ...registerEntries], fromRegister: registerAnnotations };
}

/**
 * Links a valid annotation to the findings in the construct it documents, when its exception is
 * one the finding's rule accepts. An exception that cannot justify any finding there is a problem.
 */
function matchFindings(annotation: Annotation, pending: RawFinding[], accepted: Map<string, ExceptionId[]>): void {
  const target = annotation.target;
  if (!target || !isExceptionId(annotation.exceptionId)) return;
  const named = namedRule(annotation);
  if (named !== undefined && !accepted.has(named)) {
    annotation.problems.push({ kind: 'invalid', message: `unknown or disabled rule "${named}"`, at: annotation.idSpan });
    return;
  }
  const covered = pending.filter((p) => covers(target, p) && (named === undefined || named === p.ruleId));
  if (covered.length === 0) return;
  const exception = annotation.exceptionId;
  const possible = (p: PendingFinding): ExceptionId[] => (accepted.get(p.ruleId) ?? []).filter((e) => !p.excluded.some((x) => x.exception === e));
  const accepting = covered.filter((p) => possible(p).includes(exception));
  if (accepting.length === 0) {
    const p = covered[0];
    const excluded = p.excluded.find((x) => x.exception === exception);
    annotation.problems.push({
      kind: 'invalid',
      message: excluded ? excluded.reason : cannotJustify(EXCEPTIONS[exception].title, p.ruleId, possible(p)),
      at: annotation.idSpan,
    });
    return;
  }
  if (annotation.problems.length > 0) return;
  for (const p of accepting) p.documentedBy.push(annotation);
  annotation.documents = (annotation.documents ?? 0) + accepting.length;
}

/**
 * Findings whose related places include a definition in another file (a constant, a setting) are
 * documented by a valid annotation on that definition when its exception is one the rule accepts.
 * Runs before the file's own annotations, so that those are matched, and judged, on what is left.
 */
function matchForeignAnnotations(project: ProjectContext, pending: RawFinding[], rules: EnabledRule[], now: Date): Map<Annotation, ForeignAnnotation> {
  const found = new Map<Annotation, ForeignAnnotation>();
  const accepted = new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta.exceptions]));
  for (const p of pending) {
    const possible = (accepted.get(p.ruleId) ?? []).filter((e) => !p.excluded.some((x) => x.exception === e));
    for (const place of p.related) {
      if (!('origin' in place)) continue;
      for (const f of project.annotationsAt(place.origin, now)) {
        if (!isExceptionId(f.annotation.exceptionId) || !possible.includes(f.annotation.exceptionId)) continue;
        found.set(f.annotation, f);
        if (!p.documentedBy.includes(f.annotation)) p.documentedBy.push(f.annotation);
      }
    }
  }
  return found;
}

/** Whether a finding (or one of its related places) lies in an annotation's target construct. */
function covers(target: Span, p: PendingFinding): boolean {
  const inside = (span: Span): boolean => span.start >= target.start && span.start < Math.max(target.end, target.start + 1);
  return inside(p.at) || p.related.some((r) => 'at' in r && inside(r.at));
}

function codeUnitAt(parsed: ParsedFile, span: Span): CodeUnit | undefined {
  if (parsed.codeUnits.length === 1) return parsed.codeUnits[0];
  return parsed.codeUnits.find((u) => u.toFile(0) <= span.start && span.start <= u.toFile(u.model.text.length));
}

/** `approved-by` and `ticket`, when the record has them: every report carries them. */
function optionalFields(a: Annotation): { approvedBy?: string; ticket?: string } {
  const approvedBy = fieldValue(a, 'approved-by');
  const ticket = fieldValue(a, 'ticket');
  return { ...(approvedBy ? { approvedBy } : {}), ...(ticket ? { ticket } : {}) };
}

function suppressionFor(a: Annotation, path: string, lines: LineIndex): Suppression {
  return {
    kind: a.register ? 'external' : 'inSource',
    exception: a.exceptionId as ExceptionId,
    justification: fieldValue(a, 'reason') ?? '',
    owner: fieldValue(a, 'owner'),
    reviewBy: fieldValue(a, 'review-by'),
    ...optionalFields(a),
    location: a.register ? { file: a.register.file } : { file: path, range: lines.rangeOf(a.span.start, a.span.end) },
  };
}

function describeAnnotation(a: Annotation, pending: RawFinding[], lines: LineIndex): DocumentedException {
  const status = a.problems.some((p) => p.kind === 'invalid')
    ? 'invalid'
    : a.problems.some((p) => p.kind === 'incomplete')
      ? 'incomplete'
      : a.problems.some((p) => p.kind === 'expired')
        ? 'expired'
        : 'valid';
  // The rules it documents; for one that documents nothing, the rules of the findings it stands over.
  const documented = pending.filter((p) => p.documentedBy.includes(a));
  const ruleIds = [...new Set((documented.length > 0 ? documented : a.target ? pending.filter((p) => covers(a.target!, p)) : []).map((p) => p.ruleId))];
  if (a.register?.rule && !ruleIds.includes(a.register.rule)) ruleIds.push(a.register.rule);
  const span = a.register ? a.target ?? { start: 0, end: 0 } : a.span;
  return {
    exception: a.exceptionId,
    exceptionTitle: isExceptionId(a.exceptionId) ? EXCEPTIONS[a.exceptionId].title : undefined,
    ruleIds,
    reason: fieldValue(a, 'reason'),
    owner: fieldValue(a, 'owner'),
    reviewBy: fieldValue(a, 'review-by'),
    ...optionalFields(a),
    status,
    range: lines.rangeOf(span.start, span.end),
    form: a.form,
    fields: a.fields.map((f) => ({ name: f.name, value: f.value })),
    problems: a.problems.map((p) => ({ kind: p.kind, message: p.message })),
    ...(a.target && !a.register ? { target: lines.rangeOf(a.target.start, a.target.end) } : {}),
    ...(a.register ? { register: { file: a.register.file, start: a.register.entryStart, end: a.register.entryEnd } } : {}),
  };
}

