/**
 * The `exception-expired` rule: reports the exception annotations and register entries that
 * validation found past their `review-by` date (the engine validates; this rule only reports).
 */
import { fieldValue } from '../server/src/core/annotations/types';
import { EXCEPTIONS, isExceptionId } from '../server/src/core/annotations/exceptions';
import { defineRule } from '../server/src/core/rule';

export default defineRule({
  meta: {
    id: 'exception-expired',
    title: 'Exception annotation past its review-by date',
    practice: 'Exception records that document nothing, lapse or leave no trace',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties', 'nginx'],
    exceptions: [],
    triggers: ['ehi-exception'],
    messages: {
      expired: 'This {exception} record was due for review on {date}; it documents nothing until reviewed.',
    },
    docs: {
      summary: 'Flags `ehi-exception` annotations and exception-register entries whose `review-by` date has passed.',
      why:
        'An exception covers a practice only while its conditions are met (45 CFR 171.201–171.303, 171.403): a maintenance window must stay time-limited (171.205), a security measure tailored to a current risk (171.203), a harm determination current (171.201). A record nobody has reviewed since its review date cannot show that the conditions still hold.',
      fix:
        'Review the decision with its owner. If the restriction is still needed and its conditions still hold, set a new `review-by` date (the quick-fix sets one a year ahead for you to adjust) and update the reason; otherwise remove the restriction and its annotation.',
      notFlagged: ['A `review-by` date of today: the record is due, not stale.', 'Annotations with other problems, which `exception-invalid` and `exception-incomplete` report.'],
      examples: [
        {
          language: 'yaml',
          flagged:
            '# ehi-exception: security; reason: Credential stuffing against the portal API; risk: credential stuffing; basis: policy; owner: security-office; review-by: 2024-01-31\n- name: rate-limiting',
          fixed:
            '# ehi-exception: security; reason: Credential stuffing against the portal API; risk: credential stuffing; basis: policy; owner: security-office; review-by: 2027-01-31\n- name: rate-limiting',
        },
      ],
    },
    version: 1,
  },

  annotations(ctx) {
    for (const annotation of ctx.annotations) {
      for (const problem of annotation.problems) {
        if (problem.kind !== 'expired') continue;
        const id = annotation.exceptionId;
        ctx.report({
          at: problem.at,
          messageId: 'expired',
          data: { exception: isExceptionId(id) ? EXCEPTIONS[id].title : id, date: fieldValue(annotation, 'review-by') ?? '' },
        });
      }
    }
  },
});
