import { Router } from 'express';
import Stripe from 'stripe';
import { requireSession } from '../middleware/session';
import { RecordDownloadModel } from '../models/RecordDownload';
import { buildPatientRecordArchive } from '../services/recordArchive';

export const recordDownloadsRouter = Router();

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20' });

/** Processing charge for assembling the downloadable archive, in cents. */
const RECORD_ARCHIVE_CHARGE_CENTS = 1500;

/**
 * "Download my records" (C-CDA + PDF archive of the patient's chart).
 * The archive link is returned once the charge has been paid.
 */
recordDownloadsRouter.post('/api/patient/record-downloads', requireSession, async (req, res, next) => {
  try {
    const download = await RecordDownloadModel.create({
      patientId: req.session.patientId,
      status: 'AWAITING_PAYMENT',
    });

    const intent = await stripe.paymentIntents.create({
      amount: RECORD_ARCHIVE_CHARGE_CENTS,
      currency: 'usd',
      description: 'Electronic health record download',
      metadata: { downloadId: String(download.id), patientId: req.session.patientId },
      automatic_payment_methods: { enabled: true },
    });

    res.status(201).json({ id: download.id, clientSecret: intent.client_secret });
  } catch (err) {
    next(err);
  }
});

recordDownloadsRouter.get('/api/patient/record-downloads/:id', requireSession, async (req, res, next) => {
  try {
    const download = await RecordDownloadModel.findOne({ _id: req.params.id, patientId: req.session.patientId });
    if (!download) return res.status(404).end();
    if (download.status !== 'PAID') {
      return res.status(402).json({ error: 'payment_required', message: 'Complete payment to download your records.' });
    }
    const archive = await buildPatientRecordArchive(req.session.patientId);
    res.attachment('my-health-record.zip').send(archive);
  } catch (err) {
    next(err);
  }
});
