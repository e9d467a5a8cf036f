package com.acme.ehr.roi.delivery;

import com.acme.ehr.roi.request.RequesterCategory;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Decides which outbound channels a fulfilled request may use, by who is asking.
 */
@Component
public class DeliveryChannelResolver {

    public enum Channel { PORTAL_RELEASE, DIRECT_SECURE_MESSAGE, FHIR_DOCUMENT_PUSH, FAX }

    public List<Channel> channelsFor(RequesterCategory category) {
        return switch (category) {
            case PATIENT, PERSONAL_REPRESENTATIVE ->
                    List.of(Channel.PORTAL_RELEASE, Channel.DIRECT_SECURE_MESSAGE);
            case OUTSIDE_PROVIDER, SKILLED_NURSING_FACILITY, PAYER ->
                    List.of(Channel.FAX);
            case INTERNAL_DEPARTMENT ->
                    List.of(Channel.FHIR_DOCUMENT_PUSH);
        };
    }
}
