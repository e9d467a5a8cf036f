from django.db import models


class ReleaseRequest(models.Model):
    DELIVERY_CHOICES = [
        ("fax", "Fax"),
        ("mail", "US Mail"),
    ]

    patient = models.ForeignKey("chart.Patient", on_delete=models.PROTECT)
    requester_name = models.CharField(max_length=200)
    delivery = models.CharField(max_length=10, choices=DELIVERY_CHOICES, default="fax")
    created = models.DateTimeField(auto_now_add=True)
