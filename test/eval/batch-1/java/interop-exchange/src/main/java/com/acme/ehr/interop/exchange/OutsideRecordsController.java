package com.acme.ehr.interop.exchange;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Outside clinicians ask for a patient's notes and results through the
 * provider-to-provider exchange page.
 */
@RestController
public class OutsideRecordsController {

    private final NetworkDirectory network;
    private final ClinicalPacketService packets;

    public OutsideRecordsController(NetworkDirectory network, ClinicalPacketService packets) {
        this.network = network;
        this.packets = packets;
    }

    @PostMapping("/exchange/patients/{patientId}/clinical-packet")
    public Mono<ClinicalPacket> requestPacket(@PathVariable String patientId,
                                              @RequestBody PacketRequest body) {
        return network.isAcmeAffiliated(body.requestingOrganizationOid())
                .flatMap(affiliated -> {
                    if (!affiliated) {
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                                "Sharing records with outside facilities would violate HIPAA."));
                    }
                    return packets.build(patientId, body.sections());
                });
    }
}
