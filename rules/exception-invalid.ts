/**
 * The `exception-invalid` rule: reports the exception annotations and register entries that
 * validation found unable to document anything (unknown id, malformed field, nothing after it,
 * an exception the finding's rule does not accept, a stale register entry).
 */
import { defineRule } from '../server/src/core/rule';

export default defineRule({
  meta: {
    id: 'exception-invalid',
    title: 'Exception annotation that cannot document anything',
    practice: 'Exception records that document nothing, lapse or leave no trace',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'xml', 'properties', 'nginx'],
    exceptions: [],
    triggers: ['ehi-exception'],
    messages: {
      invalid: 'Annotation documents nothing: {problem}.',
      register: 'Register entry documents nothing: {problem}.',
    },
    docs: {
      summary:
        'Flags `ehi-exception` annotations and exception-register entries that cannot document a restriction: an unknown exception id, a malformed line, a field value of the wrong kind (a date that is not `YYYY-MM-DD`, a duration that is not ISO 8601, a value outside the allowed list), a misspelled field name, an exception that the finding’s rule does not accept, an annotation with no construct after it, and register entries whose file or location no longer exists.',
      why:
        'An exception to the information blocking rule applies only when its conditions are met and the actor can show it (45 CFR 171.103 and each exception in 171.201–171.303, 171.403). A record that names no real exception, or one that cannot justify the practice it stands over (for example the Fees exception, 171.302, on a patient’s own electronic access), documents nothing: the restriction is treated as unjustified.',
      fix:
        'Use one of the exception ids the finding’s rule lists (hover the finding to see them), write each field as `field: value` with a value of the right kind, and place the annotation directly above the construct it documents. In the register, point `file` and `at` (or `line`) at something that exists. Quick-fixes offer the closest exception id or field name.',
      notFlagged: [
        'Fields a team adds for itself (`jira: ...`, `approved-by: ...`) unless they are within two letters of a known field.',
        'Missing required fields and past `review-by` dates: `exception-incomplete` and `exception-expired` report those.',
        'Comments that mention `ehi-exception` without starting with it (`// see the ehi-exception docs`).',
      ],
      examples: [
        {
          language: 'typescript',
          flagged: "// ehi-exception: performance\n//   reason: Nightly reindex\n//   owner: fhir-platform-team\n//   review-by: 2027-06-30\napp.get('/fhir/r4/Patient', limiter, readPatient);",
          fixed:
            "// ehi-exception: health-it-performance\n//   reason: Nightly reindex makes patient search unavailable for up to 20 minutes\n//   kind: planned-maintenance\n//   max-duration: PT30M\n//   agreement: SLA-2026-04 section 3\n//   owner: fhir-platform-team\n//   review-by: 2027-06-30\napp.get('/fhir/r4/Patient', limiter, readPatient);",
        },
      ],
    },
    version: 1,
  },

  annotations(ctx) {
    for (const annotation of ctx.annotations) {
      for (const problem of annotation.problems) {
        if (problem.kind !== 'invalid') continue;
        ctx.report({ at: problem.at, messageId: annotation.form === 'register' ? 'register' : 'invalid', data: { problem: problem.message } });
      }
    }
  },
});
