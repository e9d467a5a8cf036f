from celery import shared_task

from .constants import PATHOLOGY_RELEASE_HOLD_SECONDS


@shared_task
def publish_result_to_portal(result_id):
    from .models import LabResult
    LabResult.objects.filter(pk=result_id).update(portal_visible=True)


def on_result_final(result):
    publish_result_to_portal.apply_async(args=[result.pk], countdown=PATHOLOGY_RELEASE_HOLD_SECONDS)
