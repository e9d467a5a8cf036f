from rest_framework import serializers

from .models import RecordsRequest

PHYSICAL_DELIVERY_METHODS = ("fax", "mail", "pickup")


class RecordsRequestSerializer(serializers.ModelSerializer):
    """Records requests submitted from the patient portal's "Request my records" form."""

    delivery_method = serializers.CharField()
    recipient_fax = serializers.CharField(required=False, allow_blank=True)
    recipient_address = serializers.CharField(required=False, allow_blank=True)

    class Meta:
        model = RecordsRequest
        fields = (
            "id",
            "patient",
            "date_from",
            "date_to",
            "record_sections",
            "delivery_method",
            "recipient_fax",
            "recipient_address",
            "status",
            "submitted_at",
        )
        read_only_fields = ("id", "status", "submitted_at")

    def validate_delivery_method(self, value):
        method = value.strip().lower()
        if method not in PHYSICAL_DELIVERY_METHODS:
            raise serializers.ValidationError(
                "Electronic delivery is not offered for records requests. "
                "Choose fax, mail or pickup at the HIM office."
            )
        return method

    def validate(self, attrs):
        method = attrs.get("delivery_method")
        if method == "fax" and not attrs.get("recipient_fax"):
            raise serializers.ValidationError({"recipient_fax": "A fax number is required."})
        if method == "mail" and not attrs.get("recipient_address"):
            raise serializers.ValidationError({"recipient_address": "A mailing address is required."})
        return attrs
