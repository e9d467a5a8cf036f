from datetime import timedelta

# the reference lab sends results in bursts; we flush them to the portal every 20 minutes
RESULT_FLUSH_INTERVAL = timedelta(minutes=20)


def next_flush(last_flush):
    return last_flush + RESULT_FLUSH_INTERVAL
