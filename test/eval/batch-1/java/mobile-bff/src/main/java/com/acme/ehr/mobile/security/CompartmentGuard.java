package com.acme.ehr.mobile.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every /mobile/v2/patients/{patientId}/** call must be for the patient in the
 * token's launch context, or for a dependent the token's user is proxy for.
 */
@Component
public class CompartmentGuard {

    private final ProxyGrantClient proxyGrants;

    public CompartmentGuard(ProxyGrantClient proxyGrants) {
        this.proxyGrants = proxyGrants;
    }

    public Mono<Void> requireAccess(JwtAuthenticationToken auth, String patientId) {
        String tokenPatient = auth.getToken().getClaimAsString("patient");
        if (patientId.equals(tokenPatient)) {
            return Mono.empty();
        }
        return proxyGrants.hasActiveGrant(auth.getName(), patientId)
                .flatMap(granted -> granted
                        ? Mono.<Void>empty()
                        : Mono.error(new AccessDeniedException("Token is not authorized for patient " + patientId)));
    }
}
