/**
 * The rule registry. Rule ids are public API: a rule is never renamed and an id is never reused.
 * Adding a rule: one unit in this folder, fixtures in `test-fixtures/<rule-id>/`, and a line here.
 */
import type { Rule } from '../server/src/core/rule';
import accessFee from './access-fee';
import appAccessRestriction from './app-access-restriction';
import appRegistrationGate from './app-registration-gate';
import consentPrecondition from './consent-precondition';
import dataClassFilter from './data-class-filter/index';
import discriminatoryTerms from './discriminatory-terms';
import endpointPublication from './endpoint-publication';
import exceptionExpired from './exception-expired';
import exceptionExpiring from './exception-expiring';
import exceptionIncomplete from './exception-incomplete';
import exceptionInvalid from './exception-invalid';
import exceptionUnaudited from './exception-unaudited';
import exceptionUnused from './exception-unused';
import exportRestriction from './export-restriction/index';
import faxOnlyManner from './fax-only-manner/index';
import hipaaBlanketReason from './hipaa-blanket-reason';
import manualReviewGate from './manual-review-gate';
import nonstandardFhirApi from './nonstandard-fhir-api';
import releaseDelay from './release-delay';
import undocumentedDenial from './undocumented-denial';
import unjustifiedThrottle from './unjustified-throttle/index';

export const RULES: readonly Rule[] = [
  faxOnlyManner,
  dataClassFilter,
  consentPrecondition,
  discriminatoryTerms,
  unjustifiedThrottle,
  releaseDelay,
  manualReviewGate,
  appAccessRestriction,
  appRegistrationGate,
  accessFee,
  exportRestriction,
  undocumentedDenial,
  hipaaBlanketReason,
  nonstandardFhirApi,
  endpointPublication,
  exceptionInvalid,
  exceptionIncomplete,
  exceptionExpired,
  exceptionUnaudited,
  exceptionUnused,
  exceptionExpiring,
];

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
