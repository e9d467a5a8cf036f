package com.acme.ehr.apps.registration;

import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Service;

/**
 * Authenticity vetting for a newly registered app (45 CFR 170.404(a)(4)(ii)):
 * verify the software statement's signature and the developer's identity, then
 * enable production within five business days. No other criteria are assessed.
 */
@Service
public class SoftwareStatementVetting {

    public enum VettingStatus { PENDING_VERIFICATION, VERIFIED, FAILED_VERIFICATION }

    private final TrustedIssuerKeys issuers;
    private final VettingRepository vettings;
    private final Clock clock;

    public SoftwareStatementVetting(TrustedIssuerKeys issuers, VettingRepository vettings, Clock clock) {
        this.issuers = issuers;
        this.vettings = vettings;
        this.clock = clock;
    }

    public Vetting open(String appId, String softwareStatement) throws Exception {
        Vetting v = new Vetting(appId);
        SignedJWT jwt = SignedJWT.parse(softwareStatement);
        if (issuers.verify(jwt)) {
            v.setStatus(VettingStatus.VERIFIED);
            v.setEnabledAt(Instant.now(clock));
        } else {
            v.setStatus(VettingStatus.PENDING_VERIFICATION);
            v.setReviewDueBy(BusinessDays.add(LocalDate.now(clock.withZone(ZoneId.of("America/Chicago"))), 5));
        }
        return vettings.save(v);
    }
}
