package org.acme.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

public class LoginRateFilter {
    // password spraying protection for /login only
    private final Bucket bucket = Bucket.builder().addLimit(Bandwidth.simple(5, Duration.ofMinutes(1))).build();
    public boolean allowLogin() { return bucket.tryConsume(1); }
}
