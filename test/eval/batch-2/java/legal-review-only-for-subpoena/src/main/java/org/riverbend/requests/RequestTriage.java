package org.riverbend.requests;

import org.springframework.stereotype.Component;

@Component
public class RequestTriage {
    private final LegalQueue legal;
    private final Fulfilment fulfilment;

    public RequestTriage(LegalQueue legal, Fulfilment fulfilment) {
        this.legal = legal;
        this.fulfilment = fulfilment;
    }

    public void triage(RecordsRequest request) {
        if (request.isSubpoena() || request.hasCourtOrder()) {
            legal.routeToLegal(request);
            return;
        }
        fulfilment.start(request);
    }
}
