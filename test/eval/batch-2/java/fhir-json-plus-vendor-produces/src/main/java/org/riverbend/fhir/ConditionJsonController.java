package org.riverbend.fhir;

import org.springframework.web.bind.annotation.*;

@RestController
public class ConditionJsonController {
    private final ConditionFacade conditions;

    public ConditionJsonController(ConditionFacade conditions) {
        this.conditions = conditions;
    }

    @GetMapping(value = "/fhir/r4/Condition/{id}", produces = {"application/fhir+json", "application/vnd.riverbend.condition+json"})
    public String read(@PathVariable String id) {
        return conditions.readJson(id);
    }
}
