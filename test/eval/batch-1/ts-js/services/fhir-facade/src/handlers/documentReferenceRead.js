'use strict';

const documentStore = require('../store/documentStore');

const SENSITIVE_CATEGORIES = new Set(['behavioral-health', 'sexual-health', 'substance-use', 'genetics']);

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
  res.end(JSON.stringify(body));
}

function isSensitive(doc) {
  return (doc.category || []).some((cc) => (cc.coding || []).some((c) => SENSITIVE_CATEGORIES.has(c.code)));
}

/**
 * GET /fhir/r4/DocumentReference/:id on the plain Node http server used by
 * the referral-partner integration.
 */
async function handleDocumentReferenceRead(req, res, params) {
  const doc = await documentStore.read(params.id);
  if (!doc) {
    return send(res, 404, {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found', diagnostics: `DocumentReference/${params.id} not found` }],
    });
  }

  if (isSensitive(doc)) {
    return send(res, 403, {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'forbidden',
          diagnostics: 'Blocked per HIPAA: this document contains sensitive information.',
        },
      ],
    });
  }

  return send(res, 200, doc);
}

module.exports = { handleDocumentReferenceRead };
