'use strict';

const logger = require('../logger');

/**
 * Documents created by the Lakeshore Recovery Program (a federally assisted
 * substance use disorder program) carry this security label and the program's
 * organization reference. Part 2 records may be disclosed only with the
 * patient's written consent, which the HIE query does not carry.
 */
const PART2_PROGRAM_ORG = 'Organization/lakeshore-recovery-program';
const PART2_LABEL = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '42CFRPart2' };

function isPart2Record(resource) {
  const labelled = ((resource.meta && resource.meta.security) || []).some(
    (s) => s.system === PART2_LABEL.system && s.code === PART2_LABEL.code,
  );
  const fromProgram = resource.custodian && resource.custodian.reference === PART2_PROGRAM_ORG;
  return labelled || fromProgram;
}

/** Builds the response bundle for an HIE document query from a treating provider. */
function buildQueryResponse(documents, query) {
  // ehi-exception: required-by-law
  //   reason: SUD program records are not disclosed over the HIE without the patient's written Part 2 consent
  //   law: 42 CFR Part 2 (42 CFR 2.31, 2.33)
  //   owner: privacy-office
  //   ticket: PRIV-0412
  //   review-by: 2027-10-31
  const shareable = documents.filter((doc) => !isPart2Record(doc));

  logger.info({ queryId: query.id, returned: shareable.length }, 'HIE document query answered');
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: shareable.length,
    entry: shareable.map((resource) => ({ fullUrl: `DocumentReference/${resource.id}`, resource, search: { mode: 'match' } })),
  };
}

module.exports = { buildQueryResponse, isPart2Record };
