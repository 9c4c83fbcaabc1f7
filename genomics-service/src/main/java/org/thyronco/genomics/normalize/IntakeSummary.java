package org.thyronco.genomics.normalize;

/**
 * Counts for one streamed file: {@code recordsRead} data lines; {@code accepted}/{@code rejected} count findings and
 * rejections (a multi-allelic VCF line yields one per ALT allele); {@code build} is the build used (null if none was
 * needed and none was known).
 */
public record IntakeSummary(long recordsRead, long accepted, long rejected, GenomeBuild build) {}
