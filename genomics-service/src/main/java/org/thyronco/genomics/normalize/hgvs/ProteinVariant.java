package org.thyronco.genomics.normalize.hgvs;

/**
 * A parsed protein description. Either {@code whole} is set (p.=, p.?, p.0, p.0?) or {@code start}/{@code edit} are;
 * {@code end} is set for intervals ("Lys23_Val25del").
 */
public record ProteinVariant(
        String accession,
        String accessionGene,
        boolean predicted,
        WholeProtein whole,
        Residue start,
        Residue end,
        ProteinEdit edit)
        implements HgvsVariant {

    /** Whole-protein descriptions that carry no position. */
    public enum WholeProtein {
        /** p.= */
        NO_CHANGE,
        /** p.? */
        UNKNOWN,
        /** p.0 */
        NO_PROTEIN,
        /** p.0? */
        NO_PROTEIN_PREDICTED
    }

    /** True for an interval description. */
    public boolean isInterval() {
        return end != null;
    }
}
