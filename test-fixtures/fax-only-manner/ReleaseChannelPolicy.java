package org.example.roi.delivery;

import java.util.List;
import java.util.Map;
import javax.validation.constraints.Pattern;

public class ReleaseChannelPolicy {

    /** Media of the HIM authorization form. */
    // ruleid: fax-only-manner
    public enum ReleaseMedium {
        FAX("Fax to the number on the authorization"),
        POSTAL_MAIL("Printed copy sent by USPS first-class mail"),
        IN_PERSON_PICKUP("Picked up at the HIM window");

        private final String label;

        ReleaseMedium(String label) {
            this.label = label;
        }
    }

    public enum Channel { PORTAL_RELEASE, DIRECT_SECURE_MESSAGE, FHIR_DOCUMENT_PUSH, FAX }

    private static final Map<RequesterCategory, List<Channel>> DELIVERY_CHANNELS_BY_REQUESTER = Map.of(
            // ok: fax-only-manner
            RequesterCategory.PATIENT, List.of(Channel.PORTAL_RELEASE, Channel.FAX),
            // ruleid: fax-only-manner
            RequesterCategory.OUTSIDE_PROVIDER, List.of(Channel.FAX));

    // ruleid: fax-only-manner
    @Pattern(regexp = "^(FAX|USPS_MAIL)$")
    private String deliveryMethod;

    public List<Channel> channelsFor(RequesterCategory category) {
        return switch (category) {
            // ok: fax-only-manner
            case PATIENT, PERSONAL_REPRESENTATIVE -> List.of(Channel.PORTAL_RELEASE, Channel.DIRECT_SECURE_MESSAGE);
            // ruleid: fax-only-manner
            case OUTSIDE_PROVIDER, SKILLED_NURSING_FACILITY, PAYER -> List.of(Channel.FAX);
            // ok: fax-only-manner
            case INTERNAL_DEPARTMENT -> List.of(Channel.FHIR_DOCUMENT_PUSH, Channel.FAX);
        };
    }

    public void sendTransitionPacket(Facility facility, Packet packet) {
        // ruleid: fax-only-manner
        if (facility.getSetting().isPostAcute()) {
            faxRelay.transmit(facility.getIntakeFax(), packet.asPdf());
            return;
        }
        directClient.send(facility.getDirectAddress(), packet.asCcda());
    }

    public void sendReferral(Facility facility, Packet packet) {
        // The facility has no electronic address on file: fax is the fallback.
        // ok: fax-only-manner
        if (facility.getDirectAddress() == null) {
            faxRelay.transmit(facility.getIntakeFax(), packet.asPdf());
            return;
        }
        directClient.send(facility.getDirectAddress(), packet.asCcda());
    }

    public void releaseArchivedChart(RecordsRequest request, ScannedChart chart) {
        // ruleid: fax-only-manner
        if (request.getRequesterFaxNumber() != null) {
            rightFax.send(request.getRequesterFaxNumber(), chart.asPdf());
        } else {
            printAndMail.mail(request.getRequesterMailingAddress(), chart.asPdf());
        }
    }

    public void releaseChart(RecordsRequest request, Chart chart) {
        // ok: fax-only-manner
        if (request.getRequesterFaxNumber() != null) {
            rightFax.send(request.getRequesterFaxNumber(), chart.asPdf());
        } else {
            directClient.send(request.getRequesterDirectAddress(), chart.asCcda());
        }
    }

    private FaxRelay faxRelay;
    private DirectClient directClient;
    private RightFaxClient rightFax;
    private PrintAndMailClient printAndMail;
}
