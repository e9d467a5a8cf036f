package org.riverbend.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;

public class PatientAuthorizationInterceptor extends AuthorizationInterceptor {

    @Override
    public List<IAuthRule> buildRuleList(RequestDetails request) {
        String patientId = (String) request.getUserData().get("smart.patient");
        if (patientId == null) {
            return new RuleBuilder().denyAll("no patient context").build();
        }
        return new RuleBuilder()
                .allow().read().allResources().inCompartment("Patient", new IdType("Patient", patientId)).andThen()
                .denyAll()
                .build();
    }
}
