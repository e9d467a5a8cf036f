/**
 * The `consent-precondition` rule: a consent, authorization or signed-form check required before EHI is
 * shared where no law requires one (provider-to-provider exchange for treatment, a patient's access to
 * their own record, a whole FHIR API behind an opt-in), and settings that make consent the default for
 * every data class. Documented in `meta.docs` (docs/rules/consent-precondition.md).
 */
import { scalar, scalarBoolean, scalarString } from '../server/src/core/formats/tree';
import type { IrNode } from '../server/src/core/ir';
import { clipMessageValue, defineRule, reportOncePerSpan } from '../server/src/core/rule';
import { codeBoolean, codeSettings, configSettings } from '../server/src/analysis/named-values';
import { stringValue } from '../server/src/analysis/values';
import { consentDefaultSetting, consentGateOf, consentRefusalsIn } from '../server/src/domain/consent';

export default defineRule({
  meta: {
    id: 'consent-precondition',
    title: 'Consent or signed form required before sharing where no law requires it',
    severity: 'warning',
    languages: ['typescript', 'javascript', 'java', 'csharp', 'python', 'mirth', 'json', 'yaml', 'properties'],
    exceptions: ['privacy', 'protecting-care-access', 'required-by-law'],
    triggers: ['consent', 'authoriz', 'authoris', 'waiver', 'signed', 'signature'],
    skipsTestCode: true,
    messages: {
      gate: '`{test}` blocks {purpose} without {asked}; only a law can require that (Privacy exception).',
      setting: '`{name}: {value}` requires patient consent before sharing any data; only a law can require that (Privacy exception).',
    },
    docs: {
      summary:
        'Flags a check for a patient consent record, a signed authorization or an extra form that must pass before EHI is shared, where nothing ties it to a law that requires one: provider-to-provider exchange for treatment refused without a consent record (`if (!consentService.hasActiveConsent(patientId)) return Forbid();`), a patient’s access to their own record refused without a signed release or waiver, a HAPI FHIR consent service that rejects every resource when no consent is on file, functions that share EHI returning early without consent; and settings that make consent the default for every data class (`consent.required: true` on exchange, `consentModel: opt-in`, `defaultConsent: deny`).',
      why:
        'HIPAA lets providers share EHI for treatment without the patient’s consent and gives patients a right of access to their own records; a consent or form that no law requires delays or prevents that access, exchange and use (45 CFR 171.102, “interfere”; 171.103). The 2020 final rule names as an example of interference a policy requiring a patient’s written consent before sharing with unaffiliated providers for treatment where law requires none. Where a law does impose a consent precondition (42 CFR Part 2, state laws on HIV, mental health or minors), the Privacy exception (171.202(b)) applies if the actor did what it reasonably could to meet it; Protecting Care Access (171.206) covers reproductive health care; “required by law” (171.103) covers the rest.',
      fix:
        'Share for treatment and for the patient’s own access without a consent step. Where a law requires consent, tie the check to the data it covers (`if (record.isPart2 && !consent.part2Signed)`) and record the law in the refusal or an `ehi-exception` annotation naming it.',
      notFlagged: [
        'Checks tied to a law or to data a law protects: 42 CFR Part 2 and substance-use records, psychotherapy notes, minors, reproductive health, HIV, genetic and mental-health records, research, marketing, or a refusal whose message or audit entry names the law or the exception (`state law`, `42 CFR Part 2`, `171.202`).',
        'Disclosures HIPAA itself puts behind an authorization: to attorneys, employers, insurers, schools.',
        'Honouring the patient’s own choice: opt-outs, revoked or withdrawn consent, a consent directive that restricts.',
        'OAuth consent screens, cookie banners, consent to treat or to telehealth, and routes that manage consent records themselves (`GET /consents/:id`).',
        'Refusals not about consent (`if (!patient)` → 404), and checks outside an EHI path.',
        'Test code.',
      ],
      examples: [
        {
          language: 'typescript',
          flagged:
            "router.get('/exchange/providers/patients/:id/documents', async (req, res) => {\n  const consent = await Consent.findOne({ patient: req.params.id, status: 'active' });\n  if (!consent) return res.status(403).json({ error: 'Patient consent required' });\n  res.json(await documents(req.params.id));\n});",
          fixed: "router.get('/exchange/providers/patients/:id/documents', async (req, res) => {\n  res.json(await documents(req.params.id));\n});",
        },
        {
          language: 'yaml',
          flagged: 'hie-exchange:\n  consent:\n    required: true',
          fixed: 'hie-exchange:\n  part2-records:\n    consent:\n      required: true',
        },
      ],
    },
    version: 1,
  },

  code(ctx) {
    const { code } = ctx;
    const auditPattern = new RegExp(ctx.options.auditPattern, 'i');
    const report = reportOncePerSpan(ctx);
    const check = (scope: IrNode): void => {
      for (const refusal of consentRefusalsIn(code, scope)) {
        const gate = consentGateOf(code, refusal, auditPattern);
        if (gate) report(gate.test, 'gate', { test: clipMessageValue(code.textOf(gate.test)), purpose: gate.purpose, asked: gate.asked });
      }
    };
    return {
      function(fn) {
        check(fn);
      },
      end() {
        // Top-level code: Mirth filter and transformer scripts.
        if (code.embedding?.host === 'mirth') check(code.root);
        for (const s of codeSettings(code)) {
          const value = codeBoolean(code, s) ?? stringValue(code, s.value);
          if (value === undefined || !consentDefaultSetting(s.words, s.context, value, s.parent)) continue;
          report(s.at, 'setting', { name: s.name, value: String(value) });
        }
      },
    };
  },

  config(ctx) {
    for (const root of ctx.config.roots) {
      for (const s of configSettings(root)) {
        const value = typeof scalar(s.value) === 'number' ? undefined : scalarBoolean(s.value) ?? scalarString(s.value);
        if (value === undefined || !consentDefaultSetting(s.words, s.context, value, s.parent)) continue;
        ctx.report({ at: s.at, messageId: 'setting', data: { name: s.name, value: String(scalar(s.value)) } });
      }
    }
  },
});
