/**
 * The `exception-unused` rule: reports valid exception annotations and register entries that
 * document no finding, as ESLint's unused disable directives are reported: the restriction was
 * removed or fixed, and the record now claims something untrue.
 */
import { Annotation, namedRule } from '../server/src/core/annotations/types';
import { EXCEPTIONS, isExceptionId } from '../server/src/core/annotations/exceptions';
import type { AnnotationContext } from '../server/src/core/rule';
import { defineRule } from '../server/src/core/rule';
import { walk } from '../server/src/core/ir';
import { ALL_LANGUAGES } from '../server/src/core/language';

export default defineRule({
  meta: {
    id: 'exception-unused',
    title: 'Exception annotation that documents no restriction',
    practice: 'Exception records that document nothing, lapse or leave no trace',
    severity: 'warning',
    languages: ALL_LANGUAGES,
    exceptions: [],
    triggers: ['ehi-exception'],
    messages: {
      unused: 'This {exception} record names {rule}, which finds nothing here; remove or move it.',
      register: 'This {exception} entry names {rule}, which finds nothing at its place in {file}.',
    },
    docs: {
      summary:
        'Flags complete, valid exception records that name the rule they document (a register entry’s `rule`, or an annotation’s optional `rule:` field) where that rule finds nothing: the restriction they stand over was removed, fixed, or moved elsewhere, and the record now claims something untrue. Records that name no rule are not judged, since a team may document a restriction no rule detects; an annotation on a constant or setting that another file of the project mentions is not flagged either, since it may document the uses there.',
      why:
        'The documentation an exception requires (45 CFR 171.103 and each exception in 171.201–171.303, 171.403) must be true at the time. A record that describes a restriction the code no longer makes misleads the reviewers, auditors and investigators who read it, and hides which restrictions are really in place.',
      fix: 'Remove the annotation (the quick-fix does), or move it to the construct that now makes the restriction. For a register entry, remove it or point `at`/`line` at the restriction.',
      notFlagged: [
        'Records that do not name a rule: nothing says what should be found at their place.',
        'Annotations with problems: `exception-invalid`, `exception-incomplete` and `exception-expired` report those.',
        'Annotations on a constant, field or configuration key that another file of the project mentions: it may document the uses there.',
        'Register entries whose file is gone: `exception-invalid` reports them as stale.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged:
            "// ehi-exception: security\n//   rule: unjustified-throttle\n//   reason: Credential stuffing against the sign-in endpoint\n//   risk: credential stuffing\n//   basis: policy\n//   owner: security-office\n//   review-by: 2027-06-30\napp.get('/fhir/r4/Patient/:id', readPatient);",
          fixed: "app.get('/fhir/r4/Patient/:id', readPatient);",
        },
      ],
    },
    version: 2,
  },

  annotations(ctx) {
    for (const annotation of ctx.annotations) {
      if (annotation.problems.length > 0 || annotation.documents || !annotation.target || !isExceptionId(annotation.exceptionId)) continue;
      // Only a record that names its rule says what should be found here; a team may document a restriction no rule detects.
      const rule = namedRule(annotation);
      if (rule === undefined) continue;
      if (annotation.form !== 'register' && definesSomethingUsedElsewhere(ctx, annotation)) continue;
      const exception = EXCEPTIONS[annotation.exceptionId].title;
      if (annotation.register) ctx.report({ at: annotation.idSpan, messageId: 'register', data: { exception, rule, file: annotation.register.documentedFile } });
      else ctx.report({ at: annotation.idSpan, messageId: 'unused', data: { exception, rule } });
    }
  },
});

/** Whether the documented construct defines a name (a constant, a field, an enum, a configuration key) that another file mentions. */
function definesSomethingUsedElsewhere(ctx: AnnotationContext, annotation: Annotation): boolean {
  const target = annotation.target!;
  const unit = ctx.codeUnitAt(target);
  let name: string | undefined;
  if (unit) {
    const start = unit.fromFile(target.start);
    const end = unit.fromFile(Math.max(target.start, target.end - 1)) + 1;
    walk(unit.model.root, (node) => {
      if (name !== undefined || node.end <= start || node.start >= end) return false;
      if ((node.kind === 'variable' || node.kind === 'enum' || node.kind === 'class') && node.start >= start) {
        name = node.name;
        return false;
      }
      return node.kind !== 'function';
    });
  } else {
    // A setting (`key: value`, `key=value`); a list item (`- name: x`) defines nothing others read by name.
    const lineStart = ctx.file.text.lastIndexOf('\n', target.start - 1) + 1;
    const listItem = /-\s*$/.test(ctx.file.text.slice(lineStart, target.start));
    name = listItem ? undefined : /^\s*["']?([\w.$-]+)["']?\s*[:=]/.exec(ctx.file.text.slice(target.start, target.end))?.[1]?.split('.').pop();
  }
  return name !== undefined && name.length > 2 && ctx.mentionedElsewhere(name);
}
