'use strict';

const { URL } = require('node:url');
const patientStore = require('../store/patientStore');
const { resolveToken } = require('../auth/resolveToken');

const ADOLESCENT_AGE = 12;

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
  res.end(JSON.stringify(body));
}

function ageInYears(birthDate, now = new Date()) {
  const b = new Date(birthDate);
  let age = now.getUTCFullYear() - b.getUTCFullYear();
  const m = now.getUTCMonth() - b.getUTCMonth();
  if (m < 0 || (m === 0 && now.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/**
 * GET /fhir/r4/Patient/:id for the plain http server. Parents and guardians use
 * proxy tokens (token.proxyFor) to read a child's record.
 */
async function handlePatientRead(req, res) {
  const token = await resolveToken(req.headers.authorization);
  if (!token) {
    return send(res, 401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] });
  }

  const id = new URL(req.url, 'http://localhost').pathname.split('/').pop();
  const patient = await patientStore.read(id);
  if (!patient) {
    return send(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
  }

  if (token.proxyFor === patient.id && ageInYears(patient.birthDate) >= ADOLESCENT_AGE) {
    return send(res, 403, {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'forbidden' }],
    });
  }

  return send(res, 200, patient);
}

module.exports = { handlePatientRead };
