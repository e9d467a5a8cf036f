package org.riverbend.results;

import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class ResultIngestListener {
    private static final Duration PATIENT_RELEASE_LAG = Duration.ofDays(3);
    private final ResultStore store;

    public ResultIngestListener(ResultStore store) {
        this.store = store;
    }

    @KafkaListener(topics = "lab.results.final")
    public void onFinal(FinalResultEvent event) {
        StoredResult result = StoredResult.from(event);
        result.setReleaseAt(event.finalizedAt().plus(PATIENT_RELEASE_LAG));
        store.save(result);
    }
}
