package org.thyronco.genomics.normalize.vrs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.thyronco.genomics.normalize.GenomeBuild;
import org.thyronco.genomics.normalize.reference.Chromosomes;

/**
 * GA4GH VRS 2.x computed identifiers for simple sequence Alleles: {@code sha512t24u} over the canonical JSON
 * serialization (keys sorted, no whitespace, nested identifiable objects replaced by their digest), checked against
 * the official vectors in {@code ga4gh/vrs validation/models.yaml}.
 *
 * <p>Only substitutions and deletion-insertions whose trimmed REF and ALT are both non-empty get an id: those need no
 * VOCA normalization. Pure insertions and deletions would need the reference sequence to be fully justified, which is
 * not available offline, so they get none; so does any chromosome whose refget id is unknown.
 */
public final class VrsIdentifier {

    private VrsIdentifier() {}

    /** One digest per thread: looking the algorithm up among the security providers cost as much as a short digest. */
    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 not available", e);
        }
    });

    /** sha512t24u: base64url (no padding) of the first 24 bytes of SHA-512. */
    public static String sha512t24u(byte[] blob) {
        byte[] d = SHA512.get().digest(blob); // digest() also resets it for the next call
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 24));
    }

    /** sha512t24u of a UTF-8 string. */
    public static String sha512t24u(String s) {
        return sha512t24u(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Canonical serialization of a SequenceLocation with interbase start/end on a refget sequence. */
    public static String serializeLocation(String refgetAccession, long start, long end) {
        return "{\"end\":" + end + ",\"sequenceReference\":{\"refgetAccession\":\"" + refgetAccession
                + "\",\"type\":\"SequenceReference\"},\"start\":" + start + ",\"type\":\"SequenceLocation\"}";
    }

    /** Canonical serialization of an Allele with a literal state, given its location digest. */
    public static String serializeLiteralAllele(String locationDigest, String sequence) {
        return "{\"location\":\"" + locationDigest + "\",\"state\":{\"sequence\":\"" + sequence
                + "\",\"type\":\"LiteralSequenceExpression\"},\"type\":\"Allele\"}";
    }

    /** "ga4gh:VA.…" for a literal-state Allele at interbase [start, end) on a refget sequence. */
    public static String alleleId(String refgetAccession, long start, long end, String sequence) {
        String loc = sha512t24u(serializeLocation(refgetAccession, start, end));
        return "ga4gh:VA." + sha512t24u(serializeLiteralAllele(loc, sequence));
    }

    /**
     * The VRS Allele id of a VCF-style allele (1-based position), or null when the chromosome's refget id is unknown
     * or the allele is a pure insertion/deletion after trimming.
     */
    public static String alleleId(GenomeBuild build, String chromosome, long position, String ref, String alt) {
        String sq = Chromosomes.refget(build, chromosome);
        if (sq == null || ref == null || alt == null) {
            return null;
        }
        int prefix = 0;
        while (prefix < ref.length() && prefix < alt.length() && ref.charAt(prefix) == alt.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < ref.length() - prefix
                && suffix < alt.length() - prefix
                && ref.charAt(ref.length() - 1 - suffix) == alt.charAt(alt.length() - 1 - suffix)) {
            suffix++;
        }
        String r = ref.substring(prefix, ref.length() - suffix);
        String a = alt.substring(prefix, alt.length() - suffix);
        if (r.isEmpty() || a.isEmpty()) {
            return null;
        }
        long start = position - 1 + prefix;
        return alleleId(sq, start, start + r.length(), a);
    }
}
