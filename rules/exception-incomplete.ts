/**
 * The `exception-incomplete` rule: reports the exception annotations and register entries that
 * validation found missing a field their exception requires, naming the fields.
 */
import { EXCEPTIONS, isExceptionId } from '../server/src/core/annotations/exceptions';
import { defineRule } from '../server/src/core/rule';

export default defineRule({
  meta: {
    id: 'exception-incomplete',
    title: 'Exception annotation missing required fields',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties'],
    exceptions: [],
    triggers: ['ehi-exception'],
    messages: {
      missing: 'This {exception} exception annotation is missing {fields}; until they are filled in it documents nothing and the restriction is still reported.',
    },
    docs: {
      summary:
        'Flags `ehi-exception` annotations and exception-register entries that lack a field their exception requires: `reason`, `owner` and `review-by` for every exception, and each exception’s own conditions (for example `kind` and `max-duration` for Health IT Performance, `written-response` for Infeasibility, `determined-by` when a Preventing Harm risk is an individual determination). The message names the missing fields.',
      why:
        'Each exception applies only when its specific conditions are met, and the actor must be able to show that they were at the time of the decision (45 CFR 171.201–171.303, 171.403). A record that leaves out a condition, such as the ten-business-day written response of the Infeasibility exception (171.204) or the time limit of the Health IT Performance exception (171.205), does not show that the exception applies.',
      fix:
        'Fill in the missing fields; the “Add missing fields” quick-fix inserts them with the values they accept, and completion inside the annotation lists them. Empty values count as missing.',
      notFlagged: [
        'Optional fields (`ticket`, `decided`).',
        'Conditional fields whose condition does not hold (`agreement` when `kind` is not `planned-maintenance`).',
        'Annotations whose exception id is unknown: `exception-invalid` reports those, since the required fields depend on the id.',
      ],
      examples: [
        {
          language: 'python',
          flagged: '# ehi-exception: infeasibility\n#   reason: Legacy archive cannot segment notes\n#   owner: him-department\n#   review-by: 2027-01-31\n@app.get("/records/<pid>/notes")\ndef notes(pid):\n    ...',
          fixed:
            '# ehi-exception: infeasibility\n#   reason: Legacy archive cannot segment notes\n#   condition: segmentation\n#   written-response: ROI team sends the reason by secure message within 10 business days\n#   owner: him-department\n#   review-by: 2027-01-31\n@app.get("/records/<pid>/notes")\ndef notes(pid):\n    ...',
        },
      ],
    },
    version: 1,
  },

  annotations(ctx) {
    for (const annotation of ctx.annotations) {
      for (const problem of annotation.problems) {
        if (problem.kind !== 'incomplete' || !problem.missing) continue;
        const id = annotation.exceptionId;
        ctx.report({
          at: problem.at,
          messageId: 'missing',
          data: { exception: isExceptionId(id) ? EXCEPTIONS[id].title : id, fields: problem.missing.map((f) => `\`${f}\``).join(', ') },
        });
      }
    }
  },
});
