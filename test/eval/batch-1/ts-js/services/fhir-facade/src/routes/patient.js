'use strict';

const express = require('express');
const { requireSmartToken } = require('../middleware/smartToken');
const { appPacing } = require('../middleware/appPacing');
const patientStore = require('../store/patientStore');
const { operationOutcome } = require('../fhir/outcomes');

const router = express.Router();

router.use(requireSmartToken, appPacing());

router.get('/fhir/r4/Patient/:id', async (req, res, next) => {
  try {
    if (req.token.patient && req.token.patient !== req.params.id) {
      return res.status(403).json(operationOutcome('forbidden', 'Token is not authorised for this patient'));
    }
    const patient = await patientStore.read(req.params.id);
    if (!patient) {
      return res.status(404).json(operationOutcome('not-found', `Patient/${req.params.id} not found`));
    }
    res.type('application/fhir+json').send(patient);
  } catch (err) {
    next(err);
  }
});

router.get('/fhir/r4/Patient', async (req, res, next) => {
  try {
    const bundle = await patientStore.search({
      identifier: req.query.identifier,
      family: req.query.family,
      birthdate: req.query.birthdate,
      compartment: req.token.patient,
    });
    res.type('application/fhir+json').send(bundle);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
