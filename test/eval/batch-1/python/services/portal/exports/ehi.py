"""Whole-database EHI export for a provider switching systems (170.315(b)(10)(ii))."""
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .jobs import start_population_export


@staff_member_required
@require_POST
def start_database_export(request):
    if not settings.EHI_EXPORT_ENABLED:
        return JsonResponse({"error": "EHI export is disabled for this installation."}, status=404)
    job = start_population_export(requested_by=request.user, fmt="ndjson")
    return JsonResponse({"job": job.pk, "status_url": f"/admin/ehi-export/jobs/{job.pk}/"}, status=202)
