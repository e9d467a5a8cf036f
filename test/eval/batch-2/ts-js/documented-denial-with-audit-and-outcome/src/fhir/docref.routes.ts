import { Router } from 'express';
import { auditLog } from '../audit';
import { store } from '../store';

export const docRefs = Router();

docRefs.get('/fhir/r4/DocumentReference/:id', async (req, res) => {
  const doc = await store.read('DocumentReference', req.params.id);
  if (doc.meta?.security?.some((s) => s.code === 'PATRQT')) {
    auditLog.record({ event: 'ehi-exception', rule: 'undocumented-denial', exception: 'privacy', reason: 'patient requested restriction 171.202(e)' });
    return res.status(403).json({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'Withheld at the patient\u2019s request (45 CFR 171.202(e)). Contact HIM to review.' }],
    });
  }
  res.json(doc);
});
