package org.thyronco.genomics.normalize.hgvs;

/**
 * A nucleotide position: {@code base} (negative for 5' UTR in c., or after the stop codon when {@code afterStop}),
 * optional intronic {@code offset}; {@code unknown} for "?".
 */
public record NucPosition(boolean unknown, boolean afterStop, long base, Long offset, boolean offsetUnknown) {

    /** The unknown position "?". */
    public static final NucPosition UNKNOWN = new NucPosition(true, false, 0, null, false);

    /** A plain position without offset. */
    public static NucPosition of(long base) {
        return new NucPosition(false, false, base, null, false);
    }

    /** True when the position lies in the coding sequence proper (c.1 .. c.N, no offset, not after the stop). */
    public boolean isPlainCoding() {
        return !unknown && !afterStop && base >= 1 && offset == null && !offsetUnknown;
    }

    /** HGVS text, e.g. "88+1", "*46", "-124", "?". */
    public String text() {
        if (unknown) {
            return "?";
        }
        StringBuilder sb = new StringBuilder();
        if (afterStop) {
            sb.append('*');
        }
        sb.append(base);
        if (offsetUnknown) {
            sb.append("+?");
        } else if (offset != null) {
            sb.append(offset > 0 ? "+" : "").append(offset);
        }
        return sb.toString();
    }
}
