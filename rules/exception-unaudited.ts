/**
 * The `exception-unaudited` rule: a valid exception annotation in code whose restricted path (the
 * documented finding's function, handler or Mirth script) makes no audit-log call.
 */
import { EXCEPTIONS, isExceptionId } from '../server/src/core/annotations/exceptions';
import { defineRule } from '../server/src/core/rule';
import { auditPattern, pathCallsAudit, restrictedPathAt } from '../server/src/domain/audit';

export default defineRule({
  meta: {
    id: 'exception-unaudited',
    title: 'Documented restriction that leaves no audit trace',
    practice: 'Exception records that document nothing, lapse or leave no trace',
    severity: 'info',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth'],
    exceptions: [],
    triggers: ['ehi-exception'],
    messages: {
      unaudited: 'The {exception} restriction documented here runs in {path}, which never calls the audit log (/{pattern}/i).',
    },
    docs: {
      summary:
        'Flags a valid `ehi-exception` annotation in code whose restricted path (the enclosing function of the documented finding, the handler passed in the same registration, or the Mirth script) has no audit-log call. An audit call is a call whose callee matches the configured pattern (default: contains `audit`, case-insensitive).',
      why:
        'An exception must be met each time the practice restricts access, and the actor must be able to show it (45 CFR 171.103 and the conditions of 171.201–171.303, 171.403). Investigators read system behaviour and logs; a restriction that leaves no trace at run time cannot show when it applied, to whom, and under which exception.',
      fix:
        'Call the audit log at the start of the restricted path with the rule id, the exception and the reason. The “Add audit logging” quick-fix inserts a call built from the template configured for the language; change `auditPattern` when your audit API is named differently.',
      notFlagged: [
        'Annotations that document nothing (invalid, incomplete, expired): the other exception rules report them.',
        'Restrictions in configuration files, and registrations whose handler is not in the file: there is no code path to log from.',
        'Functions that call the audit log anywhere in their body, including in a branch or a callback.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged:
            "app.get('/fhir/r4/Observation', async (req, res) => {\n  // ehi-exception: health-it-performance\n  //   reason: Back-pressure while the results index is rebuilt\n  //   kind: unplanned-maintenance\n  //   max-duration: PT2H\n  //   owner: fhir-platform-team\n  //   review-by: 2027-06-30\n  await sleep(1500);\n  res.json(await searchObservations(req.query));\n});",
          fixed:
            "app.get('/fhir/r4/Observation', async (req, res) => {\n  auditLog.record({ event: 'ehi-exception', rule: 'unjustified-throttle', exception: 'health-it-performance', reason: 'Back-pressure while the results index is rebuilt' });\n  // ehi-exception: health-it-performance\n  //   reason: Back-pressure while the results index is rebuilt\n  //   kind: unplanned-maintenance\n  //   max-duration: PT2H\n  //   owner: fhir-platform-team\n  //   review-by: 2027-06-30\n  await sleep(1500);\n  res.json(await searchObservations(req.query));\n});",
        },
      ],
    },
    version: 1,
  },

  annotations(ctx) {
    const pattern = auditPattern(ctx.options.auditPattern);
    if (!pattern) return;
    for (const annotation of ctx.annotations) {
      if (annotation.form === 'register' || annotation.problems.length > 0 || !isExceptionId(annotation.exceptionId)) continue;
      for (const finding of ctx.findings) {
        if (!finding.documentedBy.includes(annotation)) continue;
        const unit = ctx.codeUnitAt(finding.at);
        if (!unit) continue;
        const path = restrictedPathAt(unit.model, unit.fromFile(finding.at.start));
        if (!path || pathCallsAudit(path, pattern)) continue;
        ctx.report({
          at: annotation.idSpan,
          messageId: 'unaudited',
          data: { exception: EXCEPTIONS[annotation.exceptionId].title, path: path.label, pattern: ctx.options.auditPattern },
        });
        break;
      }
    }
  },
});
