package org.acme.fhir.security;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

public class PartnerAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

  private static final Set<String> PARTNER_CLIENTS = Set.of("acme-portal", "acme-mobile");

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    JwtAuthenticationToken token = (JwtAuthenticationToken) authentication.get();
    String clientId = token.getToken().getClaimAsString("client_id");
    // ruleid: app-access-restriction
    return new AuthorizationDecision(PARTNER_CLIENTS.contains(clientId));
  }
}
