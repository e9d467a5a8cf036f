package org.riverbend.hie;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResourceType;
import org.springframework.stereotype.Service;

@Service
public class OutboundCcdService {
    private final HieGateway gateway;

    public OutboundCcdService(HieGateway gateway) {
        this.gateway = gateway;
    }

    public void sendEncounterSummary(Bundle summary, String recipientOid) {
        // notes blow past the HIE's 10 MB limit; strip them for now
        summary.getEntry().removeIf(e -> e.getResource().getResourceType() == ResourceType.DocumentReference);
        gateway.submit(recipientOid, summary);
    }
}
