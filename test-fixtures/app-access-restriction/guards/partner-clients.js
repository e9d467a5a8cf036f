'use strict';

const APPROVED_CLIENTS = new Set(['acme-portal', 'acme-mobile']);

function onlyPartners(req, res, next) {
  // ruleid: app-access-restriction
  if (!APPROVED_CLIENTS.has(req.auth.clientId)) {
    return res.status(403).json({ error: 'unauthorized_client' });
  }
  next();
}

async function registeredOnly(req, res, next) {
  const client = await req.app.locals.clients.find(req.auth.clientId);
  // ok: app-access-restriction
  if (!client) return res.status(401).json({ error: 'invalid_client' });
  next();
}

module.exports = { onlyPartners, registeredOnly };
