package org.example.fhir;

public final class RateLimits {
    public static final String BULK = "bulkJobs";
    public static final String SIGN_IN = "loginAttempts";

    private RateLimits() {}
}
