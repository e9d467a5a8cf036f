package org.riverbend.billing;

import org.springframework.stereotype.Service;

@Service
public class RefundService {
    private final RefundRepository refunds;

    public RefundService(RefundRepository refunds) {
        this.refunds = refunds;
    }

    public Refund request(String invoiceId, long amountCents) {
        Refund refund = new Refund(invoiceId, amountCents);
        refund.setStatus(RefundStatus.MANUAL_REVIEW);
        return refunds.save(refund);
    }
}
