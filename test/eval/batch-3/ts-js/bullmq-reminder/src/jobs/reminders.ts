import { Queue } from 'bullmq';
const reminders = new Queue('appointment-reminders');
export async function scheduleReminder(appt: { id: string; startsAt: Date }) {
  const delay = appt.startsAt.getTime() - Date.now() - 24 * 3600 * 1000;
  await reminders.add('sms-reminder', { apptId: appt.id }, { delay, attempts: 3, backoff: { type: 'exponential', delay: 60000 } });
}
