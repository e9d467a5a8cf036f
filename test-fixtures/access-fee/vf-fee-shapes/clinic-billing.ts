import express from 'express';
import Stripe from 'stripe';
import { requireActiveSubscription, subscriptionNotifications, fhirRead } from './middleware';
import { billing } from './billing';

const stripe = new Stripe(process.env.STRIPE_KEY!);
export const app = express();

// FHIR server with a paid tier in front of it.
// ruleid: access-fee
app.use('/fhir/r4', requireActiveSubscription);
// FHIR Subscription resources: notifications, not payment.
// ok: access-fee
app.post('/fhir/r4/Subscription', subscriptionNotifications, fhirRead);

app.get('/fhir/r4/Patient/:id/$everything', async (req, res) => {
  // ruleid: access-fee
  await billing.chargeApp(req.params.id, 0.05);
  res.json({});
});

// Paying an invoice for care through the FHIR financial resources.
app.post('/fhir/r4/Invoice/:id/$pay', async (req, res) => {
  // ok: access-fee
  const intent = await stripe.paymentIntents.create({ amount: req.body.amount, currency: 'usd' });
  res.json(intent);
});

// Appointment checkout.
app.post('/portal/appointments/:id/checkout', async (req, res) => {
  // ok: access-fee
  const session = await stripe.checkout.sessions.create({ mode: 'payment', line_items: req.body.items });
  res.json(session);
});

// Postage for a paper copy the patient asked to be mailed, charged at cost.
app.post('/api/patient/records/:id/mail-copy', async (req, res) => {
  // ok: access-fee
  await stripe.charges.create({ amount: 800, currency: 'usd', description: 'Postage for paper copy of records' });
  res.sendStatus(201);
});

// Catalogue of medical supplies sold in the clinic shop.
// ok: access-fee
export const medicalSupplyPrice = 12;
// The practice pays for the product it runs on.
// ok: access-fee
export const practiceManagementMonthlyFee = 99;
// ok: access-fee
export const ehrSubscriptionFee = 299;
// Seed rows for the demo tenant.
// ok: access-fee
export const seedRecordsRequests = [{ patientId: 'p1', recordsRequestFee: 25 }];
// ok: access-fee
export const recordsFee = { amount: 25, waived: true };
// ruleid: access-fee
export const recordsCopyFee = { amount: 25, waivedForPatients: true };

// FHIR financial resources: the balance read is the resource's, not the requestor's payment.
app.get('/fhir/r4/Account/:id', async (req, res) => {
  const account = await fhirStore.read('Account', req.params.id);
  // ok: access-fee
  if (!account.balance) return res.status(404).end();
  res.json(account);
});

// Records only for patients with a card on file.
app.get('/portal/records/download', async (req, res) => {
  // ruleid: access-fee
  if (!req.session.paymentMethodOnFile) return res.status(403).json({ error: 'Add a card to download your records' });
  res.json(await fhirStore.everything(req.session.patientId));
});

// A balance owed for care is no reason to refuse the record.
app.get('/fhir/r4/Patient/:id', async (req, res) => {
  // ruleid: access-fee
  if (req.user.balanceOverdue) return res.status(403).json({ error: 'Please settle your balance first' });
  res.json(await fhirStore.read('Patient', req.params.id));
});

declare const fhirStore: { read(type: string, id: string): Promise<any>; everything(id: string): Promise<any> };
