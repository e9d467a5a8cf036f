package com.acme.ehr.facade.provider;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.springframework.stereotype.Component;

/**
 * Bulk Data kick-off on the Cerulean facade (registered with the RestfulServer
 * as a plain provider, so it answers [base]/$export).
 *
 * Cerulean has no bulk extract API that the facade could call; a request for a
 * population extract is handled by the integration team by hand.
 */
@Component
public class BulkExportProvider {

    @Operation(name = "$export", manualResponse = true, idempotent = true)
    public void systemExport(@OperationParam(name = "_outputFormat") IPrimitiveType<String> outputFormat,
                             @OperationParam(name = "_since") IPrimitiveType<String> since,
                             @OperationParam(name = "_type") IPrimitiveType<String> types,
                             RequestDetails request) {
        throw new NotImplementedOperationException(
                "Bulk export is not available on this server. Submit a data request to integration@acme-health.org.");
    }
}
