import Queue from 'bull';

export const ehiExportQueue = new Queue('ehi-export', process.env.REDIS_URL!);

// Export jobs are parked overnight so they never compete with clinic traffic.
export const EXPORT_HOLD_MS = 12 * 60 * 60 * 1000;
