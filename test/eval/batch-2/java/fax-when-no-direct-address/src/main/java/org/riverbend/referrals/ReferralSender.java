package org.riverbend.referrals;

import org.springframework.stereotype.Component;

@Component
public class ReferralSender {
    private final FaxService faxService;
    private final DirectClient directClient;

    public ReferralSender(FaxService faxService, DirectClient directClient) {
        this.faxService = faxService;
        this.directClient = directClient;
    }

    public void send(Recipient recipient, byte[] ccda, byte[] pdf) {
        if (recipient.getDirectAddress() == null) {
            faxService.send(recipient.getFax(), pdf);
        } else {
            directClient.send(recipient.getDirectAddress(), ccda);
        }
    }
}
