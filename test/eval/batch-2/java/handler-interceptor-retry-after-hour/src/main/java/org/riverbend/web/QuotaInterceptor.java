package org.riverbend.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

public class QuotaInterceptor implements HandlerInterceptor {

    private final UsageCounter counter;

    public QuotaInterceptor(UsageCounter counter) {
        this.counter = counter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (counter.incrementAndGet(request.getHeader("X-Client-Id")) > 500) {
            response.setStatus(429);
            response.setHeader("Retry-After", "3600");
            return false;
        }
        return true;
    }
}
