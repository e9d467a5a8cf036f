package org.acme.roi;

public class ReleaseDispatcher {
    private final FaxService faxService;
    private final PortalService portal;

    public ReleaseDispatcher(FaxService f, PortalService p) { faxService = f; portal = p; }

    public void dispatch(RecordsRequest request, byte[] records) {
        if (request.getRequesterType() == RequesterType.OUTSIDE_PROVIDER) {
            faxService.send(request.getFaxNumber(), records);
            return;
        }
        portal.publish(request.getPatientId(), records);
    }
}
