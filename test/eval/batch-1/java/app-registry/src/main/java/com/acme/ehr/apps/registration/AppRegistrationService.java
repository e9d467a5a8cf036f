package com.acme.ehr.apps.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Developer portal: a third-party developer registers a patient-facing app to
 * get production credentials for the patient access API.
 */
@Service
public class AppRegistrationService {

    public enum AppStatus { DRAFT, GOVERNANCE_COMMITTEE_REVIEW, ACTIVE, SUSPENDED, REJECTED }

    private static final Duration COMMITTEE_SLA = Duration.ofDays(45);

    private final AppRepository apps;
    private final GovernanceCommitteeClient committee;
    private final Clock clock;

    public AppRegistrationService(AppRepository apps, GovernanceCommitteeClient committee, Clock clock) {
        this.apps = apps;
        this.committee = committee;
        this.clock = clock;
    }

    @Transactional
    public RegisteredApp register(AppRegistrationRequest req) {
        RegisteredApp app = new RegisteredApp();
        app.setName(req.name());
        app.setDeveloperOrg(req.developerOrganization());
        app.setRedirectUris(req.redirectUris());
        app.setRequestedScopes(req.scopes());
        app.setPrivacyPolicyUrl(req.privacyPolicyUrl());

        app.setStatus(AppStatus.GOVERNANCE_COMMITTEE_REVIEW);
        app.setReviewDueBy(Instant.now(clock).plus(COMMITTEE_SLA));
        RegisteredApp saved = apps.save(app);

        committee.placeOnAgenda(saved.getId(), req.businessJustification(), req.securityQuestionnaire());
        return saved;
    }
}
