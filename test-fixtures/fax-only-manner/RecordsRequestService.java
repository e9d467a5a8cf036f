package org.example.roi;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

public class RecordsRequestService {

    // ruleid: fax-only-manner
    private static final Set<String> RELEASE_CHANNELS = Set.of("FAX", "PAPER");

    // ok: fax-only-manner
    private static final List<String> DELIVERY_CHANNELS = List.of("FHIR_API", "DIRECT", "FAX");

    // ruleid: fax-only-manner
    public enum ReleaseMethod { FAX, US_MAIL, IN_PERSON }

    // ok: fax-only-manner
    public enum DeliveryChannel { FAX, DIRECT, PORTAL }

    public void fulfil(RecordsRequest request, byte[] records) {
        // ruleid: fax-only-manner
        if (request.getRequesterType() == RequesterType.PROVIDER) {
            faxGateway.send(request.getFaxNumber(), records);
            return;
        }
        // ok: fax-only-manner
        if (request.getRecipient().getDirectAddress() == null) {
            faxGateway.send(request.getFaxNumber(), records);
            return;
        }
        directClient.send(request.getRecipient().getDirectAddress(), records);
    }

    public void accept(RecordsRequest request) {
        // ruleid: fax-only-manner
        if (!"FAX".equals(request.getDeliveryMethod())) {
            throw new IllegalArgumentException("Only fax delivery is supported");
        }
        // ok: fax-only-manner
        if (!"FAX".equals(request.getFaxConfirmation())) {
            throw new IllegalArgumentException("Confirm the fax number");
        }
    }
}
