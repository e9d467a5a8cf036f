import { Router } from 'express';
import { fhirReadLimiter } from '../middleware/limits';
import { readResource, searchResources } from '../fhir/handlers';

export const fhirRouter = Router();

fhirRouter.get('/fhir/r4/:type', fhirReadLimiter, searchResources);
fhirRouter.get('/fhir/r4/:type/:id', fhirReadLimiter, readResource);
