package org.thyronco.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A local JWT issuer for tests and the local run: an RSA key pair in a directory (publicKey.pem for the
 * gateway to verify, privateKey.pem to sign) and RS256 tokens with the roles and lab the gateway expects.
 * Production uses a real identity provider; nothing here ships in a service image.
 */
public final class LocalIssuer {

    public static final String ISSUER = "https://thyronco.local/issuer";

    private final Path dir;
    private final PrivateKey privateKey;

    private LocalIssuer(Path dir, PrivateKey privateKey) {
        this.dir = dir;
        this.privateKey = privateKey;
    }

    /** Uses the key pair in {@code dir}, creating one the first time. */
    public static LocalIssuer in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path priv = dir.resolve("privateKey.pem");
            if (!Files.exists(priv)) {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                KeyPair pair = gen.generateKeyPair();
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(dir.resolve("publicKey.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new LocalIssuer(dir, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path publicKey() {
        return dir.resolve("publicKey.pem");
    }

    /** A token for {@code subject} with {@code roles}; {@code lab} scopes a lab user to its own cases. */
    public String token(String subject, List<String> roles, String lab, long ttlSeconds) {
        long now = Instant.now().getEpochSecond();
        String groups = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\","
                + "\"groups\":[" + groups + "]," + (lab == null ? "" : "\"lab\":\"" + lab + "\",")
                + "\"iat\":" + now + ",\"exp\":" + (now + ttlSeconds) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(privateKey);
            sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(sig.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mints a token from the command line: {@code LocalIssuer <key dir> <subject> <role[,role]> [lab]}. */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: LocalIssuer <key dir> <subject> <role[,role...]> [lab]");
            System.exit(2);
        }
        LocalIssuer issuer = in(Path.of(args[0]));
        System.out.println(issuer.token(args[1], List.of(args[2].split(",")), args.length > 3 ? args[3] : null,
                8 * 3600));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
