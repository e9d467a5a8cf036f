package org.riverbend.release;

import java.util.EnumSet;
import java.util.Set;

public final class ChannelPolicy {
    private ChannelPolicy() {}

    static final Set<DeliveryChannel> LEGAL_REQUESTER_CHANNELS = EnumSet.of(DeliveryChannel.FAX, DeliveryChannel.USPS);

    public static Set<DeliveryChannel> channelsFor(RequesterKind kind) {
        return switch (kind) {
            case PATIENT, PERSONAL_REPRESENTATIVE -> EnumSet.allOf(DeliveryChannel.class);
            case ATTORNEY, PAYER -> LEGAL_REQUESTER_CHANNELS;
            case PROVIDER -> EnumSet.of(DeliveryChannel.DIRECT, DeliveryChannel.FHIR_API, DeliveryChannel.FAX);
        };
    }
}
