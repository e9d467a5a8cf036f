import { Router } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import config from 'config';
import { verifyAccessToken } from '../middleware/smartToken';
import { fhirReadLimiter } from '../middleware/rateLimits';

/**
 * App-facing FHIR R4 endpoint: patient-authorised apps call it with a SMART
 * access token; requests are proxied to the EHR's internal FHIR server.
 */
export const fhirProxyRouter = Router();

const upstream = config.get<string>('upstream.fhirBaseUrl');

const proxy = createProxyMiddleware({
  target: upstream,
  changeOrigin: true,
  pathRewrite: { '^/fhir/r4': '' },
  proxyTimeout: config.get<number>('upstream.timeoutMs'),
  on: {
    proxyReq: (proxyReq, req) => {
      const patient = (req as { auth?: { patient?: string } }).auth?.patient;
      if (patient) proxyReq.setHeader('X-Patient-Compartment', patient);
    },
  },
});

fhirProxyRouter.use('/fhir/r4', verifyAccessToken, fhirReadLimiter, proxy);
