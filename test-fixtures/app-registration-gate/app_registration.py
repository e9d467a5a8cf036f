from datetime import timedelta

from django.db import models
from django.http import JsonResponse
from django.utils import timezone

# ruleid: app-registration-gate
APP_REGISTRATION_APPROVAL_MODE = "manual"
# ok: app-registration-gate
APP_REGISTRATION_SECRET_EXPIRES_DAYS = 365


class RegisteredApp(models.Model):
    name = models.CharField(max_length=200)
    # ruleid: app-registration-gate
    status = models.CharField(max_length=32, default="pending_review")


def register_app(request):
    body = request.POST
    if body.get("pen_test_report") is None:  # ruleid: app-registration-gate
        return JsonResponse({"error": "Upload a penetration test report"}, status=400)
    app = RegisteredApp.objects.create(name=body["client_name"], status="active")
    # ok: app-registration-gate
    app.review_due_by = timezone.now() + timedelta(days=5)
    app.save()
    return JsonResponse({"client_id": app.pk}, status=201)


def list_pending_apps(request):
    # Reading the queue is not putting an app into it.
    # ok: app-registration-gate
    pending = RegisteredApp.objects.filter(status="pending_review")
    return JsonResponse({"pending": [a.pk for a in pending]})
