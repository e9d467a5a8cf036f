import { Router } from 'express';
import { readPatient, searchPatient } from './patient.controller';

export const patientRoutes = Router();

// ehi-exception: security
//   rule: unjustified-throttle
//   reason: Credential stuffing against the patient lookup from a botnet in 2025
//   risk: credential stuffing
//   basis: policy
//   owner: security-office
//   review-by: 2027-08-31
patientRoutes.get('/fhir/r4/Patient/:id', readPatient);
patientRoutes.get('/fhir/r4/Patient', searchPatient);
