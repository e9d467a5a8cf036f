package com.acme.ehr.interop.exchange;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * POST /exchange/record-requests: treating providers at other organizations ask
 * for a patient's records for continuity of care.
 */
@Component
public class OutsideRecordRequestRouter {

    private final NetworkDirectory network;
    private final LegalReviewClient legalReview;
    private final AutomatedFulfilment fulfilment;

    public OutsideRecordRequestRouter(NetworkDirectory network, LegalReviewClient legalReview,
                                      AutomatedFulfilment fulfilment) {
        this.network = network;
        this.legalReview = legalReview;
        this.fulfilment = fulfilment;
    }

    public Mono<ServerResponse> receive(ServerRequest request) {
        return request.bodyToMono(ProviderRecordRequest.class)
                .flatMap(req -> network.isAcmeAffiliated(req.requestingOrganizationOid())
                        .flatMap(affiliated -> {
                            if (affiliated) {
                                return fulfilment.start(req);
                            }
                            return legalReview.submit(req, "Outside organization, treatment purpose");
                        }))
                .flatMap(ticket -> ServerResponse.status(HttpStatus.ACCEPTED).bodyValue(ticket));
    }
}
