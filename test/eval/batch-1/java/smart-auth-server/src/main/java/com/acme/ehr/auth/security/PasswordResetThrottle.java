package com.acme.ehr.auth.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset and one-time-code resend. Limited per account e-mail to stop
 * enumeration and SMS pumping.
 */
@RestController
public class PasswordResetThrottle {

    private final Map<String, Bucket> perAccount = new ConcurrentHashMap<>();
    private final PasswordResetService resets;
    private final OtpService otp;

    public PasswordResetThrottle(PasswordResetService resets, OtpService otp) {
        this.resets = resets;
        this.otp = otp;
    }

    private Bucket bucketFor(String email) {
        return perAccount.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(3).refillGreedy(3, Duration.ofHours(1)).build())
                .build());
    }

    @PostMapping("/account/password-reset")
    public ResponseEntity<Void> requestReset(@RequestBody ResetRequest body) {
        if (!bucketFor(body.email()).tryConsume(1)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
        resets.sendResetLink(body.email());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/account/otp/resend")
    public ResponseEntity<Void> resendOtp(@RequestBody ResetRequest body) {
        if (!bucketFor(body.email()).tryConsume(1)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
        otp.resend(body.email());
        return ResponseEntity.accepted().build();
    }

    public record ResetRequest(String email) { }
}
