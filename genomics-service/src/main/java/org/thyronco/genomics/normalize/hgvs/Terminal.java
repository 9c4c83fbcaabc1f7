package org.thyronco.genomics.normalize.hgvs;

/**
 * The new stop of a frameshift ({@code fs*10}) or a C-terminal extension ({@code ext*45}): its distance in codons, or
 * unknown ({@code *?}), or absent ({@code fs*}).
 */
public record Terminal(Long distance, boolean unknown) {

    /** A terminator with no distance given ("*"). */
    public static final Terminal BARE = new Terminal(null, false);

    /** A terminator whose distance is unknown ("*?"). */
    public static final Terminal UNKNOWN = new Terminal(null, true);

    /** One-letter form: "*10", "*?" or "*". */
    public String oneLetter() {
        if (unknown) {
            return "*?";
        }
        return distance == null ? "*" : "*" + distance;
    }
}
