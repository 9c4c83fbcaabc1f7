package org.thyronco.genomics.normalize.hgvs;

/** A reference residue and its 1-based position in the protein. */
public record Residue(AminoAcid aa, long position) {

    /** One-letter form, e.g. "V600". */
    public String oneLetter() {
        return aa.one() + Long.toString(position);
    }
}
