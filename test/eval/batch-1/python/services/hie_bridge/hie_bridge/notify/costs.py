"""Monthly cost report for outbound notification channels (our own vendor spend)."""
from collections import Counter
from decimal import Decimal

from hie_bridge.models import OutboundMessage

# What Twilio and SendGrid charge us.
SMS_PRICE_PER_SEGMENT = Decimal("0.0079")
VOICE_PRICE_PER_CALL = Decimal("0.014")
EMAIL_PRICE_PER_MESSAGE = Decimal("0.0006")


def monthly_vendor_cost(year: int, month: int) -> dict[str, Decimal]:
    sent = OutboundMessage.objects.filter(sent_at__year=year, sent_at__month=month)
    counts = Counter()
    for msg in sent.only("channel", "segments"):
        counts[msg.channel] += msg.segments if msg.channel == "sms" else 1
    return {
        "sms": SMS_PRICE_PER_SEGMENT * counts["sms"],
        "voice": VOICE_PRICE_PER_CALL * counts["voice"],
        "email": EMAIL_PRICE_PER_MESSAGE * counts["email"],
    }
