package com.acme.ehr.roi.delivery;

import com.acme.ehr.roi.request.RecordsPacket;
import com.acme.ehr.roi.request.RecordsRequest;
import com.acme.ehr.roi.request.RequestedManner;
import org.springframework.stereotype.Service;

/**
 * Fulfils an authorized release in the manner the requester asked for on the form.
 */
@Service
public class AuthorizedReleaseFulfiller {

    private final DirectMessagingClient direct;
    private final FhirDocumentPushClient fhirPush;
    private final PortalReleaseClient portal;
    private final RightFaxClient rightFax;
    private final PrintAndMailClient printAndMail;

    public AuthorizedReleaseFulfiller(DirectMessagingClient direct, FhirDocumentPushClient fhirPush,
                                      PortalReleaseClient portal, RightFaxClient rightFax,
                                      PrintAndMailClient printAndMail) {
        this.direct = direct;
        this.fhirPush = fhirPush;
        this.portal = portal;
        this.rightFax = rightFax;
        this.printAndMail = printAndMail;
    }

    public void fulfil(RecordsRequest request, RecordsPacket packet) {
        RequestedManner manner = request.getRequestedManner();
        if (manner == RequestedManner.FAX) {
            // The requester asked for fax on the authorization form.
            rightFax.send(request.getRequesterFaxNumber(), packet.renderPdf());
            return;
        }
        if (manner == RequestedManner.PAPER_COPY) {
            printAndMail.mail(request.getRequesterMailingAddress(), packet.renderPdf());
            return;
        }
        switch (manner) {
            case DIRECT -> direct.send(request.getRequesterDirectAddress(), packet);
            case FHIR_ENDPOINT -> fhirPush.push(request.getRequesterEndpoint(), packet);
            default -> portal.release(request.getPatientId(), packet);
        }
    }
}
