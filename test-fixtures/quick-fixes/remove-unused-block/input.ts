import express from 'express';
import { readPatient } from './fhir-store';

const app = express();

// The limiter was taken off; the record stayed behind.
// ehi-exception: security
//   rule: unjustified-throttle
//   reason: Credential stuffing through patient reads
//   risk: credential stuffing
//   basis: policy
//   owner: security-office
//   review-by: 2027-06-30
app.get('/fhir/r4/Patient/:id', readPatient);
