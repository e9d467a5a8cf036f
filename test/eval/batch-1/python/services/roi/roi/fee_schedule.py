"""Fees for non-electronic copies of records (HIPAA 164.524(c)(4): cost-based, supplies and postage).

Electronic copies, portal downloads and API access are free; only the supplies
of paper and physical media and the postage are charged, at cost.
"""
from dataclasses import dataclass
from decimal import Decimal

PAPER_COPY_FEE_PER_PAGE = Decimal("0.10")
PAPER_COPY_FEE_CAP = Decimal("30.00")
CD_MEDIA_FEE = Decimal("2.50")
USB_MEDIA_FEE = Decimal("6.00")


@dataclass
class PaperOrder:
    pages: int
    media: str | None = None  # "cd" | "usb" | None
    postage: Decimal = Decimal("0")


def paper_copy_charge(order: PaperOrder) -> Decimal:
    supplies = min(PAPER_COPY_FEE_PER_PAGE * order.pages, PAPER_COPY_FEE_CAP)
    if order.media == "cd":
        supplies += CD_MEDIA_FEE
    elif order.media == "usb":
        supplies += USB_MEDIA_FEE
    return (supplies + order.postage).quantize(Decimal("0.01"))


def electronic_copy_charge() -> Decimal:
    return Decimal("0.00")
