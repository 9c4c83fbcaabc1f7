package org.thyronco.genomics.normalize.hgvs;

/** A parsed nucleotide description; {@code type} is one of 'c', 'g', 'm', 'n'. */
public record NucleotideVariant(
        String accession, String accessionGene, char type, NucInterval interval, NucEdit edit, boolean predicted)
        implements HgvsVariant {}
