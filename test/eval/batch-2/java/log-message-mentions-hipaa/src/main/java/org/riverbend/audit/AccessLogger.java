package org.riverbend.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class AccessLogger {
    private static final Logger log = LoggerFactory.getLogger(AccessLogger.class);

    private AccessLogger() {}

    public static void deniedForHipaa(String user, String patientId) {
        log.warn("Access denied due to HIPAA minimum-necessary check: user={} patient={}", user, patientId);
    }
}
