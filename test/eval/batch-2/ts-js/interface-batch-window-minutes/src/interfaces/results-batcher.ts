// Results from the reference lab arrive in bursts; we flush to the portal every 15 minutes.
export const RESULT_BATCH_WINDOW_MINUTES = 15;

export function nextFlush(now = new Date()): Date {
  const ms = RESULT_BATCH_WINDOW_MINUTES * 60 * 1000;
  return new Date(Math.ceil(now.getTime() / ms) * ms);
}
