import { Router } from 'express';
import { patientCompartment } from './guards';
import { readCompartment } from './compartment';

export const patientData = Router();
patientData.get('/fhir/r4/Patient/:patientId/$everything', patientCompartment, readCompartment);
