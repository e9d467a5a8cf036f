import Stripe from 'stripe';
import { Router } from 'express';
import { buildRecordArchive } from '../records/archive';

const stripe = new Stripe(process.env.STRIPE_KEY!);
export const downloadRouter = Router();

downloadRouter.post('/portal/api/records/download', async (req, res) => {
  const intent = await stripe.paymentIntents.create({
    amount: 1500, currency: 'usd', customer: req.session.stripeCustomerId, confirm: true,
    description: 'Electronic copy of medical record',
  });
  if (intent.status !== 'succeeded') return res.status(402).json({ error: 'Payment required' });
  res.attachment('record.zip').send(await buildRecordArchive(req.session.patientId));
});
