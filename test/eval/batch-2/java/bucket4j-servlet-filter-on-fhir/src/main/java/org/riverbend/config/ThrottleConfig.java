package org.riverbend.config;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ThrottleConfig {

    @Bean
    public FilterRegistrationBean<PerUserBucketFilter> fhirBucketFilter() {
        FilterRegistrationBean<PerUserBucketFilter> reg = new FilterRegistrationBean<>();
        reg.setFilter(new PerUserBucketFilter(() -> Bucket.builder()
                .addLimit(Bandwidth.simple(50, Duration.ofHours(1)))
                .build()));
        reg.addUrlPatterns("/fhir/*", "/api/patient-access/*");
        reg.setOrder(5);
        return reg;
    }
}
