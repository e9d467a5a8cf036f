package com.acme.ehr.auth.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Enforces the enterprise password policy (SEC-PWD-03) on MyAcme sign-up and
 * password change, and explains CORS rejections to the web client.
 */
@Component
public class PasswordPolicyValidator {

    private final BreachedPasswordClient breached;

    public PasswordPolicyValidator(BreachedPasswordClient breached) {
        this.breached = breached;
    }

    public List<String> validate(String candidate, String username) {
        List<String> problems = new ArrayList<>();
        if (candidate.length() < 12) {
            problems.add("Password does not meet the password policy: use at least 12 characters.");
        }
        if (candidate.toLowerCase().contains(username.toLowerCase())) {
            problems.add("Password does not meet the password policy: it must not contain your username.");
        }
        if (breached.isKnownBreached(candidate)) {
            problems.add("This password has appeared in a data breach. Choose a different one.");
        }
        return problems;
    }

    public String corsRejectionMessage(String origin) {
        return "Request from " + origin + " was blocked by the CORS policy of this server.";
    }
}
