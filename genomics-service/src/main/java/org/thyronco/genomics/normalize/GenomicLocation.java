package org.thyronco.genomics.normalize;

/**
 * A genomic allele in VCF style: 1-based {@code position}, {@code chromosome} without "chr" ("7", "X", "MT"),
 * {@code ref}/{@code alt} in minimal representation with the VCF anchor base kept for indels. For fusions the
 * breakpoints are given as locations with null {@code ref} and {@code alt}.
 */
public record GenomicLocation(GenomeBuild build, String chromosome, long position, String ref, String alt) {

    /** Compact text: "7:140753336:A:T" (breakpoints: "2:42522694"). */
    public String text() {
        return ref == null ? chromosome + ":" + position : chromosome + ":" + position + ":" + ref + ":" + alt;
    }
}
