import { PATIENT_READS_PER_MINUTE } from './patient-limits';

export const describeLimits = () => `${PATIENT_READS_PER_MINUTE} reads a minute`;
