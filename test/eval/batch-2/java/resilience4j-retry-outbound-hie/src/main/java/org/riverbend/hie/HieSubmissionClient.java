package org.riverbend.hie;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

@Component
public class HieSubmissionClient {
    private final RestTemplate rest;

    public HieSubmissionClient(RestTemplate rest) {
        this.rest = rest;
    }

    /** Posts our ADT-derived bundles to the state HIE; their gateway returns 429 under load. */
    @Retry(name = "stateHie")
    public void submit(String bundleJson) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/fhir+json"));
        rest.postForEntity("https://hie.state.example/fhir", new HttpEntity<>(bundleJson, headers), String.class);
    }
}
