package org.thyronco.genomics.normalize;

import java.util.Locale;

/** Human reference genome assembly. */
public enum GenomeBuild {
    GRCh37,
    GRCh38;

    /**
     * The build named by common spellings ("GRCh37", "hg19", "37", "b37", "NCBI37", "GRCh38", "hg38", "38"), or null
     * when the text names neither.
     */
    public static GenomeBuild fromText(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "grch37":
            case "hg19":
            case "37":
            case "b37":
            case "ncbi37":
            case "grch37.p13":
            case "hs37d5":
                return GRCh37;
            case "grch38":
            case "hg38":
            case "38":
            case "b38":
            case "ncbi38":
            case "hs38":
                return GRCh38;
            default:
                return null;
        }
    }

    /** The other build. */
    public GenomeBuild other() {
        return this == GRCh37 ? GRCh38 : GRCh37;
    }
}
