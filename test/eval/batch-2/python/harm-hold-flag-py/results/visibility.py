def visible_results(results):
    """Skip results a clinician has individually held (Preventing Harm determination recorded on the hold)."""
    out = []
    for r in results:
        if r.harm_hold and r.harm_hold.active:
            continue
        out.append(r)
    return out
