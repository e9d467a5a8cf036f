"""DRF exception handler: map domain errors raised in services to HTTP responses."""
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from consent.errors import ConsentDirectiveError
from records.errors import RecordLockedError


def portal_exception_handler(exc, context):
    if isinstance(exc, ConsentDirectiveError):
        # The service that raised it has already recorded the decision and its exception.
        return Response(
            {"detail": exc.public_message, "exception": exc.exception_id, "decision_id": exc.decision_id},
            status=status.HTTP_403_FORBIDDEN,
        )
    if isinstance(exc, RecordLockedError):
        return Response({"detail": "The record is being updated; try again shortly."}, status=status.HTTP_409_CONFLICT)
    return exception_handler(exc, context)
