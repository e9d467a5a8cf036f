from rest_framework import serializers

from .constants import PAPER_CHANNELS


class ThirdPartyRequestSerializer(serializers.Serializer):
    patient_mrn = serializers.CharField()
    requester = serializers.CharField()
    channel = serializers.CharField()

    def validate_channel(self, channel):
        if channel not in PAPER_CHANNELS:
            raise serializers.ValidationError("Third-party requests are released on paper or by fax.")
        return channel
