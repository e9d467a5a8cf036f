import express from 'express';
import { requireCustomerLogin, requireSmartToken, rateLimiter } from './auth';
import { endpointBundle, listEndpoints } from './directory';

const router = express.Router();

// ruleid: endpoint-publication
router.get('/fhir-endpoints', requireCustomerLogin, async (req, res) => {
  res.json(await endpointBundle());
});

router.get('/service-base-urls', async (req, res) => {
  if (!req.session?.customerId) {
    // ruleid: endpoint-publication
    return res.status(401).json({ error: 'Sign in to see service base URLs' });
  }
  res.json(await endpointBundle());
});

router.get('/endpoint-list.csv', async (req, res) => {
  const rows = await listEndpoints();
  // ruleid: endpoint-publication
  res.type('csv');
  res.send(rows.map((r) => `${r.name},${r.url}`).join('\n'));
});

router.get('/endpoint-directory', async (req, res) => {
  const rows = await listEndpoints();
  // ruleid: endpoint-publication
  res.json(rows.map((r) => ({ name: r.organization, url: r.address })));
});

// The public list, a FHIR Bundle: nothing to report.
// ok: endpoint-publication
router.get('/endpoint-bundle', rateLimiter, async (req, res) => {
  const rows = await listEndpoints();
  // ok: endpoint-publication
  res.type('application/fhir+json').json({ resourceType: 'Bundle', type: 'collection', entry: rows.map((r) => ({ resource: r })) });
});

router.get('/endpoint-list', async (req, res) => {
  if (typeof req.query.organization === 'string' && req.query.organization.length > 200) {
    // ok: endpoint-publication
    return res.status(400).json({ error: 'organization filter too long' });
  }
  res.json(await endpointBundle());
});

// Authentication on the FHIR API itself is not the directory.
// ok: endpoint-publication
router.get('/fhir/r4/Endpoint', requireSmartToken, async (req, res) => {
  res.json(await endpointBundle());
});

// ok: endpoint-publication
router.get('/fhir/r4/Patient/:id', requireSmartToken, async (req, res) => {
  res.json({ resourceType: 'Patient', id: req.params.id });
});

export default router;
