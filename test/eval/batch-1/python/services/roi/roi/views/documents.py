"""Released documents, viewed by the requester through the ROI portal."""
from flask import Blueprint, abort, g, send_file

from ..models import ReleasedDocument
from ..sensitivity import is_sensitive
from ..storage import open_document

bp = Blueprint("roi_documents", __name__, url_prefix="/api/roi/documents")


@bp.get("/<int:document_id>")
def get_document(document_id: int):
    doc = ReleasedDocument.query.filter_by(id=document_id, request_id=g.release_request_id).first_or_404()
    if is_sensitive(doc):
        abort(403)
    return send_file(open_document(doc.object_key), mimetype=doc.mime_type, download_name=doc.filename)


@bp.get("/<int:document_id>/metadata")
def get_document_metadata(document_id: int):
    doc = ReleasedDocument.query.filter_by(id=document_id, request_id=g.release_request_id).first_or_404()
    return {
        "id": doc.id,
        "title": doc.title,
        "category": doc.category,
        "pages": doc.page_count,
        "created": doc.created_at.isoformat(),
    }
