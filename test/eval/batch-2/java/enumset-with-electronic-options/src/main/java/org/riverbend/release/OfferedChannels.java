package org.riverbend.release;

import java.util.EnumSet;
import java.util.Set;

public final class OfferedChannels {
    private OfferedChannels() {}

    public static final Set<DeliveryMode> PROVIDER_DELIVERY = EnumSet.of(DeliveryMode.DIRECT, DeliveryMode.FHIR_API, DeliveryMode.FAX);
    public static final Set<DeliveryMode> PATIENT_DELIVERY = EnumSet.of(DeliveryMode.PORTAL, DeliveryMode.FHIR_API, DeliveryMode.EMAIL, DeliveryMode.MAIL);

    public enum DeliveryMode { DIRECT, FHIR_API, PORTAL, EMAIL, FAX, MAIL }
}
