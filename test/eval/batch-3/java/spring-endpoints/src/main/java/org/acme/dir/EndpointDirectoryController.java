package org.acme.dir;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

@RestController
public class EndpointDirectoryController {
    @PreAuthorize("hasRole('CUSTOMER')")
    @GetMapping(value = "/service-base-urls", produces = "application/fhir+json")
    public String bundle() {
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}";
    }
}
