package org.thyronco.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** gateway settings. */
@ConfigMapping(prefix = "thyronco.gateway")
public interface GatewayConfig {

    RateLimit rateLimit();

    TokenCache tokenCache();

    /** Bearer tokens whose signature and claims were already verified (see CachingJwtParser). */
    interface TokenCache {
        /** Most verified tokens remembered; the cache starts over when full. 0 verifies every request. */
        @WithDefault("10000")
        int maxEntries();
    }

    /** Per-client token bucket (keyed by token subject, or by address for anonymous callers). */
    interface RateLimit {
        /** Sustained requests per second one client may make. */
        @WithDefault("50")
        double perSecond();

        /** Burst a client may spend at once. */
        @WithDefault("100")
        int burst();
    }
}
