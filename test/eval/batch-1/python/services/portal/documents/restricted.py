"""Documents a patient has asked us not to share with their proxies."""
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from audit.log import audit_log

from .models import ClinicalDocument, SharingRestriction
from .serializers import ClinicalDocumentSerializer


@api_view(["GET"])
def proxy_document(request, document_id: int):
    doc = ClinicalDocument.objects.get(pk=document_id, patient=request.user.active_proxy_patient)
    restriction = SharingRestriction.objects.filter(
        patient=doc.patient, document=doc, applies_to="proxy", revoked_at__isnull=True
    ).first()
    if restriction is not None:
        audit_log.record(
            event="ehi-exception",
            rule="undocumented-denial",
            exception="privacy",
            sub_exception="individual-request",
            reason=f"Patient restriction {restriction.pk} on proxy access",
            document_id=doc.pk,
        )
        raise PermissionDenied(
            "The patient asked that this document not be shared with proxies "
            "(45 CFR 171.202(e)). The patient can change this in Sharing settings."
        )
    return Response(ClinicalDocumentSerializer(doc).data)
