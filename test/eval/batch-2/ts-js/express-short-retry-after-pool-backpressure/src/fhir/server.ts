import express from 'express';
import { dbBackpressure } from './backpressure';
import { fhirHandlers } from './handlers';

const app = express();
app.use('/fhir/r4', dbBackpressure, fhirHandlers);
app.listen(8080);
