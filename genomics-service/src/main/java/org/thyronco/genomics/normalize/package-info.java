/**
 * Plain-Java normalization of molecular findings for thyroid-cancer therapy matching (no Quarkus, CDI or Jackson).
 *
 * <p>Entry points: {@link org.thyronco.genomics.normalize.FindingNormalizer} for one client finding, and the streaming
 * intakes {@link org.thyronco.genomics.normalize.VcfIntake}, {@link org.thyronco.genomics.normalize.MafIntake} and
 * {@link org.thyronco.genomics.normalize.FusionTsvIntake}. Every input is normalized or rejected with a reason.
 *
 * <p>Knowledge is deliberately small and sourced: {@code /normalize/genes.tsv} (curated HGNC symbols and aliases),
 * {@code transcripts.tsv}, {@code hotspots.tsv} (hotspot codons and TERT promoter positions on both builds, from the
 * verified rows of the clinical fact sheet) and {@code chromosomes.tsv}. Protein changes are derived only inside the
 * hotspot codons; elsewhere the finding keeps what was given and says what was not derived.
 */
package org.thyronco.genomics.normalize;
