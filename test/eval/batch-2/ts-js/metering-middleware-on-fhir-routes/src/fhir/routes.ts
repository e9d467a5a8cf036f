import { Router } from 'express';
import { meterUsage } from '../billing/meter';
import { fhirRead, fhirSearch } from './handlers';

export const fhir = Router();
fhir.get('/fhir/r4/:type', meterUsage, fhirSearch);
fhir.get('/fhir/r4/:type/:id', meterUsage, fhirRead);
