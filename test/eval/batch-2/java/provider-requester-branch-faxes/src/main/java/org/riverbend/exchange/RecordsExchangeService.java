package org.riverbend.exchange;

import org.springframework.stereotype.Service;

@Service
public class RecordsExchangeService {
    private final FaxService faxService;
    private final PortalPublisher portal;
    private final RecordsRenderer renderer;

    public RecordsExchangeService(FaxService faxService, PortalPublisher portal, RecordsRenderer renderer) {
        this.faxService = faxService;
        this.portal = portal;
        this.renderer = renderer;
    }

    public void fulfil(RecordsRequest request) {
        byte[] records = renderer.render(request.getPatientId(), request.getDateRange());
        if (request.getRequesterType() == RequesterType.PROVIDER) {
            faxService.send(request.getFaxNumber(), records);
            return;
        }
        portal.publish(request.getPatientId(), records);
    }
}
