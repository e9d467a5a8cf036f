package org.riverbend.transitions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
public class TocSender {
    private static final Logger log = LoggerFactory.getLogger(TocSender.class);
    private final DirectClient direct;
    private final FaxService fax;

    public TocSender(DirectClient direct, FaxService fax) {
        this.direct = direct;
        this.fax = fax;
    }

    public void send(TocPacket packet) {
        try {
            direct.send(packet.directAddress(), packet.ccda());
        } catch (DirectDeliveryException e) {
            log.warn("Direct delivery to {} failed, falling back to fax", packet.directAddress(), e);
            fax.send(packet.fax(), packet.pdf());
        }
    }
}
