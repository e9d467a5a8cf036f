package org.riverbend.release;

public enum DeliveryChannel { FHIR_API, DIRECT, PORTAL, SFTP, FAX, USPS }
