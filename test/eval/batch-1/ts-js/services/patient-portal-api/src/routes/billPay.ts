import { Router } from 'express';
import Stripe from 'stripe';
import { requireSession } from '../middleware/session';
import { statements } from '../services/billingStatements';

export const billPayRouter = Router();

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20' });

/** Pay a statement balance or a visit copay from the portal's Billing tab. */
billPayRouter.post('/api/patient/billing/statements/:statementId/pay', requireSession, async (req, res, next) => {
  try {
    const statement = await statements.get(req.session.patientId, req.params.statementId);
    if (!statement) return res.status(404).json({ error: 'statement not found' });

    const amountCents = Math.round(Number(req.body.amount ?? statement.balanceDue) * 100);
    if (!Number.isFinite(amountCents) || amountCents <= 0 || amountCents > statement.balanceDue * 100) {
      return res.status(400).json({ error: 'invalid amount' });
    }

    const intent = await stripe.paymentIntents.create({
      amount: amountCents,
      currency: 'usd',
      description: `Statement ${statement.number} (guarantor ${statement.guarantorAccount})`,
      metadata: { statementId: statement.id, patientId: req.session.patientId },
    });

    res.status(201).json({ clientSecret: intent.client_secret });
  } catch (err) {
    next(err);
  }
});

billPayRouter.post('/api/patient/appointments/:appointmentId/copay', requireSession, async (req, res, next) => {
  try {
    const copay = await statements.copayFor(req.session.patientId, req.params.appointmentId);
    const intent = await stripe.paymentIntents.create({
      amount: Math.round(copay.amount * 100),
      currency: 'usd',
      description: `Copay for visit on ${copay.visitDate}`,
    });
    res.status(201).json({ clientSecret: intent.client_secret });
  } catch (err) {
    next(err);
  }
});
