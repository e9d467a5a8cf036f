package com.acme.ehr.gateway.filter;

import com.acme.ehr.gateway.quota.PartnerRegistryClient;
import com.acme.ehr.gateway.quota.TierQuotaPolicy;
import io.github.bucket4j.Bucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

@Component
public class AppTierQuotaFilter implements WebFilter, Ordered {

    private final PartnerRegistryClient registry;
    private final TierQuotaPolicy policy;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public AppTierQuotaFilter(PartnerRegistryClient registry, TierQuotaPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/fhir/r4/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(p -> p.getName())
                .flatMap(clientId -> registry.tierOf(clientId)
                        .map(tier -> buckets.computeIfAbsent(clientId,
                                id -> Bucket.builder().addLimit(policy.dailyAllowance(tier)).build())))
                .flatMap(bucket -> {
                    if (bucket.tryConsume(1)) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                    exchange.getResponse().getHeaders().set("Retry-After", "86400");
                    return exchange.getResponse().setComplete();
                })
                .switchIfEmpty(chain.filter(exchange));
    }

    @Override
    public int getOrder() {
        return -50;
    }
}
