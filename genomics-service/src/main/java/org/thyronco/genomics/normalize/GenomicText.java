package org.thyronco.genomics.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thyronco.genomics.normalize.hgvs.HgvsParseException;
import org.thyronco.genomics.normalize.hgvs.HgvsParser;
import org.thyronco.genomics.normalize.hgvs.NucEdit;
import org.thyronco.genomics.normalize.hgvs.NucleotideVariant;
import org.thyronco.genomics.normalize.reference.Chromosomes;
import org.thyronco.genomics.normalize.reference.HotspotTable;

/**
 * Parses the genomic field: VCF-like "7:140753336:A:T", "chr7-140753336-A-T", "chr7 140753336 A T",
 * "7:140453136 A>T", an optional build word ("GRCh37 1:115256529 T>C"), or HGVS g. with an NC_ accession or a
 * chromosome name ("NC_000007.14:g.140753336A>T", "chr7:g.140753336A>T").
 */
final class GenomicText {

    /** A parsed allele before validation; {@code impliedBuild} comes from an NC_ accession or a build word. */
    record Parsed(GenomeBuild impliedBuild, String contig, long position, String ref, String alt) {}

    /** Why the text could not be read as a genomic allele. */
    static final class GenomicParseException extends Exception {
        private static final long serialVersionUID = 1L;

        GenomicParseException(String message) {
            super(message);
        }
    }

    private static final Pattern BUILD_WORD =
            Pattern.compile("(?i)[(\\[]?\\b(GRCh3[78]|hg19|hg38)\\b[)\\]]?[,;]?");
    private static final Pattern BARE_CHROMOSOME = Pattern.compile("([0-9]{1,2}|X|Y|MT?):[gm]\\..*");
    private static final Pattern POS_WITH_REF = Pattern.compile("(\\d+)([ACGTNacgtn]+)");
    private static final Pattern DASH_ALLELE = Pattern.compile(".*[:\\s]-(\\s.*|:.*|$)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s:\\-/,]+");

    private GenomicText() {}

    /**
     * Whether the text is one or more of A, C, G, T, N (lower case too when {@code anyCase}). A loop, not a regex:
     * intake calls it for every allele of every VCF record, and {@code String.matches} compiles its pattern each call.
     */
    static boolean isBases(String s, boolean anyCase) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case 'A', 'C', 'G', 'T', 'N':
                    break;
                case 'a', 'c', 'g', 't', 'n':
                    if (!anyCase) {
                        return false;
                    }
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    static Parsed parse(String text) throws GenomicParseException {
        return parse(text, null);
    }

