"""Refund requests for overpaid patient balances."""
from decimal import Decimal

from django.db import transaction

from .models import RefundRequest

AUTO_REFUND_LIMIT = Decimal("50.00")


def submit_refund_request(account, amount: Decimal, reason: str) -> RefundRequest:
    with transaction.atomic():
        refund = RefundRequest.objects.create(
            account=account,
            amount=amount,
            reason=reason,
            status="PENDING_REVIEW" if amount > AUTO_REFUND_LIMIT else "APPROVED",
        )
    if refund.status == "APPROVED":
        refund.issue()
    else:
        refund.assign_to("patient-financial-services")
    return refund


def approve_refund(refund: RefundRequest, reviewer) -> RefundRequest:
    refund.status = "APPROVED"
    refund.reviewed_by = reviewer
    refund.save(update_fields=["status", "reviewed_by"])
    refund.issue()
    return refund
