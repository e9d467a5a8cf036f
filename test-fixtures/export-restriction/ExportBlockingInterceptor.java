package org.acme.fhir.interceptors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;

/** Registered on the public FHIR endpoint. */
@Interceptor
public class ExportBlockingInterceptor {

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void blockExport(RequestDetails theRequestDetails) {
    String operation = theRequestDetails.getOperation();
    // ruleid: export-restriction
    if ("$export".equals(operation) || "$everything".equals(operation)) {
      throw new ForbiddenOperationException("Data export is disabled on this endpoint");
    }
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void systemExportForAdmins(RequestDetails theRequestDetails) {
    boolean systemLevel = theRequestDetails.getResourceName() == null;
    // ok: export-restriction
    if ("$export".equals(theRequestDetails.getOperation()) && systemLevel && !isAdministrator(theRequestDetails)) {
      throw new ForbiddenOperationException("System-level export is limited to administrators");
    }
  }

  private boolean isAdministrator(RequestDetails details) {
    return details.getUserData().containsKey("admin");
  }
}
