package com.acme.ehr.interop.referral;

import com.acme.ehr.interop.delivery.FaxRelayClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * POST /api/transitions/{encounterId}/packet
 *
 * Sends the transition-of-care packet (discharge summary, med list, problem
 * list) to the receiving facility when a patient is discharged to post-acute care.
 */
@Component
public class CareTransitionPacketHandler {

    private final TransitionPacketBuilder packetBuilder;
    private final ReceivingFacilityDirectory facilities;
    private final FaxRelayClient faxRelay;

    public CareTransitionPacketHandler(TransitionPacketBuilder packetBuilder,
                                       ReceivingFacilityDirectory facilities,
                                       FaxRelayClient faxRelay) {
        this.packetBuilder = packetBuilder;
        this.facilities = facilities;
        this.faxRelay = faxRelay;
    }

    public Mono<ServerResponse> sendPacket(ServerRequest request) {
        String encounterId = request.pathVariable("encounterId");

        return request.bodyToMono(TransitionRequest.class)
                .flatMap(body -> facilities.lookup(body.receivingFacilityNpi())
                        .flatMap(facility -> packetBuilder.build(encounterId)
                                .flatMap(packet -> {
                                    // Post-acute partners (SNF, home health, hospice) get the
                                    // packet on their intake fax line.
                                    if (facility.getSetting().isPostAcute()) {
                                        return faxRelay.transmit(facility.getIntakeFax(), packet.asPdf())
                                                .thenReturn(TransitionResult.faxed(facility.getIntakeFax()));
                                    }
                                    return Mono.just(TransitionResult.notApplicable(facility.getSetting()));
                                })))
                .flatMap(result -> ServerResponse.status(HttpStatus.ACCEPTED).bodyValue(result));
    }
}
