// "mail" here is email through SES
export const NOTIFY_CHANNELS = ['mail', 'sms', 'push'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
