package org.thyronco.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.thyronco.gateway.config.GatewayConfig;

/** The gateway verifies a token once, but never serves an expired or a refused token from memory. */
class CachingJwtParserTest {

    final AtomicInteger verifications = new AtomicInteger();
    long exp = now() + 600;

    CachingJwtParser parser(int maxEntries) {
        CachingJwtParser p = new CachingJwtParser();
        p.delegate = new DefaultJWTParser() {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                if (token.endsWith("forged")) {
                    throw new ParseException("signature does not verify");
                }
                return jwt(token, exp);
            }
        };
        p.config = config(maxEntries);
        return p;
    }

    @Test
    void theSameTokenIsVerifiedOnce() throws Exception {
        CachingJwtParser p = parser(10);
        JsonWebToken first = p.parse("header.claims.sig");
        assertThat(p.parse("header.claims.sig")).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenThatDiffersInOneByteIsVerifiedInFullAndARefusalIsNotRemembered() throws Exception {
        CachingJwtParser p = parser(10);
        p.parse("header.claims.sig");
        assertThatThrownBy(() -> p.parse("header.claims.forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> p.parse("header.claims.forged")).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(3);
        assertThat(p.size()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenGoesBackToFullVerification() throws Exception {
        CachingJwtParser p = parser(10);
        exp = now() - 1;
        p.parse("header.claims.sig");
        p.parse("header.claims.sig");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void theCacheIsBoundedAndCanBeTurnedOff() throws Exception {
        CachingJwtParser bounded = parser(2);
        for (int i = 0; i < 5; i++) {
            bounded.parse("t" + i);
        }
        assertThat(bounded.size()).isLessThanOrEqualTo(2);

        verifications.set(0);
        CachingJwtParser off = parser(0);
        off.parse("header.claims.sig");
        off.parse("header.claims.sig");
        assertThat(verifications).hasValue(2);
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static JsonWebToken jwt(String raw, long exp) {
        Map<String, Object> claims = Map.of("exp", exp, "raw_token", raw, "sub", "someone");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    static GatewayConfig config(int maxEntries) {
        return new GatewayConfig() {
            @Override
            public RateLimit rateLimit() {
                throw new UnsupportedOperationException();
            }

            @Override
            public TokenCache tokenCache() {
                return () -> maxEntries;
            }
        };
    }
}
