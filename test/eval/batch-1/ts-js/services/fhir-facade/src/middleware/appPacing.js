'use strict';

/**
 * Request pacing for API clients.
 *
 * Our own portal and mobile app are served at full speed. Every other
 * registered app gets a fixed pause before its request is handled, which keeps
 * aggregator traffic from competing with the first-party apps.
 */
const FIRST_PARTY_CLIENTS = new Set(['harbor-portal-web', 'harbor-ios', 'harbor-android']);
const THIRD_PARTY_PAUSE_MS = Number(process.env.THIRD_PARTY_PAUSE_MS || 2500);

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function appPacing() {
  return async function pacing(req, res, next) {
    const clientId = req.token && req.token.client_id;
    if (!FIRST_PARTY_CLIENTS.has(clientId)) {
      await pause(THIRD_PARTY_PAUSE_MS);
    }
    next();
  };
}

module.exports = { appPacing, FIRST_PARTY_CLIENTS };
