from .models import ForumPost


def submit_post(author, body):
    """Patient community forum: first posts are moderated."""
    return ForumPost.objects.create(author=author, body=body, status="PENDING_REVIEW")
