import { Refund } from '../models/Refund';

// OpenAI summarisation of refund notes costs us about this much per call
export const LLM_PRICE_PER_CALL_USD = 0.004;

export async function requestRefund(invoiceId: string, amountCents: number, reason: string) {
  return Refund.create({ invoiceId, amountCents, reason, status: 'PENDING_REVIEW' });
}
