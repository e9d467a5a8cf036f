import { Router } from 'express';
import { proxies } from '../proxy';
import { loadChartSummary } from '../chart';

export const proxyAccess = Router();

proxyAccess.get('/portal/api/proxy/:patientId/summary', async (req, res) => {
  const link = await proxies.find(req.session.userId, req.params.patientId);
  if (link?.relationship === 'caregiver' && !link.patientIsMinor) {
    return res.status(403).json({ message: 'Access to this record is denied due to HIPAA regulations.' });
  }
  res.json(await loadChartSummary(req.params.patientId));
});
