package com.acme.ehr.interop.hie;

import io.github.resilience4j.retry.annotation.Retry;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Outbound client: asks the state HIE for outside records about one of our
 * patients. Retries with exponential back-off when the HIE gateway is slow or
 * returns 5xx (resilience4j.retry.instances.hieQuery).
 */
@Component
public class HieQueryClient {

    private final WebClient webClient;

    public HieQueryClient(WebClient.Builder builder, @Value("${interop.hie.query-url}") String queryUrl) {
        this.webClient = builder.baseUrl(queryUrl).build();
    }

    @Retry(name = "hieQuery")
    public Mono<Bundle> findDocuments(String hieMpiId) {
        return webClient.get()
                .uri(uri -> uri.path("/DocumentReference").queryParam("patient", hieMpiId).build())
                .retrieve()
                .onStatus(HttpStatusCode::is5xxServerError,
                        resp -> Mono.error(new HieUnavailableException(resp.statusCode().value())))
                .bodyToMono(Bundle.class);
    }
}
