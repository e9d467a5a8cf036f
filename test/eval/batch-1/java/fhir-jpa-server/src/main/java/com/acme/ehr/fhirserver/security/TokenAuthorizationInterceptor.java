package com.acme.ehr.fhirserver.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Maps the SMART access token onto HAPI authorization rules.
 */
@Component
public class TokenAuthorizationInterceptor extends AuthorizationInterceptor {

    private final SmartTokenIntrospector tokens;

    public TokenAuthorizationInterceptor(SmartTokenIntrospector tokens) {
        this.tokens = tokens;
    }

    @Override
    public List<IAuthRule> buildRuleList(RequestDetails request) {
        SmartContext ctx = tokens.contextOf(request);
        if (ctx == null) {
            return new RuleBuilder().allow().metadata().andThen().denyAll("No access token").build();
        }
        if (ctx.hasSystemScope()) {
            return new RuleBuilder().allow().read().allResources().withAnyId().andThen()
                    .allow().bulkExport().any().andThen()
                    .denyAll("system scope is read-only").build();
        }
        if (ctx.patientId() != null) {
            IdType patient = new IdType("Patient", ctx.patientId());
            return new RuleBuilder()
                    .allow().metadata().andThen()
                    .allow().read().allResources().inCompartment("Patient", patient).andThen()
                    .allow().bulkExport().patientExportOnPatient(patient.getValue()).andThen()
                    .denyAll("Outside the patient compartment of this token").build();
        }
        return new RuleBuilder().allow().metadata().andThen().denyAll("Unsupported token context").build();
    }
}
