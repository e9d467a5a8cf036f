package org.example.fhir;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
@RequestMapping("/fhir/Condition")
public class ConditionController {

    private final RateLimiter conditionLimiter = RateLimiter.of("conditions", RateLimiterConfig.custom().limitForPeriod(5).limitRefreshPeriod(Duration.ofMinutes(1)).build());
    private final RateLimiter partnerLimiter = RateLimiter.of("partner", RateLimiterConfig.ofDefaults());
    private final ConditionStore store;
    private final RestTemplate restTemplate;

    ConditionController(ConditionStore store, RestTemplate restTemplate) {
        this.store = store;
        this.restTemplate = restTemplate;
    }

    @GetMapping
    public List<String> search(@RequestParam String patient) {
        // ruleid: unjustified-throttle
        conditionLimiter.acquirePermission();
        return store.search(patient);
    }

    @GetMapping("/outside")
    public String outside(@RequestParam String patient) {
        // Pacing our own calls to a partner's server.
        // ok: unjustified-throttle
        partnerLimiter.acquirePermission();
        return restTemplate.getForObject("https://partner.example.org/fhir/Condition?patient=" + patient, String.class);
    }
}
