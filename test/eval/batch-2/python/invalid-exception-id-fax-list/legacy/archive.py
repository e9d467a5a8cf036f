# ehi-exception: infeasible
#   reason: Microfiche archive from the 1990s has no electronic interface
#   condition: infeasible-under-circumstances
#   written-response: HIM writes to the requester within 10 business days
#   owner: him-department
#   review-by: 2027-05-31
ARCHIVE_DELIVERY_METHODS = ("fax", "mail")


def archive_release_options():
    return list(ARCHIVE_DELIVERY_METHODS)
