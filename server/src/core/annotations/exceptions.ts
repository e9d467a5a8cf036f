/**
 * The exceptions of 45 CFR Part 171 and the fields an annotation needs to document each one.
 * This is the data behind annotation validation, hover, completion, quick-fix templates and the
 * rule documentation; the contract it implements is `shared/reference/exceptions.md`.
 */

export type ExceptionId =
  | 'preventing-harm'
  | 'privacy'
  | 'security'
  | 'infeasibility'
  | 'health-it-performance'
  | 'protecting-care-access'
  | 'manner'
  | 'fees'
  | 'licensing'
  | 'tefca-manner'
  | 'required-by-law';

/** What a field's value must look like. */
export type FieldKind =
  | { type: 'text' }
  | { type: 'date' }
  | { type: 'duration' }
  | { type: 'enum'; values: string[] }
  /** A whole number of business days, at most `max` (written `7`, `7 business days` or `P7D`). */
  | { type: 'business-days'; max: number };

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  description: string;
  /** Required only when another field has one of these values. */
  requiredWhen?: { field: string; values: string[] };
  /** Not required at all (documented for completion and hover). */
  optional?: boolean;
}

export interface ExceptionSpec {
  id: ExceptionId;
  title: string;
  /** 45 CFR section, e.g. `171.201`. */
  section: string;
  /** When it applies, in one paragraph a developer can act on. */
  conditions: string;
  fields: FieldSpec[];
}

const text: FieldKind = { type: 'text' };
const date: FieldKind = { type: 'date' };
const policyOrCase: FieldKind = { type: 'enum', values: ['policy', 'case-by-case'] };

/** Fields every annotation has, whatever the exception. */
export const COMMON_FIELDS: FieldSpec[] = [
  { name: 'reason', kind: text, description: 'What is restricted and why, in plain words.' },
  { name: 'owner', kind: text, description: 'The accountable team or role (not a person’s private data).' },
  { name: 'review-by', kind: date, description: 'Date (YYYY-MM-DD) after which the record is stale and must be reviewed.' },
  { name: 'rule', kind: text, description: 'The rule whose finding this record documents: then it documents only that rule’s findings, and `exception-unused` reports it when that rule finds nothing here.', optional: true },
  { name: 'approved-by', kind: text, description: 'The role that approved the restriction (a compliance officer, a privacy board).', optional: true },
  { name: 'ticket', kind: text, description: 'Change, risk or decision record id.', optional: true },
  { name: 'decided', kind: date, description: 'Date (YYYY-MM-DD) the decision was made.', optional: true },
];

