package com.acme.ehr.roi.delivery;

import com.acme.ehr.roi.delivery.DeliveryChannelResolver.Channel;
import com.acme.ehr.roi.request.RecordsPacket;
import com.acme.ehr.roi.request.RecordsRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class ProviderRecordsDispatchService {

    private static final Logger log = LoggerFactory.getLogger(ProviderRecordsDispatchService.class);

    private final DeliveryChannelResolver channelResolver;
    private final PortalReleaseClient portal;
    private final DirectMessagingClient direct;
    private final FhirDocumentPushClient fhirPush;
    private final RightFaxClient rightFax;

    public ProviderRecordsDispatchService(DeliveryChannelResolver channelResolver,
                                          PortalReleaseClient portal,
                                          DirectMessagingClient direct,
                                          FhirDocumentPushClient fhirPush,
                                          RightFaxClient rightFax) {
        this.channelResolver = channelResolver;
        this.portal = portal;
        this.direct = direct;
        this.fhirPush = fhirPush;
        this.rightFax = rightFax;
    }

    public void dispatch(RecordsRequest request, RecordsPacket packet) {
        List<Channel> channels = channelResolver.channelsFor(request.getRequesterCategory());
        Channel chosen = channels.contains(request.getPreferredChannel())
                ? request.getPreferredChannel()
                : channels.get(0);

        log.info("Dispatching ROI request {} via {}", request.getId(), chosen);
        switch (chosen) {
            case PORTAL_RELEASE -> portal.release(request.getPatientId(), packet);
            case DIRECT_SECURE_MESSAGE -> direct.send(request.getRequesterDirectAddress(), packet);
            case FHIR_DOCUMENT_PUSH -> fhirPush.push(request.getRequesterEndpoint(), packet);
            case FAX -> rightFax.send(request.getRequesterFaxNumber(), packet.renderPdf());
        }
    }
}
