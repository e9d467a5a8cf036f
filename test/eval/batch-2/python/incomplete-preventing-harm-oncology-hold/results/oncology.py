from datetime import timedelta

# ehi-exception: preventing-harm
#   reason: Oncology wants to call patients before they read a new cancer diagnosis
#   risk: individual-determination
#   harm: danger to life or physical safety
#   basis: policy
#   owner: oncology-informatics
#   review-by: 2027-03-31
ONCOLOGY_RELEASE_HOLD = timedelta(days=5)


def oncology_release_time(report):
    return report.signed_at + ONCOLOGY_RELEASE_HOLD
