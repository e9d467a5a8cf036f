/**
 * The `exception-incomplete` rule: reports the exception annotations and register entries that
 * validation found missing a field their exception requires, naming the fields.
 */
import { EXCEPTIONS, isExceptionId } from '../server/src/core/annotations/exceptions';
import { defineRule } from '../server/src/core/rule';

export default defineRule({
  meta: {
    id: 'exception-incomplete',
    title: 'Exception annotation missing required fields or a real reason',
    practice: 'Exception records that document nothing, lapse or leave no trace',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties', 'nginx'],
    exceptions: [],
    triggers: ['ehi-exception'],
    messages: {
      missing: 'This {exception} record is missing {fields}, so it documents nothing yet.',
      reason: 'This {exception} record documents nothing yet: {problem}.',
      missingAndReason: 'This {exception} record is missing {fields}, and {problem}.',
    },
    docs: {
      summary:
        'Flags `ehi-exception` annotations and exception-register entries that lack a field their exception requires: `reason`, `owner` and `review-by` for every exception, and each exception’s own conditions (for example `kind` and `max-duration` for Health IT Performance, `written-response` for Infeasibility, `determined-by` when a Preventing Harm risk is an individual determination). The message names the missing fields. A `reason` that says nothing a reviewer can check makes the record incomplete too: a placeholder (`TODO`, `n/a`, `tbd`, `by design`), a bare appeal (`HIPAA`, `policy`, `security`, `privacy`), a single word, or the same reason pasted onto three or more records of different exceptions in one file or register.',
      why:
        'Each exception applies only when its specific conditions are met, and the actor must be able to show that they were at the time of the decision (45 CFR 171.201–171.303, 171.403). A record that leaves out a condition, such as the ten-business-day written response of the Infeasibility exception (171.204) or the time limit of the Health IT Performance exception (171.205), does not show that the exception applies.',
      fix:
        'Fill in the missing fields; the “Add missing fields” quick-fix inserts them with the values they accept, and completion inside the annotation lists them. Empty values count as missing.',
      notFlagged: [
        'Optional fields (`approved-by`, `ticket`, `decided`); when present they are carried into every report (JSON, SARIF, the compliance reports).',
        'The same specific reason on records of one exception, or on two records.',
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
    version: 3,
  },

  annotations(ctx) {
    // One finding per record: what is missing and what is wrong with its reason, together.
    for (const annotation of ctx.annotations) {
      const problems = annotation.problems.filter((p) => p.kind === 'incomplete');
      if (problems.length === 0) continue;
      const id = annotation.exceptionId;
      const exception = isExceptionId(id) ? EXCEPTIONS[id].title : id;
      const missing = problems.find((p) => p.missing);
      const reason = problems.find((p) => !p.missing);
      const fields = missing?.missing?.map((f) => `\`${f}\``).join(', ') ?? '';
      if (missing && reason) ctx.report({ at: missing.at, messageId: 'missingAndReason', data: { exception, fields, problem: reason.message } });
      else if (missing) ctx.report({ at: missing.at, messageId: 'missing', data: { exception, fields } });
      else if (reason) ctx.report({ at: reason.at, messageId: 'reason', data: { exception, problem: reason.message } });
    }
  },
});
