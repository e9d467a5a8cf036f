import { agenda } from './agenda';
import { portal } from '../portal/client';

agenda.define('release-imaging-report', async (job) => {
  await portal.publishReport(job.attrs.data.reportId);
});

export async function onImagingReportFinal(reportId: string, patientId: string) {
  await agenda.schedule('in 4 days', 'release-imaging-report', { reportId, patientId });
}
