'use strict';

const { resolveSchema } = require('../utils/schema');

const CapabilityStatement = resolveSchema('4_0_1', 'capabilitystatement');

module.exports.makeStatement = function makeStatement(resources) {
  return new CapabilityStatement({
    status: 'active',
    kind: 'instance',
    implementation: { description: 'Lakeside FHIR server (R4)' },
    // ruleid: nonstandard-fhir-api
    fhirVersion: '3.0.2',
    // ok: nonstandard-fhir-api
    format: ['application/fhir+json'],
    rest: [resources],
  });
};

module.exports.statementR4 = {
  resourceType: 'CapabilityStatement',
  status: 'active',
  kind: 'instance',
  // ok: nonstandard-fhir-api
  fhirVersion: '4.0.1',
  format: ['json'],
};

const router = require('express').Router();

router.get('/fhir/MedicationRequest/:id', async function (req, res) {
  const med = await req.app.locals.store.read('MedicationRequest', req.params.id);
  // ruleid: nonstandard-fhir-api
  res.set('Content-Type', 'application/x-lakeside-med');
  res.end(JSON.stringify(med));
});

router.get('/fhir/Binary/:id', async function (req, res) {
  const binary = await req.app.locals.store.read('Binary', req.params.id);
  // ok: nonstandard-fhir-api
  res.set('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  res.end(Buffer.from(binary.data, 'base64'));
});

module.exports.router = router;
