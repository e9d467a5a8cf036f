'use strict';

const express = require('express');
const { onlyPartners, registeredOnly } = require('./partner-clients');
const fhirRouter = require('./fhir-router');

const app = express();
app.use('/fhir', registeredOnly, onlyPartners, fhirRouter);
module.exports = app;
