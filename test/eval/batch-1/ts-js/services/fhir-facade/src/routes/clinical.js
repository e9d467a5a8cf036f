'use strict';

const express = require('express');
const { requireSmartToken } = require('../middleware/smartToken');
const clinicalStore = require('../store/clinicalStore');

const router = express.Router();

/**
 * Media type of every clinical search response from the facade. The mobile
 * SDK keys its deserialiser off this type.
 */
const HARBOR_CLINICAL_MEDIA_TYPE = 'application/vnd.harbor.clinical+json';

function sendClinical(res, body) {
  res.type(HARBOR_CLINICAL_MEDIA_TYPE).send(JSON.stringify(body));
}

const SEARCHABLE = new Set(['AllergyIntolerance', 'Condition', 'Immunization', 'MedicationRequest', 'Procedure']);

router.get('/fhir/r4/:type', requireSmartToken, async (req, res, next) => {
  try {
    if (!SEARCHABLE.has(req.params.type)) return next();
    const bundle = await clinicalStore.search(req.params.type, {
      ...req.query,
      patient: req.token.patient || req.query.patient,
    });
    sendClinical(res, bundle);
  } catch (err) {
    next(err);
  }
});

router.get('/fhir/r4/:type/:id', requireSmartToken, async (req, res, next) => {
  try {
    if (!SEARCHABLE.has(req.params.type)) return next();
    const resource = await clinicalStore.read(req.params.type, req.params.id);
    if (!resource) return res.status(404).end();
    sendClinical(res, resource);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
