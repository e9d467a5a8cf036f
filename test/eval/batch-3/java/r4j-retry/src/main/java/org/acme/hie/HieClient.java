package org.acme.hie;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.web.client.RestClient;

public class HieClient {
    private final RestClient rest;
    public HieClient(RestClient rest) { this.rest = rest; }

    @Retry(name = "hieSubmit")
    public void submit(String bundleJson) {
        rest.post().uri("https://hie.example.org/fhir").body(bundleJson).retrieve().toBodilessEntity();
    }
}
