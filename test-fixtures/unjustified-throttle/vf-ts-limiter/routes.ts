import express from 'express';
import { apiGuard, signInGuard } from './limits';

const router = express.Router();

// ruleid: unjustified-throttle
router.get('/fhir/r4/MedicationRequest', apiGuard, searchMedicationRequests);

// ok: unjustified-throttle
router.post('/auth/otp', signInGuard, verifyOtp);

export default router;
