package org.thyronco.genomics.normalize.hgvs;

/** A parsed HGVS variant description: protein-level ({@code p.}) or nucleotide-level ({@code c. g. m. n.}). */
public sealed interface HgvsVariant permits ProteinVariant, NucleotideVariant {

    /** Reference sequence accession ("NM_004333.6"), or a gene-like prefix ("BRAF"), or null. */
    String accession();

    /** Gene symbol written in parentheses after the accession ("NM_004333.6(BRAF)"), or null. */
    String accessionGene();
}
