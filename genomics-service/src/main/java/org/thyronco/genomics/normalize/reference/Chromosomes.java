package org.thyronco.genomics.normalize.reference;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.thyronco.genomics.normalize.GenomeBuild;

/** Primary-assembly chromosomes: names, lengths, RefSeq accessions and (where known) GA4GH refget ids. */
public final class Chromosomes {

    private record Row(long len37, long len38, String acc37, String acc38, String sq37, String sq38) {}

    /** A chromosome named by a RefSeq accession; {@code build} is null for the mitochondrion (same on both). */
    public record Located(GenomeBuild build, String chromosome) {}

    private static final Map<String, Row> ROWS = new LinkedHashMap<>();
    private static final Map<String, Located> BY_ACCESSION = new HashMap<>();
    /** The spellings files use most ("7", "chr7", "CHR7", "chrM"), answered without case conversions. */
    private static final Map<String, String> COMMON_SPELLINGS = new HashMap<>();

    static {
        for (String[] f : Tsv.read("/normalize/chromosomes.tsv", 7)) {
            Row r = new Row(
                    Long.parseLong(f[1]),
                    Long.parseLong(f[2]),
                    f[3],
                    f[4],
                    f[5].equals(".") ? null : f[5],
                    f[6].equals(".") ? null : f[6]);
            ROWS.put(f[0], r);
            if (r.acc37.equals(r.acc38)) {
                BY_ACCESSION.put(r.acc37, new Located(null, f[0]));
            } else {
                BY_ACCESSION.put(r.acc37, new Located(GenomeBuild.GRCh37, f[0]));
                BY_ACCESSION.put(r.acc38, new Located(GenomeBuild.GRCh38, f[0]));
            }
        }
        ROWS.keySet().forEach(name -> addSpellings(name, name));
        if (ROWS.containsKey("MT")) {
            addSpellings("M", "MT");
        }
    }

    private Chromosomes() {}

    private static void addSpellings(String name, String canonical) {
        for (String prefix : new String[] {"", "chr", "Chr", "CHR"}) {
            COMMON_SPELLINGS.put(prefix + name, canonical);
        }
    }

    /**
     * Canonical name ("7", "X", "MT") for "7", "chr7", "CHR7", "chromosome7", "chrM", "M"; null when the contig is not
     * one of 1-22, X, Y, MT.
     */
    public static String normalize(String contig) {
        if (contig == null) {
            return null;
        }
        String common = COMMON_SPELLINGS.get(contig);
        if (common != null) {
            return common;
        }
        String c = contig.trim();
        String lower = c.toLowerCase(Locale.ROOT);
        if (lower.startsWith("chromosome")) {
            c = c.substring("chromosome".length());
        } else if (lower.startsWith("chr")) {
            c = c.substring(3);
        }
        c = c.toUpperCase(Locale.ROOT);
        if (c.equals("M")) {
            c = "MT";
        }
        if (c.length() > 1 && c.charAt(0) == '0') {
            return null;
        }
        return ROWS.containsKey(c) ? c : null;
    }

    /** Length of a canonical chromosome on a build. */
    public static long length(GenomeBuild build, String chromosome) {
        Row r = ROWS.get(chromosome);
        if (r == null) {
            throw new IllegalArgumentException("unknown chromosome " + chromosome);
        }
        return build == GenomeBuild.GRCh37 ? r.len37 : r.len38;
    }

    /** RefSeq accession ("NC_000007.14") of a canonical chromosome on a build. */
    public static String accession(GenomeBuild build, String chromosome) {
        Row r = ROWS.get(chromosome);
        return r == null ? null : build == GenomeBuild.GRCh37 ? r.acc37 : r.acc38;
    }

    /** The chromosome (and build) a RefSeq NC_ accession names, or null. Versions must match exactly. */
    public static Located fromAccession(String accession) {
        return accession == null ? null : BY_ACCESSION.get(accession.trim());
    }

    /** GA4GH refget sequence id ("SQ.…") or null when no copied fixture states it. */
    public static String refget(GenomeBuild build, String chromosome) {
        Row r = ROWS.get(chromosome);
        return r == null ? null : build == GenomeBuild.GRCh37 ? r.sq37 : r.sq38;
    }

    /** All refget ids in the table (for provenance tests). */
    public static Map<String, String> refgetIds() {
        Map<String, String> out = new LinkedHashMap<>();
        ROWS.forEach((k, r) -> {
            if (r.sq37 != null) {
                out.put("GRCh37:" + k, r.sq37);
            }
            if (r.sq38 != null) {
                out.put("GRCh38:" + k, r.sq38);
            }
        });
        return out;
    }
}