    /**
     * Parses the text; {@code contextBuild} (the build the caller was given) is used only to look up reference bases
     * in the hotspot table for g. indels.
     */
    static Parsed parse(String text, GenomeBuild contextBuild) throws GenomicParseException {
        if (text == null || text.isBlank()) {
            throw new GenomicParseException("empty genomic description");
        }
        String t = text.trim();
        Parsed plain = plainColonForm(t);
        if (plain != null) {
            return plain;
        }
        GenomeBuild word = null;
        Matcher m = BUILD_WORD.matcher(t);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            GenomeBuild b = GenomeBuild.fromText(m.group(1));
            if (word != null && word != b) {
                throw new GenomicParseException("the text names two genome builds");
            }
            word = b;
            rest.append(t, last, m.start()).append(' ');
            last = m.end();
        }
        rest.append(t.substring(last));
        t = rest.toString().trim();
        if (t.contains("g.") || t.contains("m.")) {
            return parseHgvs(t, word, contextBuild);
        }
        if (DASH_ALLELE.matcher(t).matches()) {
            throw new GenomicParseException(
                    "'-' is not a VCF allele; give anchored REF and ALT bases (e.g. 7:55242464:AGGAATTAAGA:A)");
        }
        String[] raw = SEPARATORS.split(t.replace('>', ' '));
        List<String> tok = new ArrayList<>();
        for (String s : raw) {
            if (!s.isEmpty()) {
                tok.add(s);
            }
        }
        if (tok.size() == 3) {
            Matcher pm = POS_WITH_REF.matcher(tok.get(1));
            if (pm.matches()) {
                tok = List.of(tok.get(0), pm.group(1), pm.group(2), tok.get(2));
            }
        }
        if (tok.size() != 4) {
            throw new GenomicParseException(
                    "expected chromosome, position, REF and ALT (e.g. 7:140753336:A:T), got '" + text.trim() + "'");
        }
        long pos;
        try {
            pos = Long.parseLong(tok.get(1));
        } catch (NumberFormatException e) {
            throw new GenomicParseException("position '" + tok.get(1) + "' is not a number");
        }
        return new Parsed(
                word,
                tok.get(0),
                pos,
                tok.get(2).toUpperCase(Locale.ROOT),
                tok.get(3).toUpperCase(Locale.ROOT));
    }

    /**
     * The form VCF intake produces for every record, "chr7:140753336:A:T", read without regexes; null when the text is
     * anything else (then the general parser decides). Same result as the general parser for this form.
     */
    private static Parsed plainColonForm(String t) {
        int c1 = t.indexOf(':');
        int c2 = c1 < 0 ? -1 : t.indexOf(':', c1 + 1);
        int c3 = c2 < 0 ? -1 : t.indexOf(':', c2 + 1);
        if (c3 < 0 || t.indexOf(':', c3 + 1) >= 0 || c2 - c1 < 2 || c2 - c1 > 10) {
            return null;
        }
        String contig = t.substring(0, c1);
        if (Chromosomes.normalize(contig) == null) {
            return null;
        }
        long pos = 0;
        for (int i = c1 + 1; i < c2; i++) {
            char ch = t.charAt(i);
            if (ch < '0' || ch > '9') {
                return null;
            }
            pos = pos * 10 + (ch - '0');
        }
        String ref = t.substring(c2 + 1, c3);
        String alt = t.substring(c3 + 1);
        if (!isBases(ref, true) || !isBases(alt, true)) {
            return null;
        }
        return new Parsed(null, contig, pos, ref.toUpperCase(Locale.ROOT), alt.toUpperCase(Locale.ROOT));
    }

    private static Parsed parseHgvs(String text, GenomeBuild word, GenomeBuild contextBuild)
            throws GenomicParseException {
        // "7:g.140753336A>T" (OncoKB annotator HGVSg): a bare chromosome is not an HGVS accession
        String t = BARE_CHROMOSOME.matcher(text).matches() ? "chr" + text : text;
        NucleotideVariant v;
        try {
            v = HgvsParser.lenient().parseNucleotide(t);
        } catch (HgvsParseException e) {
            throw new GenomicParseException(e.getMessage());
        }
        if (v.type() != 'g' && v.type() != 'm') {
            throw new GenomicParseException("expected a genomic (g.) description, got " + v.type() + ".");
        }
        String contig;
        GenomeBuild implied = word;
        if (v.accession() == null) {
            throw new GenomicParseException("a g. description needs a chromosome or NC_ accession before ':'");
        }
        Chromosomes.Located loc = Chromosomes.fromAccession(v.accession());
        if (loc != null) {
            if (loc.build() != null && implied != null && loc.build() != implied) {
                throw new GenomicParseException(v.accession() + " is a " + loc.build() + " accession, but the text says "
                        + implied);
            }
            contig = loc.chromosome();
            if (loc.build() != null) {
                implied = loc.build();
            }
        } else if (v.accession().toUpperCase(Locale.ROOT).startsWith("NC_")) {
            throw new GenomicParseException("unknown chromosome accession '" + v.accession()
                    + "' (GRCh37/GRCh38 primary-assembly NC_ accessions only)");
        } else {
            contig = v.accession();
        }
        if (v.type() == 'm') {
            contig = "MT";
        }
        if (v.interval().uncertain()) {
            throw new GenomicParseException("uncertain positions are not supported: " + v.interval().text());
        }
        if (v.interval().start().unknown() || v.interval().end() != null && v.interval().end().unknown()) {
            throw new GenomicParseException("unknown position '?' is not supported");
        }
        long s = v.interval().start().base();
        long e = v.interval().end() == null ? s : v.interval().end().base();
        if (e < s) {
            throw new GenomicParseException("interval end " + e + " is before its start " + s);
        }
        NucEdit edit = v.edit();
        String chrom = Chromosomes.normalize(contig);
        GenomeBuild lookup = implied != null ? implied : contextBuild;
        if (edit instanceof NucEdit.Substitution sub) {
            if (e != s) {
                throw new GenomicParseException("a substitution must be at a single position");
            }
            return new Parsed(implied, contig, s, String.valueOf(sub.ref()), String.valueOf(sub.alt()));
        }
        if (edit instanceof NucEdit.DelIns di) {
            String ref = di.deleted() != null ? di.deleted() : tableBases(lookup, chrom, s, e);
            if (ref == null) {
                throw new GenomicParseException(noReference());
            }
            if (ref.length() != e - s + 1) {
                throw new GenomicParseException("deleted sequence " + ref + " does not span " + s + "_" + e);
            }
            return new Parsed(implied, contig, s, ref, di.inserted());
        }
        if (edit instanceof NucEdit.Deletion del) {
            String anchor = tableBases(lookup, chrom, s - 1, s - 1);
            String deleted = del.seq() != null ? del.seq() : tableBases(lookup, chrom, s, e);
            if (anchor == null || deleted == null) {
                throw new GenomicParseException(noReference());
            }
            return new Parsed(implied, contig, s - 1, anchor + deleted, anchor);
        }
        if (edit instanceof NucEdit.Duplication dup) {
            String seq = dup.seq() != null ? dup.seq() : tableBases(lookup, chrom, s, e);
            String anchor = tableBases(lookup, chrom, e, e);
            if (seq == null || anchor == null) {
                throw new GenomicParseException(noReference());
            }
            return new Parsed(implied, contig, e, anchor, anchor + seq);
        }
        if (edit instanceof NucEdit.Insertion ins) {
            if (e != s + 1) {
                throw new GenomicParseException("an insertion must lie between two adjacent positions");
            }
            String anchor = tableBases(lookup, chrom, s, s);
            if (anchor == null) {
                throw new GenomicParseException(noReference());
            }
            return new Parsed(implied, contig, s, anchor, anchor + ins.seq());
        }
        if (edit instanceof NucEdit.Identity) {
            throw new GenomicParseException("no change described (reference agree '=')");
        }
        throw new GenomicParseException("inversions are not supported");
    }

    private static String noReference() {
        return "this g. indel needs reference bases that are not available offline; give the VCF-style allele"
                + " (chrom:pos:ref:alt)";
    }

    /** Plus-strand reference bases from the hotspot table for [from, to] on a build, or null if any is unknown. */
    static String tableBases(GenomeBuild build, String chrom, long from, long to) {
        if (build == null || chrom == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (long p = from; p <= to; p++) {
            HotspotTable.BaseHit hit = HotspotTable.get().atGenomic(build, chrom, p);
            if (hit == null) {
                return null;
            }
            sb.append(hit.genomicBase());
        }
        return sb.toString();
    }
}
