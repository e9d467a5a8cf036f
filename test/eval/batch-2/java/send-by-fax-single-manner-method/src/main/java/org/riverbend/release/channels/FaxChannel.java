package org.riverbend.release.channels;

import org.springframework.stereotype.Component;

@Component
public class FaxChannel implements ReleaseChannel {
    private final FaxService faxService;

    public FaxChannel(FaxService faxService) {
        this.faxService = faxService;
    }

    @Override
    public String manner() {
        return "fax";
    }

    @Override
    public void sendByFax(String number, byte[] packet) {
        faxService.send(number, packet);
    }
}
