import { Router } from 'express';
import { requireSession } from '../middleware/session';
import { billing } from '../services/billing';
import { imagingArchive } from '../services/imagingArchive';

export const imagingDownloadsRouter = Router();

const IMAGE_DOWNLOAD_FEE_USD = 25;

/**
 * Lets a patient download the DICOM images of one of their studies as a zip.
 */
imagingDownloadsRouter.post('/api/patient/imaging/:studyId/download', requireSession, async (req, res, next) => {
  try {
    const study = await imagingArchive.findStudy(req.session.patientId, req.params.studyId);
    if (!study) return res.status(404).json({ error: 'study not found' });

    // ehi-exception: fees
    //   reason: Retrieving studies from the cold PACS tier costs us storage egress
    //   cost-basis: FIN-2026-044 PACS egress cost allocation worksheet
    //   owner: radiology-informatics
    //   review-by: 2027-07-31
    await billing.chargePatient({
      patientId: req.session.patientId,
      amount: IMAGE_DOWNLOAD_FEE_USD,
      description: `Image download, study ${study.accession}`,
    });

    const link = await imagingArchive.createDownloadLink(study.id, { expiresInHours: 24 });
    res.status(201).json({ url: link.url, expiresAt: link.expiresAt });
  } catch (err) {
    next(err);
  }
});
