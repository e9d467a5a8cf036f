import express from 'express';
import { readPatient } from './fhir-store';

const app = express();

// The limiter was taken off; the record stayed behind.
app.get('/fhir/r4/Patient/:id', readPatient);
