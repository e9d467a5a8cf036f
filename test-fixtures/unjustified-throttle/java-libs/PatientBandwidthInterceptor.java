package org.example.fhir.interceptors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@Interceptor
public class PatientBandwidthInterceptor {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private Bucket newBucket() {
        // ruleid: unjustified-throttle
        Bandwidth perApp = Bandwidth.simple(50, Duration.ofHours(1));
        return Bucket.builder().addLimit(perApp).build();
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean limit(RequestDetails details) {
        Bucket bucket = buckets.computeIfAbsent(details.getHeader("X-Client-Id"), k -> newBucket());
        if (!bucket.tryConsume(1)) {
            throw new BaseServerResponseException(429, "Too many requests");
        }
        return true;
    }
}
