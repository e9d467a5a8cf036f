package com.acme.ehr.portal.config;

import com.acme.ehr.portal.ratelimit.ApiQuotaInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebMvcConfig implements WebMvcConfigurer {

    private final ApiQuotaInterceptor apiQuotaInterceptor;

    public WebMvcConfig(ApiQuotaInterceptor apiQuotaInterceptor) {
        this.apiQuotaInterceptor = apiQuotaInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(apiQuotaInterceptor)
                .addPathPatterns("/api/v1/me/summary", "/api/v1/me/documents/**", "/api/v1/me/results/**");
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**")
                .allowedOrigins("https://portal.acme-health.org", "https://m.acme-health.org")
                .allowedMethods("GET", "POST");
    }
}
