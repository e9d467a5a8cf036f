export const RECORDS_DELIVERY_METHODS = ['fax', 'usps-mail'] as const;
export type RecordsDeliveryMethod = typeof RECORDS_DELIVERY_METHODS[number];
