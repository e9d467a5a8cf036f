/**
 * The `exception-unused` rule: reports valid exception annotations and register entries that
 * document no finding, as ESLint's unused disable directives are reported: the restriction was
 * removed or fixed, and the record now claims something untrue.
 */
import type { Annotation } from '../server/src/core/annotations/types';
import { EXCEPTIONS, isExceptionId } from '../server/src/core/annotations/exceptions';
import type { AnnotationContext } from '../server/src/core/rule';
import { defineRule } from '../server/src/core/rule';
import { walk } from '../server/src/core/ir';
import { ALL_LANGUAGES } from '../server/src/core/language';

export default defineRule({
  meta: {
    id: 'exception-unused',
    title: 'Exception annotation that documents no restriction',
    severity: 'warning',
    languages: ALL_LANGUAGES,
    exceptions: [],
    triggers: ['ehi-exception'],
    messages: {
      unused: 'This {exception} record documents no finding: the restriction it describes is gone or moved; remove it or move it to the restriction.',
      register: 'This register entry ({exception}) documents no finding in {file}: the restriction is gone or moved; remove or update the entry.',
    },
    docs: {
      summary:
        'Flags complete, valid `ehi-exception` annotations and exception-register entries that document no finding of any rule: the construct they stand over no longer restricts anything (it was removed, fixed, or the restriction moved elsewhere). An annotation on a constant or setting that another file of the project uses is not flagged, since it may document those uses.',
      why:
        'The documentation an exception requires (45 CFR 171.103 and each exception in 171.201–171.303, 171.403) must be true at the time. A record that describes a restriction the code no longer makes misleads the reviewers, auditors and investigators who read it, and hides which restrictions are really in place.',
      fix: 'Remove the annotation (the quick-fix does), or move it to the construct that now makes the restriction. For a register entry, remove it or point `at`/`line` at the restriction.',
      notFlagged: [
        'Annotations with problems: `exception-invalid`, `exception-incomplete` and `exception-expired` report those.',
        'Annotations on a constant, field or configuration key that another file of the project mentions: it may document the uses there.',
        'Register entries whose file is gone: `exception-invalid` reports them as stale.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged:
            "// ehi-exception: security\n//   reason: Credential stuffing against the sign-in endpoint\n//   risk: credential stuffing\n//   basis: policy\n//   owner: security-office\n//   review-by: 2027-06-30\napp.get('/fhir/r4/Patient/:id', readPatient);",
          fixed: "app.get('/fhir/r4/Patient/:id', readPatient);",
        },
      ],
    },
    version: 1,
  },

  annotations(ctx) {
    for (const annotation of ctx.annotations) {
      if (annotation.problems.length > 0 || annotation.documents || !annotation.target || !isExceptionId(annotation.exceptionId)) continue;
      if (annotation.form !== 'register' && definesSomethingUsedElsewhere(ctx, annotation)) continue;
      const exception = EXCEPTIONS[annotation.exceptionId].title;
      if (annotation.form === 'register') ctx.report({ at: annotation.idSpan, messageId: 'register', data: { exception, file: annotation.register?.file ?? '' } });
      else ctx.report({ at: annotation.idSpan, messageId: 'unused', data: { exception } });
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
