from enum import Enum


class ReleaseChannel(str, Enum):
    FAX = "fax"
    POSTAL = "postal"
    PICKUP = "pickup"
