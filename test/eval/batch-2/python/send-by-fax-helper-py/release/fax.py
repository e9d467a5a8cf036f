from .efax_client import efax


def send_by_fax(number: str, pdf: bytes, cover_note: str = ""):
    """One delivery channel; release.dispatch decides when it is used."""
    return efax.send(to=number, document=pdf, cover=cover_note)
