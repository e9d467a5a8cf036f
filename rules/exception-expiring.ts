/**
 * The `exception-expiring` rule: a valid exception record whose `review-by` date falls within the
 * next days (an option, 30 by default), reported at info level so that teams renew it before it
 * expires and `exception-expired` breaks their CI.
 */
import { fieldValue } from '../server/src/core/annotations/types';
import { EXCEPTIONS, isExceptionId } from '../server/src/core/annotations/exceptions';
import { isoDate } from '../server/src/core/annotations/validate';
import { ALL_LANGUAGES } from '../server/src/core/language';
import { defineRule } from '../server/src/core/rule';

const DAY_MS = 86_400_000;

export default defineRule({
  meta: {
    id: 'exception-expiring',
    title: 'Exception annotation due for review soon',
    practice: 'Exception records that document nothing, lapse or leave no trace',
    severity: 'info',
    languages: ALL_LANGUAGES,
    exceptions: [],
    triggers: ['ehi-exception'],
    options: {
      withinDays: { type: 'integer', description: 'A record whose `review-by` date is at most this many days away is reported.', default: 30, minimum: 1, maximum: 366 },
    },
    messages: {
      expiring: 'This {exception} record is due for review on {date}, in {days} days.',
    },
    docs: {
      summary: 'Reports, at info level, complete and valid `ehi-exception` annotations and exception-register entries whose `review-by` date falls within the next `withinDays` days (30 by default).',
      why:
        'An exception covers a practice only while its conditions are met (45 CFR 171.201–171.303, 171.403). A record past its review date documents nothing (`exception-expired`), so the restriction it covers is reported again and a CI gate on warnings fails; reviewing it ahead keeps the documentation current without that break.',
      fix: 'Review the decision with its owner before the date; if its conditions still hold, set a new `review-by` date (the quick-fix on `exception-expired` does the same once it has expired).',
      notFlagged: ['Records already past their date: `exception-expired` reports those.', 'Records with other problems.', 'A `review-by` date further away than `withinDays`.'],
      examples: [
        {
          language: 'yaml',
          flagged:
            '# ehi-exception: security; reason: Credential stuffing against the portal API; risk: credential stuffing; basis: policy; owner: security-office; review-by: 2026-06-15\n- name: rate-limiting',
          fixed:
            '# ehi-exception: security; reason: Credential stuffing against the portal API; risk: credential stuffing; basis: policy; owner: security-office; review-by: 2027-06-15\n- name: rate-limiting',
        },
      ],
    },
    version: 1,
  },

  annotations(ctx) {
    const today = Date.parse(isoDate(ctx.now));
    for (const annotation of ctx.annotations) {
      if (annotation.problems.length > 0 || !isExceptionId(annotation.exceptionId)) continue;
      const date = fieldValue(annotation, 'review-by');
      const due = date ? Date.parse(date) : NaN;
      if (Number.isNaN(due)) continue;
      const days = Math.round((due - today) / DAY_MS);
      if (days < 0 || days > ctx.ruleOptions.withinDays) continue;
      const field = annotation.fields.find((f) => f.name === 'review-by')!;
      ctx.report({ at: { start: field.valueStart, end: field.valueEnd }, messageId: 'expiring', data: { exception: EXCEPTIONS[annotation.exceptionId].title, date: date!, days } });
    }
  },
});
