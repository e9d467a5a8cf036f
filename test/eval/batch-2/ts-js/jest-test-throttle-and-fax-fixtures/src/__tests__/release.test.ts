import request from 'supertest';
import rateLimit from 'express-rate-limit';
import express from 'express';

const FAX_ONLY = ['fax', 'mail'];

describe('release routes', () => {
  it('returns 429 once the limiter trips on /fhir/r4/Patient', async () => {
    const app = express();
    app.get('/fhir/r4/Patient', rateLimit({ windowMs: 1000, max: 1 }), (_req, res) => res.json({}));
    await request(app).get('/fhir/r4/Patient');
    await request(app).get('/fhir/r4/Patient').expect(429);
  });

  it('rejects legacy fax-only configuration', () => {
    expect(FAX_ONLY).not.toContain('direct');
  });
});
