'use strict';

const iisClient = require('../transports/stateIisClient');
const { toVxu } = require('../hl7/vxuMapper');
const logger = require('../logger');

/**
 * Inbound encounter bundles from the clinics arrive on the bridge. Immunizations
 * administered during the encounter must be reported to the state immunization
 * information system (IIS) as HL7 v2 VXU messages; this handler picks them out
 * and forwards them. The full bundle is stored by the archive consumer.
 */
async function forwardImmunizationsToRegistry(bundle, { facilityId }) {
  const patient = (bundle.entry || [])
    .map((e) => e.resource)
    .find((r) => r && r.resourceType === 'Patient');

  const immunizations = (bundle.entry || [])
    .map((e) => e.resource)
    .filter((r) => r && r.resourceType === 'Immunization' && r.status === 'completed');

  if (!patient || immunizations.length === 0) {
    return { forwarded: 0 };
  }

  let forwarded = 0;
  for (const immunization of immunizations) {
    const message = toVxu(patient, immunization, { facilityId });
    const ack = await iisClient.submit(message);
    if (ack.code !== 'AA') {
      logger.warn({ immunizationId: immunization.id, ack: ack.code }, 'IIS rejected VXU');
      continue;
    }
    forwarded++;
  }

  logger.info({ forwarded, total: immunizations.length }, 'immunizations forwarded to IIS');
  return { forwarded };
}

module.exports = { forwardImmunizationsToRegistry };
