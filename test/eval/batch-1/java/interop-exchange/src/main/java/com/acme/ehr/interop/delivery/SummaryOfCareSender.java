package com.acme.ehr.interop.delivery;

import com.acme.ehr.interop.directory.ProviderDirectoryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Sends a C-CDA Summary of Care to a receiving clinician.
 * Direct first; fax only if the recipient has no Direct address or the
 * HISP rejects the message.
 */
@Service
public class SummaryOfCareSender {

    private static final Logger log = LoggerFactory.getLogger(SummaryOfCareSender.class);

    private final DirectHispClient hisp;
    private final FaxRelayClient faxRelay;

    public SummaryOfCareSender(DirectHispClient hisp, FaxRelayClient faxRelay) {
        this.hisp = hisp;
        this.faxRelay = faxRelay;
    }

    public Mono<DeliveryOutcome> send(ProviderDirectoryEntry recipient, CcdaDocument ccda) {
        if (recipient.getDirectAddress() == null) {
            log.info("No Direct address for NPI {}, falling back to fax", recipient.getNpi());
            return faxRelay.transmit(recipient.getFax(), ccda.renderPdf())
                    .thenReturn(DeliveryOutcome.FAXED);
        }
        return hisp.send(recipient.getDirectAddress(), ccda)
                .thenReturn(DeliveryOutcome.DIRECT)
                .onErrorResume(HispRejectedException.class, ex -> {
                    log.warn("HISP rejected message to {}: {}", recipient.getDirectAddress(), ex.getMessage());
                    return faxRelay.transmit(recipient.getFax(), ccda.renderPdf())
                            .thenReturn(DeliveryOutcome.FAXED_AFTER_DIRECT_FAILURE);
                });
    }
}
