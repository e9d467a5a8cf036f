# Cost-based charges for paper copies and physical media (HIM fee schedule 2026).
PAPER_COPY_PER_PAGE = 0.10
CD_MEDIA_FEE = 5.00
POSTAGE_FLAT = 3.50


def paper_order_total(pages: int, with_cd: bool = False) -> float:
    return round(pages * PAPER_COPY_PER_PAGE + (CD_MEDIA_FEE if with_cd else 0) + POSTAGE_FLAT, 2)
