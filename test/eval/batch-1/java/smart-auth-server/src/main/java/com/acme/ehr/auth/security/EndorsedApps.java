package com.acme.ehr.auth.security;

import java.util.Set;

/**
 * Apps the digital-health steering group has endorsed for the patient API.
 */
public final class EndorsedApps {

    public static final Set<String> CLIENT_IDS = Set.of(
            "myacme-ios",
            "myacme-android",
            "myacme-web",
            "bluebird-phr");

    private EndorsedApps() {
    }
}
