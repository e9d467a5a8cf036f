package org.riverbend.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfig implements WebMvcConfigurer {
    private final UsageCounter counter;

    public WebConfig(UsageCounter counter) {
        this.counter = counter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new QuotaInterceptor(counter)).addPathPatterns("/fhir/**");
    }
}
