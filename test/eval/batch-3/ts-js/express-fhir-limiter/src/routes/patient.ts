import { Router } from 'express';
import { fhirReadLimiter } from '../config/limits';
import { readPatient, searchObservations } from '../fhir/handlers';

export const patientRouter = Router();

patientRouter.get('/fhir/r4/Patient/:id', fhirReadLimiter, readPatient);
patientRouter.get('/fhir/r4/Observation', fhirReadLimiter, searchObservations);
