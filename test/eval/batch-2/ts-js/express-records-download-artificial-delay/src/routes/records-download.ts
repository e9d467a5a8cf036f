import express from 'express';
import { DOWNLOAD_PACING_MS } from '../config/pacing';
import { buildCcdaPackage } from '../services/ccda';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const router = express.Router();

router.get('/portal/records/:patientId/download', async (req, res, next) => {
  try {
    await sleep(DOWNLOAD_PACING_MS);
    const pkg = await buildCcdaPackage(req.params.patientId);
    res.attachment(`${req.params.patientId}-ccda.zip`).send(pkg);
  } catch (err) {
    next(err);
  }
});

export default router;
