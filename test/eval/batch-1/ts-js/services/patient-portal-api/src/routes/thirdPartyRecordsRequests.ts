import { Router, Request, Response } from 'express';
import { z } from 'zod';
import { requireSession } from '../middleware/session';
import { roiQueue } from '../queues/roiQueue';
import { RoiRequestModel } from '../models/RoiRequest';

/**
 * Patient-directed requests: "send my records to ...".
 * The HIM office fulfils them from the ROI work queue.
 */
export const thirdPartyRecordsRouter = Router();

const ELECTRONIC_METHODS = new Set(['email', 'direct', 'portal', 'api', 'fhir', 'sftp']);

const requestSchema = z.object({
  recipientName: z.string().min(1),
  recipientAddress: z.string().min(1),
  deliveryMethod: z.string(),
  dateFrom: z.string().optional(),
  dateTo: z.string().optional(),
  include: z.array(z.string()).default(['all']),
});

thirdPartyRecordsRouter.post(
  '/api/patient/records-requests',
  requireSession,
  async (req: Request, res: Response) => {
    const parsed = requestSchema.safeParse(req.body);
    if (!parsed.success) {
      return res.status(400).json({ error: 'invalid_request', details: parsed.error.issues });
    }
    const body = parsed.data;

    if (ELECTRONIC_METHODS.has(body.deliveryMethod.toLowerCase())) {
      return res.status(422).json({
        error: 'unsupported_delivery_method',
        message: 'Records requests are fulfilled by fax or mail only. Please choose fax or mail.',
      });
    }

    const request = await RoiRequestModel.create({
      patientId: req.session.patientId,
      recipientName: body.recipientName,
      recipientAddress: body.recipientAddress,
      deliveryMethod: body.deliveryMethod.toLowerCase(),
      dateFrom: body.dateFrom,
      dateTo: body.dateTo,
      include: body.include,
      status: 'RECEIVED',
    });
    await roiQueue.add('fulfil', { requestId: request.id });

    return res.status(201).json({ id: request.id, status: request.status });
  },
);
