package org.thyronco.genomics.normalize.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thyronco.genomics.normalize.GenomeBuild;
import org.thyronco.genomics.normalize.hgvs.AminoAcid;
import org.thyronco.genomics.normalize.hgvs.GeneticCode;

/**
 * Hotspot codons and TERT promoter positions with their coding-strand reference bases and genomic coordinates on
 * each build (see {@code /normalize/hotspots.tsv} for sources). This is the only "transcript model" the module has:
 * c. to p. translation and genomic annotation happen only inside these codons.
 */
public final class HotspotTable {

    /** Kind of table row. */
    public enum Kind {
        CODON,
        PROMOTER,
        RESIDUE
    }

    /**
     * One row. For CODON rows {@code refBases} is the codon and {@code cdsStart} the c. position of its first base;
     * for PROMOTER rows {@code refBases} is one base and {@code cdsStart} its (negative) c. position.
     */
    public record Site(
            String gene,
            String transcript,
            boolean minusStrand,
            String chromosome,
            Kind kind,
            String name,
            long codon,
            AminoAcid refAa,
            String refBases,
            long cdsStart,
            Map<GenomeBuild, long[]> positions,
            String source) {

        /** Genomic position of base {@code index} on a build, or -1 when the build is not covered. */
        public long position(GenomeBuild build, int index) {
            long[] p = positions.get(build);
            return p == null ? -1 : p[index];
        }

        /** True when the row has coordinates on the build. */
        public boolean covers(GenomeBuild build) {
            return positions.containsKey(build);
        }

        /** Number of bases the row covers (3 for a codon, 1 for a promoter position, 0 for residue-only rows). */
        public int length() {
            return kind == Kind.RESIDUE ? 0 : refBases.length();
        }
    }

    /** One base of a site: its index in the site, c. position, and reference base on the coding and genomic strands. */
    public record BaseHit(Site site, int index) {

        /** c. position of this base. */
        public long cdsPosition() {
            return site.cdsStart() + index;
        }

        /** Reference base on the coding strand. */
        public char codingBase() {
            return site.refBases().charAt(index);
        }

        /** Reference base on the genomic plus strand. */
        public char genomicBase() {
            return site.minusStrand() ? GeneticCode.complement(codingBase()) : codingBase();
        }
    }

    private static final HotspotTable INSTANCE = new HotspotTable();

    private final List<Site> sites = new ArrayList<>();
    private final Map<String, BaseHit> byGenomic = new HashMap<>();
    /** Every position byGenomic holds, sorted: most variants of a large VCF are at none of them. */
    private final long[] genomicPositions;
    private final Map<String, BaseHit> byCds = new HashMap<>();
    private final Map<String, Site> byResidue = new HashMap<>();

    private HotspotTable() {
        java.util.Set<Long> positions = new java.util.HashSet<>();
        for (String[] f : Tsv.read("/normalize/hotspots.tsv", 11)) {
            Kind kind = Kind.valueOf(f[4]);
            boolean minus = f[2].equals("-");
            Map<GenomeBuild, long[]> pos = new EnumMap<>(GenomeBuild.class);
            putPositions(pos, GenomeBuild.GRCh37, f[8]);
            putPositions(pos, GenomeBuild.GRCh38, f[9]);
            Site s;
            if (kind == Kind.CODON) {
                long codon = Long.parseLong(f[5]);
                AminoAcid aa = GeneticCode.translate(f[6]);
                long cds = Long.parseLong(f[7]);
                if (cds != 3 * codon - 2) {
                    throw new IllegalStateException("codon " + codon + " of " + f[0] + " must start at c." + (3 * codon - 2));
                }
                s = new Site(f[0], f[1], minus, f[3], kind, f[0] + " " + codon, codon, aa, f[6], cds, pos, f[10]);
            } else if (kind == Kind.PROMOTER) {
                s = new Site(f[0], f[1], minus, f[3], kind, f[5], 0, null, f[6], Long.parseLong(f[7]), pos, f[10]);
            } else {
                long codon = Long.parseLong(f[5]);
                AminoAcid aa = AminoAcid.fromOne(f[6].charAt(0));
                s = new Site(f[0], f[1], minus, f[3], kind, f[0] + " " + codon, codon, aa, null, 0, Map.of(), f[10]);
            }
            for (long[] p : pos.values()) {
                if (p.length != s.length()) {
                    throw new IllegalStateException("wrong number of positions for " + s.name());
                }
            }
            sites.add(s);
            if (kind != Kind.PROMOTER) {
                byResidue.put(s.gene() + ":" + s.codon(), s);
            }
            for (int i = 0; i < s.length(); i++) {
                BaseHit hit = new BaseHit(s, i);
                byCds.put(s.gene() + ":" + hit.cdsPosition(), hit);
                for (Map.Entry<GenomeBuild, long[]> e : pos.entrySet()) {
                    byGenomic.put(e.getKey() + ":" + s.chromosome() + ":" + e.getValue()[i], hit);
                    positions.add(e.getValue()[i]);
                }
            }
        }
        genomicPositions = positions.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static void putPositions(Map<GenomeBuild, long[]> pos, GenomeBuild build, String field) {
        List<String> parts = Tsv.list(field);
        if (parts.isEmpty()) {
            return;
        }
        long[] p = new long[parts.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Long.parseLong(parts.get(i));
        }
        pos.put(build, p);
    }

    /** The shared table. */
    public static HotspotTable get() {
        return INSTANCE;
    }

    /** All rows. */
    public List<Site> sites() {
        return Collections.unmodifiableList(sites);
    }

    /** The table base at a genomic position, or null. */
    public BaseHit atGenomic(GenomeBuild build, String chromosome, long position) {
        if (java.util.Arrays.binarySearch(genomicPositions, position) < 0) {
            return null; // without building the key: the lookup is made for every record of a VCF
        }
        return byGenomic.get(build + ":" + chromosome + ":" + position);
    }

    /** The table base at a c. position of a gene's table transcript, or null. */
    public BaseHit atCds(String gene, long cdsPosition) {
        return byCds.get(gene + ":" + cdsPosition);
    }

    /** The codon or residue row for a gene's residue number, or null. */
    public Site residue(String gene, long number) {
        return byResidue.get(gene + ":" + number);
    }
}
