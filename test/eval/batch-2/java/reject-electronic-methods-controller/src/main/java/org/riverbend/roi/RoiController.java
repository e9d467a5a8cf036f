package org.riverbend.roi;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/roi-requests")
public class RoiController {

    private static final Set<String> ELECTRONIC = Set.of("direct", "email", "portal", "fhir", "sftp");
    private final RoiWorkflow workflow;

    public RoiController(RoiWorkflow workflow) {
        this.workflow = workflow;
    }

    @PostMapping
    public RoiReceipt create(@RequestBody RoiRequest body) {
        if (ELECTRONIC.contains(body.method())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Electronic delivery is not available for third-party requests");
        }
        return workflow.start(body);
    }
}
