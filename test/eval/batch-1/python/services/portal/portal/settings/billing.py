"""Stripe and fee settings for the portal (imported by base.py)."""
import os

STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_CURRENCY = "usd"

# Charged when a patient downloads the full C-CDA of their chart from the portal.
PORTAL_RECORD_DOWNLOAD_FEE_CENTS = 650

COPAY_STATEMENT_DESCRIPTOR = "NORTHBAY HEALTH"
