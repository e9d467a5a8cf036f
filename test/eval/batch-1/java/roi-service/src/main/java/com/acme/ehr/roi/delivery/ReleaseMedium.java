package com.acme.ehr.roi.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Media through which the Release of Information desk fulfils an authorized
 * records request. Mirrors the options printed on the HIM authorization form.
 */
public enum ReleaseMedium {

    FAX("Fax to the number on the authorization"),
    POSTAL_MAIL("Printed copy sent by USPS first-class mail"),
    IN_PERSON_PICKUP("Printed copy picked up at the HIM window with photo ID");

    private final String formLabel;

    ReleaseMedium(String formLabel) {
        this.formLabel = formLabel;
    }

    public String formLabel() {
        return formLabel;
    }

    public static Optional<ReleaseMedium> fromRequestValue(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String normalized = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(m -> m.name().equals(normalized))
                .findFirst();
    }
}
