package org.thyronco.gateway.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.thyronco.gateway.config.GatewayConfig;

/**
 * Verifies each distinct bearer token once and remembers the result until the token expires. A client sends the
 * same token on every request, and the RSA signature check was a fifth of the gateway's CPU per request.
 *
 * <p>Safe because the key is the whole compact token, signature included: a token that differs in one byte is a
 * miss and is verified in full, and a failed verification is never remembered. A remembered token is served only
 * while {@code exp} lies ahead, so an expired token is refused exactly as before. What the cache cannot see: a
 * rotated verification key leaves tokens signed with the old key usable until they expire (their lifetime bounds
 * it), and a {@code mp.jwt.verify.token.age} limit would need checking here too (it is not configured).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    @Inject
    DefaultJWTParser delegate;

    @Inject
    GatewayConfig config;

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        int max = config.tokenCache().maxEntries();
        if (max <= 0) {
            return delegate.parse(token);
        }
        JsonWebToken hit = verified.get(token);
        if (hit != null) {
            if (hit.getExpirationTime() > System.currentTimeMillis() / 1000) {
                return hit;
            }
            verified.remove(token, hit);
        }
        JsonWebToken fresh = delegate.parse(token);
        if (fresh.getExpirationTime() > 0) {
            if (verified.size() >= max) {
                verified.clear(); // bounded memory under a flood of distinct tokens
            }
            verified.put(token, fresh);
        }
        return fresh;
    }

    /** How many verified tokens are remembered (for tests). */
    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
