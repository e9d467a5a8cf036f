'use strict';

const express = require('express');
const { requireSmartToken } = require('../middleware/smartToken');
const binaryStore = require('../store/binaryStore');

const router = express.Router();

const FHIR_JSON = 'application/fhir+json';

/**
 * Binary read. Without an Accept header asking for FHIR, a Binary is served
 * as its stored content (a PDF, a DICOM-wrapped image, a vendor ECG export);
 * with Accept: application/fhir+json the Binary resource itself is returned.
 */
router.get('/fhir/r4/Binary/:id', requireSmartToken, async (req, res, next) => {
  try {
    const binary = await binaryStore.read(req.params.id);
    if (!binary) return res.status(404).end();

    const wantsFhir = req.accepts([binary.contentType, FHIR_JSON]) === FHIR_JSON || req.query._format === 'json';
    if (wantsFhir) {
      return res.type(FHIR_JSON).send(JSON.stringify(binary.asResource()));
    }

    // Stored content type, e.g. application/pdf or application/vnd.ge.muse-ecg+xml
    res.type(binary.contentType);
    return res.send(await binary.content());
  } catch (err) {
    return next(err);
  }
});

/** Clinical summaries: FHIR by default, the legacy vendor JSON only when asked for. */
router.get('/fhir/r4/Composition/:id/\\$document', requireSmartToken, async (req, res, next) => {
  try {
    const doc = await binaryStore.document(req.params.id);
    if (!doc) return res.status(404).end();
    if (req.accepts([FHIR_JSON, 'application/vnd.harbor.summary+json']) === 'application/vnd.harbor.summary+json') {
      return res.type('application/vnd.harbor.summary+json').send(JSON.stringify(doc.legacyView()));
    }
    return res.type(FHIR_JSON).send(JSON.stringify(doc.bundle));
  } catch (err) {
    return next(err);
  }
});

module.exports = router;
