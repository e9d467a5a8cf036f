package org.example.fhir;

import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/fhir")
public class BulkExportController {

    private final ExportService exports;

    BulkExportController(ExportService exports) {
        this.exports = exports;
    }

    // ruleid: unjustified-throttle
    @RateLimiter(name = RateLimits.BULK, fallbackMethod = "exportLimited")
    @GetMapping("/Patient/$export")
    public ResponseEntity<Void> export() {
        return ResponseEntity.accepted().header("Content-Location", exports.start()).build();
    }

    public ResponseEntity<Void> exportLimited(RequestNotPermitted ex) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
            // ruleid: unjustified-throttle
            .header(HttpHeaders.RETRY_AFTER, "86400")
            .build();
    }

    // ok: unjustified-throttle
    @RateLimiter(name = RateLimits.SIGN_IN, fallbackMethod = "signInLimited")
    @PostMapping("/auth/login")
    public ResponseEntity<String> login(@RequestBody String body) {
        return ResponseEntity.ok(exports.signIn(body));
    }

    public ResponseEntity<String> signInLimited(String body, RequestNotPermitted ex) {
        // ok: unjustified-throttle
        return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, "900").build();
    }
}
