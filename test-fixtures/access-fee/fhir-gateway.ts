import express from 'express';
import Stripe from 'stripe';
import { fhirRouter } from './fhir';
import { meterUsage } from './billing/metering';
import { requestLogger } from './logging';

const stripe = new Stripe(process.env.STRIPE_KEY!);
const app = express();

// ruleid: access-fee
export const PRICE_PER_FHIR_CALL = 0.02;
// ok: access-fee
export const RECORD_REQUEST_FEE = 0;
// ok: access-fee
const LLM_PRICE_PER_CALL = 0.002;

// ok: access-fee
app.use('/fhir/r4', requestLogger, fhirRouter);
// ruleid: access-fee
app.get('/fhir/r4/:type/:id', meterUsage, fhirRouter);

app.post('/api/records-requests/:id/fulfil', async (req, res) => {
  const request = await loadRecordsRequest(req.params.id);
  // ruleid: access-fee
  await stripe.paymentIntents.create({ amount: request.feeCents, currency: 'usd', customer: request.requesterCustomerId, confirm: true });
  res.json(await fulfil(request));
});

app.get('/portal/records/download', async (req, res) => {
  const account = await loadAccount(req.user.id);
  // ruleid: access-fee
  if (!account.hasPaidDownloadFee) {
    return res.status(402).json({ error: 'Payment required to download your records' });
  }
  res.download(await buildRecordsZip(req.user.patientId));
});

app.post('/portal/billing/pay', async (req, res) => {
  // Paying a hospital bill from the portal: payment for care, not for access to records.
  // ok: access-fee
  const intent = await stripe.paymentIntents.create({ amount: req.body.amountCents, currency: 'usd' });
  res.json({ clientSecret: intent.client_secret });
});

declare function loadRecordsRequest(id: string): Promise<{ feeCents: number; requesterCustomerId: string }>;
declare function fulfil(request: unknown): Promise<unknown>;
declare function loadAccount(id: string): Promise<{ hasPaidDownloadFee: boolean }>;
declare function buildRecordsZip(patientId: string): Promise<string>;

export { app, LLM_PRICE_PER_CALL };

/** Query parameters of the price-list admin screen: paging, not a per-page fee. */
export class PriceListQuery {
  // ok: access-fee
  page = 1;
  // ok: access-fee
  pageSize = 20;
}
