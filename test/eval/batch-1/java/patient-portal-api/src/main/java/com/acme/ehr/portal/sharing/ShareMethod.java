package com.acme.ehr.portal.sharing;

/**
 * Ways a patient can send a copy of their record to someone from the
 * "Share my record" screen. Electronic methods are listed first.
 */
public enum ShareMethod {
    FHIR_APP_CONNECTION("Connect an app"),
    DIRECT_MESSAGE("Send to a provider's Direct address"),
    PORTAL_DOWNLOAD("Download (C-CDA or FHIR Bundle)"),
    SECURE_EMAIL("Encrypted email link"),
    FAX("Fax"),
    POSTAL_MAIL("Mail a printed copy");

    private final String label;

    ShareMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isElectronic() {
        return this != FAX && this != POSTAL_MAIL;
    }
}
