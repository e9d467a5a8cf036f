package org.riverbend.fhir;

import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/fhir/r4/Encounter")
public class EncounterController {
    private final EncounterFacade encounters;

    public EncounterController(EncounterFacade encounters) {
        this.encounters = encounters;
    }

    // ehi-exception: security
    //   reason: Enumeration of encounter ids by unauthenticated scanners found in the 2026 pen test
    //   risk: resource id enumeration
    //   basis: policy
    //   owner: security-office
    //   review-by: 2027-07-31
    @RateLimiter(name = "encounterSearch")
    @GetMapping(produces = "application/fhir+json")
    public String search(@RequestParam("patient") String patient) {
        return encounters.searchJson(patient);
    }
}