export const EXCEPTIONS: Record<ExceptionId, ExceptionSpec> = {
  'preventing-harm': {
    id: 'preventing-harm',
    title: 'Preventing Harm',
    section: '171.201',
    conditions:
      'A reasonable belief that the practice substantially reduces a risk of harm, no broader than necessary. The risk is determined individually by a licensed health care professional, or arises from data known or reasonably suspected to be misidentified, mismatched, corrupt or erroneous. For a patient’s access to their own EHI the harm must be one that would justify a HIPAA access denial. A blanket delay for a whole class of results does not meet it.',
    fields: [
      { name: 'risk', kind: { type: 'enum', values: ['individual-determination', 'data-integrity'] }, description: 'Where the risk comes from.' },
      { name: 'harm', kind: text, description: 'The harm the practice reduces.' },
      { name: 'basis', kind: policyOrCase, description: 'A written organizational policy, or a case-by-case determination.' },
      {
        name: 'determined-by',
        kind: text,
        description: 'The licensed professional’s role who makes the individual determination.',
        requiredWhen: { field: 'risk', values: ['individual-determination'] },
      },
    ],
  },
  privacy: {
    id: 'privacy',
    title: 'Privacy',
    section: '171.202',
    conditions:
      'One of four sub-exceptions: a precondition that law imposes (consent, authorization) is not met and the actor did what it reasonably could to meet it; a developer not covered by HIPAA following its published privacy policy; a HIPAA access denial on unreviewable grounds (164.524(a)(2)); honouring the individual’s own request not to share. Written, consistent, non-discriminatory. “HIPAA” as a general reason is not one of them.',
    fields: [
      {
        name: 'sub-exception',
        kind: { type: 'enum', values: ['precondition-not-satisfied', 'not-covered-by-hipaa', 'unreviewable-denial', 'individual-request'] },
        description: 'Which of the four privacy sub-exceptions applies.',
      },
      {
        name: 'law',
        kind: text,
        description: 'The law whose precondition (consent, authorization) is not met.',
        requiredWhen: { field: 'sub-exception', values: ['precondition-not-satisfied'] },
      },
    ],
  },
  security: {
    id: 'security',
    title: 'Security',
    section: '171.203',
    conditions:
      'Directly related to safeguarding the confidentiality, integrity or availability of EHI; tailored to a specific risk; consistent and non-discriminatory; per a written security policy based on identified risks, or a case-by-case determination that no less restrictive alternative exists.',
    fields: [
      { name: 'risk', kind: text, description: 'The specific security risk the practice addresses.' },
      { name: 'basis', kind: policyOrCase, description: 'A written security policy, or a case-by-case determination.' },
      {
        name: 'alternatives',
        kind: text,
        description: 'Why no less restrictive measure serves.',
        requiredWhen: { field: 'basis', values: ['case-by-case'] },
      },
    ],
  },
  infeasibility: {
    id: 'infeasibility',
    title: 'Infeasibility',
    section: '171.204',
    conditions:
      'Uncontrollable events; EHI that cannot be segmented from EHI that may not be shared; a third party seeking to modify EHI; the Manner exception exhausted; or infeasible under the circumstances. Always: a written response to the requestor within 10 business days giving the reason.',
    fields: [
      {
        name: 'condition',
        kind: {
          type: 'enum',
          values: ['uncontrollable-events', 'segmentation', 'third-party-modification', 'manner-exhausted', 'infeasible-under-circumstances'],
        },
        description: 'Which infeasibility condition applies.',
      },
      { name: 'written-response', kind: text, description: 'How the requestor gets the written reason within 10 business days.' },
    ],
  },
  'health-it-performance': {
    id: 'health-it-performance',
    title: 'Health IT Performance',
    section: '171.205',
    conditions:
      'Health IT made unavailable or degraded for maintenance or improvement, no longer than necessary, consistent and non-discriminatory; planned downtime agreed in the service agreement; or action against a third-party app that is harming performance, for as long as needed. A standing throttle on patient access with no measured performance problem is not this.',
    fields: [
      {
        name: 'kind',
        kind: { type: 'enum', values: ['planned-maintenance', 'unplanned-maintenance', 'third-party-app-impact'] },
        description: 'What the restriction is for.',
      },
      { name: 'max-duration', kind: { type: 'duration' }, description: 'ISO 8601 duration (PT30M, P1D): the restriction must be time-limited.' },
      {
        name: 'agreement',
        kind: text,
        description: 'The service agreement that covers planned downtime.',
        requiredWhen: { field: 'kind', values: ['planned-maintenance'] },
      },
    ],
  },
  'protecting-care-access': {
    id: 'protecting-care-access',
    title: 'Protecting Care Access',
    section: '171.206',
    conditions:
      'A good-faith belief that sharing could expose a patient, provider or facilitator to legal action over lawful reproductive health care; no broader than necessary; by policy or case-by-case determination.',
    fields: [
      { name: 'belief', kind: text, description: 'The good-faith belief that sharing risks legal action over lawful reproductive health care.' },
      { name: 'basis', kind: policyOrCase, description: 'A written policy, or a case-by-case determination.' },
    ],
  },
  manner: {
    id: 'manner',
    title: 'Manner',
    section: '171.301',
    conditions:
      'Fulfil in the manner requested if technically able and terms can be agreed; otherwise, without unnecessary delay, in an alternative manner in this order: certified health IT the requestor names, published content and transport standards the requestor names, an alternative machine-readable format with the means to interpret it. Fax, mail, paper and PDF images are none of these.',
    fields: [
      { name: 'requested', kind: text, description: 'The manner the requestor asked for.' },
      {
        name: 'alternative',
        kind: { type: 'enum', values: ['certified-health-it', 'published-standard', 'machine-readable', 'agreed-with-requestor'] },
        description: 'The alternative manner offered, in the regulation’s order of preference; or `agreed-with-requestor` when the requestor agreed to this manner (171.301(a): terms reached for the manner fulfilled).',
      },
      {
        name: 'agreement',
        kind: text,
        description: 'How and when the requestor agreed to this manner (the request record, the written agreement).',
        requiredWhen: { field: 'alternative', values: ['agreed-with-requestor'] },
      },
    ],
  },
  fees: {
    id: 'fees',
    title: 'Fees',
    section: '171.302',
    conditions:
      'Fees based on objective, verifiable criteria, uniformly applied, reasonably related and allocated to the cost of providing access. Never covered: a fee for an individual’s electronic access to their own EHI (or access by a person or app they designate), a fee HIPAA forbids, a fee to export EHI with the certified EHI-export capability, export or conversion fees not agreed when the technology was acquired.',
    fields: [{ name: 'cost-basis', kind: text, description: 'Where the cost calculation is recorded.' }],
  },
  licensing: {
    id: 'licensing',
    title: 'Licensing',
    section: '171.303',
    conditions:
      'Licensing interoperability elements: begin negotiating within 10 business days of the request, offer a license within 30 business days, reasonable and non-discriminatory royalties and terms.',
    fields: [
      { name: 'negotiation-start', kind: { type: 'business-days', max: 10 }, description: 'Business days from the request to the start of negotiation (at most 10).' },
      { name: 'license-within', kind: { type: 'business-days', max: 30 }, description: 'Business days from the request to a license offer (at most 30).' },
    ],
  },
  'tefca-manner': {
    id: 'tefca-manner',
    title: 'TEFCA Manner',
    section: '171.403',
    conditions:
      'Both actor and requestor take part in TEFCA and the requestor can get the EHI through TEFCA. Not available when the request is made through the FHIR API standards adopted in 45 CFR 170.215.',
    fields: [{ name: 'tefca-role', kind: text, description: 'How both actor and requestor take part in TEFCA.' }],
  },
  'required-by-law': {
    id: 'required-by-law',
    title: 'Required by law',
    section: '171.103',
    conditions:
      'The “except as required by law” clause of the definition: a statute, regulation or court order requires the restriction (for example 42 CFR Part 2 for substance-use-disorder records, state laws on minors’ or sensitive records). The annotation must cite the law.',
    fields: [{ name: 'law', kind: text, description: 'Citation: statute, regulation or order (e.g. 42 CFR Part 2).' }],
  },
};

