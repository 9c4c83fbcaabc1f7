package org.thyronco.genomics.normalize;

/** What a client sends for one finding (JSON); every field optional except what the type needs. */
public record FindingInput(
        FindingType type,
        String gene,
        String variant,
        String transcript,
        String genomic,
        GenomeBuild build,
        String fusion,
        String copyNumber,
        Double tmb,
        String msi,
        String pdl1Score,
        Double pdl1Value,
        String assay) {

    /** A sequence variant given by gene and any variant spelling ("V600E", "c.1799T>A", "C228T"...). */
    public static FindingInput variant(String gene, String variant) {
        return new FindingInput(
                FindingType.VARIANT, gene, variant, null, null, null, null, null, null, null, null, null, null);
    }

    /** A sequence variant given by genomic coordinates ("7:140753336:A:T") on a build. */
    public static FindingInput genomic(String genomic, GenomeBuild build) {
        return new FindingInput(
                FindingType.VARIANT, null, null, null, genomic, build, null, null, null, null, null, null, null);
    }

    /** A gene fusion ("CCDC6::RET", "RET/PTC1", "EML4--ALK"). */
    public static FindingInput fusion(String fusion) {
        return new FindingInput(
                FindingType.FUSION, null, null, null, null, null, fusion, null, null, null, null, null, null);
    }

    /** A gene-level copy-number call. */
    public static FindingInput copyNumber(String gene, String copyNumber) {
        return new FindingInput(
                FindingType.COPY_NUMBER, gene, null, null, null, null, null, copyNumber, null, null, null, null, null);
    }

    /** Tumour mutational burden in mutations per megabase. */
    public static FindingInput tmb(Double mutPerMb, String assay) {
        return new FindingInput(
                FindingType.TMB, null, null, null, null, null, null, null, mutPerMb, null, null, null, assay);
    }

    /** Microsatellite / mismatch-repair status. */
    public static FindingInput msi(String status, String assay) {
        return new FindingInput(
                FindingType.MSI, null, null, null, null, null, null, null, null, status, null, null, assay);
    }

    /** PD-L1 immunohistochemistry score. */
    public static FindingInput pdl1(String score, Double value, String assay) {
        return new FindingInput(
                FindingType.PD_L1, null, null, null, null, null, null, null, null, null, score, value, assay);
    }

    /** Copy with another variant field value. */
    public FindingInput withVariant(String v) {
        return new FindingInput(
                type, gene, v, transcript, genomic, build, fusion, copyNumber, tmb, msi, pdl1Score, pdl1Value, assay);
    }

    /** Copy with another genomic field value and build. */
    public FindingInput withGenomic(String g, GenomeBuild b) {
        return new FindingInput(
                type, gene, variant, transcript, g, b, fusion, copyNumber, tmb, msi, pdl1Score, pdl1Value, assay);
    }

    /** Copy with another transcript. */
    public FindingInput withTranscript(String t) {
        return new FindingInput(
                type, gene, variant, t, genomic, build, fusion, copyNumber, tmb, msi, pdl1Score, pdl1Value, assay);
    }
}
