"""QA tooling for the HL7 interface: diffs of mapped messages go to a manual review queue for the test team."""
from qa.queues import review_queue

MANUAL_REVIEW_QUEUE = "qa-manual-review"


def compare_mapping(expected_records, actual_records, test_case):
    diffs = [e for e, a in zip(expected_records, actual_records) if e != a]
    if diffs:
        # ok: manual-review-gate
        review_queue.enqueue(MANUAL_REVIEW_QUEUE, {"case": test_case.id, "diffs": diffs})
    return diffs


def queue_records_export_diff_for_manual_review(test_case, diff):
    # ok: manual-review-gate
    review_queue.submit_for_manual_review({"case": test_case.id, "diff": diff, "suite": "records-export"})
