import express, { Request, Response } from 'express';
import { config } from '../config';
import { patientService } from '../services/patients';

const app = express();

app.get('/fhir/.well-known/smart-configuration', (req: Request, res: Response) => {
  // ruleid: nonstandard-fhir-api
  res.json({
    authorization_endpoint: `${config.authBaseUrl}/authorize`,
    token_endpoint: `${config.authBaseUrl}/token`,
    capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'context-standalone-patient', 'permission-patient', 'permission-offline'],
    scopes_supported: ['openid', 'fhirUser', 'launch/patient', 'patient/*.rs', 'offline_access'],
  });
});

// OpenID Connect discovery shares field names with the SMART document but is not one.
app.get('/.well-known/openid-configuration', (req: Request, res: Response) => {
  // ok: nonstandard-fhir-api
  res.json({
    issuer: config.authBaseUrl,
    authorization_endpoint: `${config.authBaseUrl}/authorize`,
    token_endpoint: `${config.authBaseUrl}/token`,
    code_challenge_methods_supported: ['plain', 'S256'],
  });
});

app.get('/fhir/Patient/:id', async (req: Request, res: Response) => {
  const patient = await patientService.read(req.params.id);
  // ruleid: nonstandard-fhir-api
  res.type('application/vnd.acme.patient+json');
  res.send(JSON.stringify(patient));
});

app.get('/fhir/Observation', async (req: Request, res: Response) => {
  const bundle = await patientService.searchObservations(req.query);
  if (req.accepts('application/vnd.acme.obs+json')) {
    // ok: nonstandard-fhir-api
    res.type('application/vnd.acme.obs+json');
    return res.send(JSON.stringify(bundle));
  }
  res.type('application/fhir+json').send(JSON.stringify(bundle));
});

app.get('/internal/reports/:id', async (req: Request, res: Response) => {
  // ok: nonstandard-fhir-api
  res.type('application/vnd.ms-excel');
  res.send(await patientService.report(req.params.id));
});

export default app;
