package com.acme.ehr.portal.records;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds the response the portal shows when a release decision made by the
 * release engine comes back negative.
 */
@Component
public class ReleaseRefusalResponder {

    private final MessageSource messages;

    public ReleaseRefusalResponder(MessageSource messages) {
        this.messages = messages;
    }

    public ResponseEntity<PortalMessage> respond(ReleaseDecision decision, Locale locale) {
        if (decision.isReleasable()) {
            return ResponseEntity.ok(new PortalMessage("ok",
                    messages.getMessage("records.release.pending", null, locale)));
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new PortalMessage("refused",
                messages.getMessage("records.release.refused", null, locale)));
    }

    public record PortalMessage(String status, String text) { }
}
