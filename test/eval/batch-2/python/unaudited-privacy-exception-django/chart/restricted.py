from .models import StoredResource


def shareable_resources(patient):
    # ehi-exception: privacy
    #   reason: The patient filed a written request (HIM form R-7) not to share reproductive health encounters with outside organizations
    #   sub-exception: individual-request
    #   owner: him-department
    #   review-by: 2027-06-30
    return StoredResource.objects.filter(patient=patient).exclude(resource_type__in=["Encounter", "Procedure"])
