from .direct import send_direct
from .directory import lookup
from .fax import send_fax


def send_referral(npi: str, ccda: bytes, pdf: bytes):
    recipient = lookup(npi)
    if recipient.get("direct_address"):
        try:
            return send_direct(recipient["direct_address"], ccda)
        except ConnectionError:
            pass
    if recipient.get("fax_number"):
        return send_fax(recipient["fax_number"], pdf)
    raise LookupError(f"no delivery address for {npi}")
