package org.thyronco.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import org.thyronco.gateway.config.GatewayConfig;

/** In-memory per-client token buckets (per gateway replica). */
@ApplicationScoped
public class RateLimiter {

    @Inject
    GatewayConfig config;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one token; returns 0 when allowed, else the seconds to wait before retrying. */
    public long tryAcquire(String client) {
        double rate = config.rateLimit().perSecond();
        int burst = config.rateLimit().burst();
        if (buckets.size() > 100_000) {
            buckets.clear(); // bounded memory under a flood of distinct clients
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst));
        synchronized (b) {
            long now = System.nanoTime();
            b.tokens = Math.min(burst, b.tokens + (now - b.updated) / 1e9 * rate);
            b.updated = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / rate));
        }
    }

    private static final class Bucket {
        double tokens;
        long updated = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }
    }
}
