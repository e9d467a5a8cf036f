'use strict';

const { addBusinessDays } = require('date-fns');
const appsRepo = require('../repos/appsRepo');
const { verifySoftwareStatement } = require('./softwareStatement');
const logger = require('../logger');

/**
 * Vetting of third-party app registrations. Under 45 CFR 170.404 an app may be
 * vetted only to verify its authenticity, and must be enabled within five
 * business days. Apps with a verifiable software statement are enabled at once.
 */
async function vetRegistration(registration) {
  const now = new Date();

  if (registration.softwareStatement) {
    const verified = await verifySoftwareStatement(registration.softwareStatement);
    if (verified.ok) {
      await appsRepo.update(registration.clientId, { status: 'ACTIVE', enabledAt: now, verifiedBy: verified.issuer });
      return { status: 'ACTIVE' };
    }
  }

  // No signed statement: check the developer's identity and redirect URIs by hand.
  const reviewDueBy = addBusinessDays(now, 5);
  await appsRepo.update(registration.clientId, {
    status: 'PENDING_VERIFICATION',
    reviewDueBy,
  });
  logger.info({ clientId: registration.clientId, reviewDueBy }, 'authenticity check scheduled');
  return { status: 'PENDING_VERIFICATION', reviewDueBy };
}

/** Runs hourly: anything past its due date is enabled. */
async function enableOverdueRegistrations() {
  const overdue = await appsRepo.findByStatusDueBefore('PENDING_VERIFICATION', new Date());
  for (const app of overdue) {
    await appsRepo.update(app.clientId, { status: 'ACTIVE', enabledAt: new Date(), enabledBecause: 'vetting-deadline' });
  }
  return overdue.length;
}

module.exports = { vetRegistration, enableOverdueRegistrations };
