RELEASABLE_STATUSES = ("final", "amended", "corrected")


def releasable(reports):
    return [r for r in reports if r["status"] in RELEASABLE_STATUSES]
