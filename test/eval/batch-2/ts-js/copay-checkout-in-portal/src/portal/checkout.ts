import Stripe from 'stripe';
import { Router } from 'express';
import { appointments } from '../scheduling';

const stripe = new Stripe(process.env.STRIPE_KEY!);
export const checkoutRouter = Router();

checkoutRouter.post('/portal/api/appointments/:id/copay', async (req, res) => {
  const appt = await appointments.get(req.params.id);
  const intent = await stripe.paymentIntents.create({ amount: appt.copayCents, currency: 'usd', metadata: { appointmentId: appt.id } });
  res.json({ clientSecret: intent.client_secret });
});
