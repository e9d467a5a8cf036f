package org.riverbend.payer;

import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Service;

@Service
public class PayerExchangeService {

    private static final Set<String> PAYER_TYPES = Set.of("Patient", "Coverage", "Condition", "Procedure");

    // ehi-exception: fees
    //   reason: Payers pay per resource type under the data-sharing agreement
    //   cost-basis: Per-type pricing schedule 2026
    //   owner: revenue-integrity
    //   review-by: 2027-04-30
    public Bundle forPayer(Bundle clinical) {
        clinical.getEntry().removeIf(e -> !PAYER_TYPES.contains(e.getResource().fhirType()));
        return clinical;
    }
}
