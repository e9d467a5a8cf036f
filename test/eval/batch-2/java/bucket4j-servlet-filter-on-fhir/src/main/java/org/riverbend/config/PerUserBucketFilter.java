package org.riverbend.config;

import io.github.bucket4j.Bucket;
import jakarta.servlet.*;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

public class PerUserBucketFilter implements Filter {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Supplier<Bucket> factory;

    public PerUserBucketFilter(Supplier<Bucket> factory) {
        this.factory = factory;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String user = ((HttpServletRequest) req).getRemoteUser();
        Bucket bucket = buckets.computeIfAbsent(user == null ? "anon" : user, k -> factory.get());
        if (!bucket.tryConsume(1)) {
            ((HttpServletResponse) res).sendError(429, "Hourly request allowance used up");
            return;
        }
        chain.doFilter(req, res);
    }
}
