package com.acme.ehr.gateway.quota;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Daily request allowance for third-party apps calling the FHIR API, by the
 * commercial tier recorded for the app's developer in the partner registry.
 */
@Component
public class TierQuotaPolicy {

    public enum PartnerTier { STRATEGIC_PARTNER, CONTRACTED_VENDOR, UNAFFILIATED }

    public Bandwidth dailyAllowance(PartnerTier tier) {
        return switch (tier) {
            case STRATEGIC_PARTNER -> Bandwidth.builder()
                    .capacity(1_000_000).refillGreedy(1_000_000, Duration.ofDays(1)).build();
            case CONTRACTED_VENDOR -> Bandwidth.builder()
                    .capacity(50_000).refillGreedy(50_000, Duration.ofDays(1)).build();
            case UNAFFILIATED -> Bandwidth.builder()
                    .capacity(250).refillIntervally(250, Duration.ofDays(1)).build();
        };
    }
}
