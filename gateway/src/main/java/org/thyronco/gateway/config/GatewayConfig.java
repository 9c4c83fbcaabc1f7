package org.thyronco.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** gateway settings. */
@ConfigMapping(prefix = "thyronco.gateway")
public interface GatewayConfig {

    RateLimit rateLimit();

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
