package org.thyronco.genomics.normalize.hgvs;

/**
 * A nucleotide interval. For definite intervals {@code start}..{@code end} ({@code end} null for a single position).
 * {@code uncertain} marks any parenthesised form ("(1_10)", "(?_6)_245"); then start and end are the outer bounds as
 * written and {@link #text} keeps the original spelling.
 */
public record NucInterval(NucPosition start, NucPosition end, boolean uncertain, String text) {

    /** True for a definite single position. */
    public boolean isSinglePosition() {
        return end == null && !uncertain;
    }
}
