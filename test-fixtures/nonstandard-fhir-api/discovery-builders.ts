import { Router, Request, Response } from 'express';
import { addTenantFields } from './tenant';

const AUTH = 'https://auth.lakeside.example';
export const discovery = Router();

discovery.get('/fhir/.well-known/smart-configuration', (req: Request, res: Response) => {
  // ruleid: nonstandard-fhir-api
  const doc: Record<string, unknown> = {};
  doc.authorization_endpoint = `${AUTH}/authorize`;
  doc.token_endpoint = `${AUTH}/token`;
  doc.capabilities = ['launch-standalone', 'client-public', 'context-standalone-patient', 'permission-patient', 'permission-offline'];
  doc.code_challenge_methods_supported = ['S256'];
  res.json(doc);
});

discovery.get('/fhir/r4/.well-known/smart-configuration', (req: Request, res: Response) => {
  // ok: nonstandard-fhir-api
  const doc: Record<string, unknown> = { authorization_endpoint: `${AUTH}/authorize`, token_endpoint: `${AUTH}/token` };
  addTenantFields(doc, req.params);
  res.json(doc);
});

discovery.get('/fhir/metadata', (req: Request, res: Response) => {
  const statement: Record<string, any> = { resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'] };
  statement.implementationGuide = ['http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core'];
  // ruleid: nonstandard-fhir-api
  statement.rest = [{ mode: 'server', resource: [{ type: 'Patient' }, { type: 'Observation' }] }];
  res.json(statement);
});

discovery.get('/fhir/stu3/metadata', (req: Request, res: Response) => {
  const statement: Record<string, any> = { resourceType: 'CapabilityStatement', kind: 'instance', fhirVersion: '3.0.2', format: ['json'] };
  // ok: nonstandard-fhir-api
  statement.rest = [{ mode: 'server', resource: [{ type: 'Patient' }, { type: 'Observation' }] }];
  res.json(statement);
});
