"""Flask configuration classes for the ROI service."""
import os


class BaseConfig:
    SQLALCHEMY_DATABASE_URI = os.environ.get("ROI_DATABASE_URL", "postgresql:///roi")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    RATELIMIT_STORAGE_URI = os.environ.get("ROI_LIMITER_REDIS", "redis://localhost:6379/4")
    RATELIMIT_HEADERS_ENABLED = True

    # Patients downloading their released records from the portal.
    RECORDS_DOWNLOAD_LIMIT = "20 per hour"

    PACKET_BUCKET = os.environ.get("ROI_PACKET_BUCKET", "northbay-roi-packets")
    PACKET_URL_TTL_SECONDS = 300


class ProductionConfig(BaseConfig):
    PREFERRED_URL_SCHEME = "https"


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    RATELIMIT_STORAGE_URI = "memory://"
