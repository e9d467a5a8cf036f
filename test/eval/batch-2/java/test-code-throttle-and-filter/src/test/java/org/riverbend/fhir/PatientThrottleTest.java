package org.riverbend.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.RateLimiter;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientThrottleTest {

    private static final Set<String> HIDDEN_TYPES = Set.of("DocumentReference", "DiagnosticReport");

    @Test
    void limiterBlocksSecondPatientRead() {
        RateLimiter limiter = RateLimiter.create(1.0);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void hiddenTypesAreNotInPatientBundle() {
        assertThat(HIDDEN_TYPES).doesNotContain("Patient");
    }
}