export const EXCEPTION_IDS = Object.keys(EXCEPTIONS) as ExceptionId[];

export function isExceptionId(value: string): value is ExceptionId {
  return Object.prototype.hasOwnProperty.call(EXCEPTIONS, value);
}

/** Every field an annotation for `id` can have: the exception's own, then the common ones. */
export function fieldsOf(id: ExceptionId): FieldSpec[] {
  return [...EXCEPTIONS[id].fields, ...COMMON_FIELDS];
}

/** The fields required for `id` given the values already present (conditional fields included when their condition holds). */
export function requiredFields(id: ExceptionId, values: ReadonlyMap<string, string>): FieldSpec[] {
  return fieldsOf(id).filter((f) => {
    if (f.optional) return false;
    if (!f.requiredWhen) return true;
    const other = values.get(f.requiredWhen.field);
    return other !== undefined && f.requiredWhen.values.includes(other.trim());
  });
}

/** The regulation's URL for a section, for documentation links. */
export function sectionUrl(section: string): string {
  return `https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-D/part-171/section-${section}`;
}

/** The problem of an exception a rule does not accept, with the ones it does when they are few enough to name in a one-line message. */
export function cannotJustify(title: string, ruleId: string, accepts: readonly string[]): string {
  const list = accepts.join(', ');
  return list.length <= 60 ? `${title} cannot justify ${ruleId} (it accepts ${list || 'none'})` : `${title} cannot justify ${ruleId} (see its docs for those it accepts)`;
}
