package org.thyronco.genomics.normalize;

import java.util.List;

/**
 * A normalized finding. {@code proteinChange} is one-letter HGVS ("p.V600E"), {@code hgvsc} carries its transcript
 * when known, {@code locations} holds the allele on each build the hotspot table covers, {@code vrsId} is a GA4GH VRS
 * 2.x Allele identifier when it can be computed, {@code raw} is the input as given and {@code warnings} says what was
 * assumed or could not be checked.
 */
public record NormalizedFinding(
        FindingType type,
        String gene,
        String proteinChange,
        String hgvsc,
        VariantClass variantClass,
        List<GenomicLocation> locations,
        String vrsId,
        String fusion,
        String fivePrimeGene,
        String threePrimeGene,
        String copyNumber,
        Double tmb,
        String msi,
        String pdl1Score,
        Double pdl1Value,
        String assay,
        String raw,
        List<String> warnings) {

    public NormalizedFinding {
        locations = locations == null ? List.of() : List.copyOf(locations);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Copy with another {@code raw} value. */
    public NormalizedFinding withRaw(String newRaw) {
        return new NormalizedFinding(type, gene, proteinChange, hgvsc, variantClass, locations, vrsId, fusion,
                fivePrimeGene, threePrimeGene, copyNumber, tmb, msi, pdl1Score, pdl1Value, assay, newRaw, warnings);
    }

    /** Copy with one more warning. */
    public NormalizedFinding withWarning(String warning) {
        java.util.List<String> w = new java.util.ArrayList<>(warnings);
        if (!w.contains(warning)) {
            w.add(warning);
        }
        return new NormalizedFinding(type, gene, proteinChange, hgvsc, variantClass, locations, vrsId, fusion,
                fivePrimeGene, threePrimeGene, copyNumber, tmb, msi, pdl1Score, pdl1Value, assay, raw, w);
    }
}
