package org.thyronco.genomics.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.thyronco.genomics.normalize.hgvs.AminoAcid;
import org.thyronco.genomics.normalize.hgvs.GeneticCode;
import org.thyronco.genomics.normalize.hgvs.HgvsFormat;
import org.thyronco.genomics.normalize.hgvs.HgvsParseException;
import org.thyronco.genomics.normalize.hgvs.HgvsParser;
import org.thyronco.genomics.normalize.hgvs.HgvsVariant;
import org.thyronco.genomics.normalize.hgvs.NucEdit;
import org.thyronco.genomics.normalize.hgvs.NucPosition;
import org.thyronco.genomics.normalize.hgvs.NucleotideVariant;
import org.thyronco.genomics.normalize.hgvs.ProteinEdit;
import org.thyronco.genomics.normalize.hgvs.ProteinVariant;
import org.thyronco.genomics.normalize.hgvs.Residue;
import org.thyronco.genomics.normalize.reference.Chromosomes;
import org.thyronco.genomics.normalize.reference.GeneTable;
import org.thyronco.genomics.normalize.reference.HotspotTable;
import org.thyronco.genomics.normalize.reference.TranscriptTable;
import org.thyronco.genomics.normalize.vrs.VrsIdentifier;

/**
 * Normalizes one sequence variant from any mix of gene, protein change, c. description, transcript and genomic
 * allele, cross-checking every pair it can check against the hotspot table. Stateless and thread-safe.
 */
final class VariantNormalizer {

    static final String NOT_AT_HOTSPOT = "not at a known hotspot; protein change not derived";
    static final String NO_TRANSCRIPT_MODEL = "protein change not derived (no transcript model)";

    private static final String[] ACCESSION_PREFIXES = {
        "NM_", "NP_", "NR_", "NC_", "NG_", "XM_", "XP_", "XR_", "ENST", "ENSP", "LRG_"
    };

    private final GeneTable genes = GeneTable.get();
    private final HotspotTable hotspots = HotspotTable.get();
    private final TranscriptTable transcripts = TranscriptTable.get();
    private final HgvsParser parser = HgvsParser.lenient();

    /**
     * Extra context from file intake: a gene from an annotation (CSQ/ANN) that is used only when nothing better is
     * known, and a splice flag from a MAF classification.
     */
    record Hints(String annotationGene, String annotationSource, boolean splice) {
        static final Hints NONE = new Hints(null, null, false);
    }

    /** A coding-strand change inside table sites, ready to translate. */
    private record CodingChange(
            String gene, String transcript, List<HotspotTable.BaseHit> hits, String codingAlt, boolean minus) {}

    /** What a genomic or c. description derived. */
    private record Derived(
            String gene,
            String protein,
            String hgvsc,
            VariantClass variantClass,
            List<GenomicLocation> locations,
            String source) {}

    /** Mutable state for one normalization. */
    private static final class Work {
        final List<FieldError> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        String gene;
        String geneSource;
        ProteinVariant protein;
        NucleotideVariant cdna;
        GenomicText.Parsed genomic;
        String genomicField;
        String promoterName;
        String transcript;

        void error(String field, String reason) {
            errors.add(FieldError.of(field, reason));
        }

        void warn(String w) {
            if (!warnings.contains(w)) {
                warnings.add(w);
            }
        }
    }

    NormalizationResult normalize(FindingInput in, Hints hints) {
        Work w = new Work();
        if (in.gene() != null && !in.gene().isBlank()) {
            setGene(w, in.gene(), "gene", "gene");
        }
        if (in.variant() != null && !in.variant().isBlank()) {
            parseVariantText(w, in.variant().trim(), in.build());
        }
        if (in.transcript() != null && !in.transcript().isBlank()) {
            setTranscript(w, in.transcript().trim(), "transcript");
        }
        if (in.genomic() != null && !in.genomic().isBlank()) {
            if (w.genomic != null) {
                w.error("genomic", "genomic allele given twice (variant text and genomic field)");
            } else {
                try {
                    w.genomic = GenomicText.parse(in.genomic(), in.build());
                    w.genomicField = "genomic";
                } catch (GenomicText.GenomicParseException e) {
                    w.error("genomic", e.getMessage());
                }
            }
        }
        if (!w.errors.isEmpty()) {
            return NormalizationResult.rejected(w.errors);
        }
        if (w.protein == null && w.cdna == null && w.genomic == null && w.promoterName == null) {
            w.error("variant", "no variant given (protein change, c. description or genomic allele)");
            return NormalizationResult.rejected(w.errors);
        }
        return evaluate(w, in, hints == null ? Hints.NONE : hints);
    }

    // ---- input parsing ----

    private void setGene(Work w, String text, String field, String source) {
        GeneTable.Resolution r = genes.resolve(text);
        if (r == null) {
            w.error(field, "unknown gene symbol '" + text.trim() + "'");
            return;
        }
        if (r.viaAlias()) {
            w.warn("gene alias '" + r.matched() + "' resolved to " + r.symbol());
        }
        agreeGene(w, r.symbol(), source, field);
    }

    private void agreeGene(Work w, String symbol, String source, String field) {
        if (symbol == null) {
            return;
        }
        if (w.gene == null) {
            w.gene = symbol;
            w.geneSource = source;
        } else if (!w.gene.equals(symbol)) {
            w.error(field, "gene " + symbol + " (from " + source + ") disagrees with " + w.gene + " (from "
                    + w.geneSource + ")");
        }
    }

    private void setTranscript(Work w, String acc, String field) {
        if (w.transcript != null && !w.transcript.equals(acc)) {
            w.error(field, "transcript " + acc + " disagrees with " + w.transcript);
            return;
        }
        w.transcript = acc;
        TranscriptTable.Match m = transcripts.byAccession(acc);
        if (m != null) {
            agreeGene(w, m.transcript().gene(), acc, field);
        }
    }

    static boolean isSequenceAccession(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        for (String p : ACCESSION_PREFIXES) {
            if (u.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Splits "BRAF c.1798_1799delinsAA p.(Val600Lys)", "BRAF:p.V600E", "TERT C228T", "NM_004333.6:c.1799T>A"... */
    private void parseVariantText(Work w, String text, GenomeBuild build) {
        List<String> tokens = new ArrayList<>(List.of(text.split("\\s+")));
        String first = tokens.get(0);
        int colon = first.indexOf(':');
        if (colon > 0 && !isSequenceAccession(first) && genes.resolve(first.substring(0, colon)) != null) {
            setGene(w, first.substring(0, colon), "variant", "variant text");
            tokens.set(0, first.substring(colon + 1));
        } else if (tokens.size() > 1 && colon < 0) {
            GeneTable.Resolution r = genes.resolve(first);
            if (r != null) {
                setGene(w, first, "variant", "variant text");
                tokens.remove(0);
            } else if (!parses(first)) {
                w.error("variant", "unknown gene symbol '" + first + "'");
                return;
            }
        }
        if (tokens.size() == 1 && tokens.get(0).isEmpty()) {
            w.error("variant", "no variant change given after the gene");
            return;
        }
        for (String tok : tokens) {
            String bare = stripParens(tok);
            if (bare.equals("C228T") || bare.equals("C250T")) {
                if ("TERT".equals(w.gene)) {
                    w.promoterName = bare;
                    continue;
                }
                if (w.gene == null) {
                    w.error("gene", "'" + bare + "' needs a gene: TERT promoter " + bare
                            + " or a protein change at residue " + bare.substring(1, 4));
                    return;
                }
            }
            if (bare.equalsIgnoreCase("amplification") || bare.equalsIgnoreCase("deletion")) {
                w.error("type", "copy-number change '" + bare + "' given as a sequence variant; use type COPY_NUMBER");
                return;
            }
            HgvsVariant v;
            try {
                v = parser.parse(tok);
            } catch (HgvsParseException e) {
                if (genes.resolve(tok) != null && tokens.size() == 1) {
                    w.error("variant", "no variant change given after gene " + tok);
                } else {
                    w.error("variant", e.getMessage());
                }
                return;
            }
            String acc = v.accession();
            if (v.accessionGene() != null) {
                setGene(w, v.accessionGene(), "variant", "variant text");
            }
            if (acc != null && !isSequenceAccession(acc) && Chromosomes.normalize(acc) == null) {
                if (genes.resolve(acc) != null) {
                    setGene(w, acc, "variant", "variant text");
                    acc = null;
                } else {
                    w.error("variant", "unknown reference sequence or gene '" + acc + "'");
                    return;
                }
            }
            if (v instanceof ProteinVariant p) {
                if (w.protein != null) {
                    w.error("variant", "two protein changes given");
                    return;
                }
                w.protein = p;
                if (acc != null) {
                    setTranscript(w, acc, "variant");
                }
            } else if (v instanceof NucleotideVariant n && (n.type() == 'g' || n.type() == 'm')) {
                if (w.genomic != null) {
                    w.error("variant", "two genomic alleles given");
                    return;
                }
                try {
                    w.genomic = GenomicText.parse(tok, build);
                    w.genomicField = "variant";
                } catch (GenomicText.GenomicParseException e) {
                    w.error("variant", e.getMessage());
                    return;
                }
            } else if (v instanceof NucleotideVariant n) {
                if (w.cdna != null) {
                    w.error("variant", "two c./n. descriptions given");
                    return;
                }
                w.cdna = n;
                if (acc != null) {
                    setTranscript(w, acc, "variant");
                }
            }
        }
    }

    private boolean parses(String tok) {
        try {
            parser.parse(tok);
            return true;
        } catch (HgvsParseException e) {
            return false;
        }
    }

    private static String stripParens(String tok) {
        String t = tok;
        while (t.length() > 2 && t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    // ---- evaluation ----

    private NormalizationResult evaluate(Work w, FindingInput in, Hints hints) {
        Derived fromGenomic = null;
        GenomicLocation inputLocation = null;
        GenomeBuild build = in.build();
        if (w.genomic != null) {
            GenomeBuild implied = w.genomic.impliedBuild();
            if (implied != null && build != null && implied != build) {
                w.error("build", "genomic allele is on " + implied + " but build " + build + " was given");
                return NormalizationResult.rejected(w.errors);
            }
            if (build == null) {
                build = implied;
            }
            if (build == null) {
                w.error("build", "genome build is required for genomic input (GRCh37 or GRCh38)");
                return NormalizationResult.rejected(w.errors);
            }
            inputLocation = validateAllele(w, build, w.genomic, w.genomicField);
            if (inputLocation == null) {
                return NormalizationResult.rejected(w.errors);
            }
            fromGenomic = deriveFromGenomic(w, inputLocation, w.genomicField);
            if (!w.errors.isEmpty()) {
                return NormalizationResult.rejected(w.errors);
            }
            if (fromGenomic != null) {
                agreeGene(w, fromGenomic.gene(), "genomic position", w.genomicField);
            }
        }
        Derived fromCdna = null;
        if (w.cdna != null) {
            fromCdna = deriveFromCdna(w);
            if (!w.errors.isEmpty()) {
                return NormalizationResult.rejected(w.errors);
            }
        }
        Derived fromPromoterName = null;
        if (w.promoterName != null) {
            fromPromoterName = deriveFromPromoterName(w);
        }
        String protein = null;
        VariantClass proteinClass = null;
        if (w.protein != null) {
            if (w.gene == null && w.transcript != null) {
                TranscriptTable.Match m = transcripts.byAccession(w.transcript);
                if (m != null) {
                    agreeGene(w, m.transcript().gene(), w.transcript, "variant");
                }
            }
            if (w.gene == null) {
                w.error("gene", "a gene is required for protein change '" + HgvsFormat.protein(w.protein) + "'");
                return NormalizationResult.rejected(w.errors);
            }
            ProteinVariant p = validateProtein(w);
            if (p == null || !w.errors.isEmpty()) {
                return NormalizationResult.rejected(w.errors);
            }
            protein = HgvsFormat.protein(p);
            proteinClass = classOf(p);
            w.protein = p;
        }
        if (!w.errors.isEmpty()) {
            return NormalizationResult.rejected(w.errors);
        }
        // cross-checks between what was given and what was derived
        for (Derived d : new Derived[] {fromGenomic, fromCdna, fromPromoterName}) {
            if (d == null) {
                continue;
            }
            if (protein != null && d.protein() != null && !protein.equals(d.protein())) {
                w.error("variant", d.source() + " gives " + d.protein() + ", not " + protein);
            }
            if (protein != null && d.protein() == null && d.variantClass() == VariantClass.PROMOTER) {
                w.error("variant", d.source() + " is a promoter variant, not a protein change (" + protein + ")");
            }
        }
        if (fromGenomic != null && fromCdna != null && fromGenomic.hgvsc() != null && fromCdna.hgvsc() != null
                && !fromGenomic.hgvsc().equals(fromCdna.hgvsc())) {
            w.error("genomic", fromGenomic.source() + " is " + fromGenomic.hgvsc() + ", not " + fromCdna.hgvsc());
        }
        if (fromPromoterName != null && (fromGenomic != null || fromCdna != null)) {
            Derived other = fromGenomic != null ? fromGenomic : fromCdna;
            if (!Objects.equals(other.hgvsc(), fromPromoterName.hgvsc())) {
                w.error("variant", "TERT " + w.promoterName + " is " + fromPromoterName.hgvsc() + ", but "
                        + other.source() + " is " + other.hgvsc());
            }
        }
        if (w.protein != null && inputLocation != null) {
            checkProteinAgainstLocation(w, w.protein, inputLocation, fromGenomic);
        }
        if (!w.errors.isEmpty()) {
            return NormalizationResult.rejected(w.errors);
        }
        if (w.gene == null && hints.annotationGene() != null) {
            GeneTable.Resolution r = genes.resolve(hints.annotationGene());
            if (r != null) {
                w.gene = r.symbol();
                w.warn("gene " + r.symbol() + " taken from " + hints.annotationSource() + " annotation");
            } else {
                w.warn("gene symbol '" + hints.annotationGene() + "' from " + hints.annotationSource()
                        + " is not in the curated gene table; gene left empty");
            }
        }

        // assemble
        Derived best = fromGenomic != null && (fromGenomic.protein() != null || fromGenomic.hgvsc() != null)
                ? fromGenomic
                : fromCdna != null ? fromCdna : fromPromoterName != null ? fromPromoterName : fromGenomic;
        if (protein == null && best != null) {
            protein = best.protein();
        }
        String hgvsc = null;
        for (Derived d : new Derived[] {fromGenomic, fromCdna, fromPromoterName}) {
            if (hgvsc == null && d != null) {
                hgvsc = d.hgvsc();
            }
        }
        VariantClass vc = proteinClass != null ? proteinClass : best != null ? best.variantClass() : null;
        if (vc == null && w.protein != null) {
            vc = classOf(w.protein);
        }
        if (hints.splice() && (vc == null || vc == VariantClass.OTHER)) {
            vc = VariantClass.SPLICE;
        }
        if (vc == null) {
            vc = VariantClass.OTHER;
        }
        List<GenomicLocation> locations = new ArrayList<>();
        String vrsId = null;
        if (inputLocation != null) {
            locations.add(inputLocation);
            vrsId = VrsIdentifier.alleleId(
                    inputLocation.build(),
                    inputLocation.chromosome(),
                    inputLocation.position(),
                    inputLocation.ref(),
                    inputLocation.alt());
            if (fromGenomic != null) {
                for (GenomicLocation l : fromGenomic.locations()) {
                    if (l.build() != inputLocation.build()) {
                        locations.add(l);
                    }
                }
            }
        } else if (fromCdna != null || fromPromoterName != null) {
            Derived d = fromCdna != null ? fromCdna : fromPromoterName;
            locations.addAll(d.locations());
            GenomicLocation primary = pick(locations, GenomeBuild.GRCh38);
            if (primary != null) {
                vrsId = VrsIdentifier.alleleId(
                        primary.build(), primary.chromosome(), primary.position(), primary.ref(), primary.alt());
            }
        } else if (w.protein != null) {
            locations.addAll(inferLocations(w, w.protein));
        }
        if (fromGenomic == null && inputLocation != null && w.protein == null) {
            w.warn(NOT_AT_HOTSPOT);
        }
        if (fromGenomic == null && inputLocation != null && w.protein != null) {
            w.warn("genomic location is not in the hotspot table; it was not checked against " + protein);
        }
        String raw = raw(in);
        NormalizedFinding f = new NormalizedFinding(
                FindingType.VARIANT,
                w.gene,
                protein,
                hgvsc,
                vc,
                locations,
                vrsId,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                in.assay(),
                raw,
                w.warnings);
        return NormalizationResult.accepted(f);
    }

    private static GenomicLocation pick(List<GenomicLocation> locations, GenomeBuild preferred) {
        for (GenomicLocation l : locations) {
            if (l.build() == preferred) {
                return l;
            }
        }
        return locations.isEmpty() ? null : locations.get(0);
    }

    static String raw(FindingInput in) {
        StringBuilder sb = new StringBuilder();
        for (String s : new String[] {in.gene(), in.variant(), in.transcript(), in.genomic()}) {
            if (s != null && !s.isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(s.trim());
            }
        }
        if (in.genomic() != null && in.build() != null) {
            sb.append(" (").append(in.build()).append(')');
        }
        return sb.toString();
    }

    // ---- genomic ----

    /** Validates contig, position and alleles and trims to the minimal VCF representation; null on error. */
    GenomicLocation validateAllele(Work w, GenomeBuild build, GenomicText.Parsed p, String field) {
        String chrom = Chromosomes.normalize(p.contig());
        if (chrom == null) {
            w.error(field, "unknown contig '" + p.contig() + "' (only 1-22, X, Y, MT, with or without 'chr')");
            return null;
        }
        long len = Chromosomes.length(build, chrom);
        if (p.position() < 1 || p.position() > len) {
            w.error(field, "position " + p.position() + " is outside chromosome " + chrom + " on " + build + " (1-"
                    + len + ")");
            return null;
        }
        if (!GenomicText.isBases(p.ref(), false)) {
            w.error(field, "REF '" + p.ref() + "' contains non-ACGTN characters");
            return null;
        }
        if (!GenomicText.isBases(p.alt(), false)) {
            w.error(field, "ALT '" + p.alt() + "' contains non-ACGTN characters");
            return null;
        }
        if (p.ref().equals(p.alt())) {
            w.error(field, "REF equals ALT: no change described");
            return null;
        }
        if (p.position() + p.ref().length() - 1 > len) {
            w.error(field, "REF runs past the end of chromosome " + chrom + " on " + build);
            return null;
        }
        return trim(build, chrom, p.position(), p.ref(), p.alt());
    }

    /** Minimal VCF representation: common suffix, then common prefix removed, keeping one anchor base for indels. */
    static GenomicLocation trim(GenomeBuild build, String chrom, long pos, String ref, String alt) {
        String r = ref;
        String a = alt;
        while (r.length() > 1 && a.length() > 1 && r.charAt(r.length() - 1) == a.charAt(a.length() - 1)) {
            r = r.substring(0, r.length() - 1);
            a = a.substring(0, a.length() - 1);
        }
        long p = pos;
        while (r.length() > 1 && a.length() > 1 && r.charAt(0) == a.charAt(0)) {
            r = r.substring(1);
            a = a.substring(1);
            p++;
        }
        return new GenomicLocation(build, chrom, p, r, a);
    }

    private Derived deriveFromGenomic(Work w, GenomicLocation loc, String field) {
        List<HotspotTable.BaseHit> hits = new ArrayList<>();
        boolean allKnown = true;
        for (int i = 0; i < loc.ref().length(); i++) {
            long p = loc.position() + i;
            HotspotTable.BaseHit hit = hotspots.atGenomic(loc.build(), loc.chromosome(), p);
            if (hit == null) {
                allKnown = false;
                hits.add(null);
                continue;
            }
            char given = loc.ref().charAt(i);
            if (given != 'N' && given != hit.genomicBase()) {
                w.error(field, "reference base mismatch at " + loc.chromosome() + ":" + p + " on " + loc.build()
                        + ": expected " + hit.genomicBase() + ", got " + given + " (" + hit.site().name()
                        + "; check the genome build)");
                return null;
            }
            hits.add(hit);
        }
        HotspotTable.BaseHit any = hits.stream().filter(Objects::nonNull).findFirst().orElse(null);
        if (any == null) {
            return null;
        }
        HotspotTable.Site site = any.site();
        String source = "genomic " + loc.text() + " on " + loc.build();
        if (!allKnown) {
            w.warn("allele extends beyond the hotspot codon table; protein change not derived");
            return new Derived(site.gene(), null, null, VariantClass.OTHER, List.of(), source);
        }
        if (loc.ref().length() != loc.alt().length()) {
            // every REF base lies in a table codon, so the indel is coding: its frame follows from its length alone
            int delta = loc.alt().length() - loc.ref().length();
            VariantClass vc = site.kind() == HotspotTable.Kind.PROMOTER ? VariantClass.PROMOTER
                    : delta % 3 != 0 ? VariantClass.FRAMESHIFT
                    : delta < 0 ? VariantClass.INFRAME_DELETION : VariantClass.INFRAME_INSERTION;
            w.warn("insertion/deletion at " + site.name() + "; protein change not derived (needs the transcript"
                    + " sequence)");
            return new Derived(site.gene(), null, null, vc, lift(loc, hits), source);
        }
        StringBuilder codingAlt = new StringBuilder();
        List<HotspotTable.BaseHit> ordered = new ArrayList<>(hits);
        String alt = loc.alt();
        if (site.minusStrand()) {
            java.util.Collections.reverse(ordered);
            alt = GeneticCode.reverseComplement(alt);
        }
        codingAlt.append(alt);
        for (HotspotTable.BaseHit h : ordered) {
            if (!h.site().gene().equals(site.gene())) {
                w.warn("allele spans two genes; protein change not derived");
                return new Derived(site.gene(), null, null, VariantClass.OTHER, List.of(), source);
            }
        }
        return translate(
                new CodingChange(site.gene(), site.transcript(), ordered, codingAlt.toString(), site.minusStrand()),
                source);
    }

    /**
     * The same allele on the other build when every REF base is a table base and all of them move by one offset
     * (hotspot sites are contiguous on both builds); empty otherwise.
     */
    private static List<GenomicLocation> lift(GenomicLocation loc, List<HotspotTable.BaseHit> hits) {
        GenomeBuild other = loc.build().other();
        Long offset = null;
        for (int i = 0; i < hits.size(); i++) {
            HotspotTable.BaseHit h = hits.get(i);
            if (!h.site().covers(other)) {
                return List.of();
            }
            long o = h.site().position(other, h.index()) - (loc.position() + i);
            if (offset != null && offset != o) {
                return List.of();
            }
            offset = o;
        }
        return offset == null ? List.of()
                : List.of(new GenomicLocation(other, loc.chromosome(), loc.position() + offset, loc.ref(), loc.alt()));
    }

    /** Applies a coding-strand change to table codons (or a promoter base) and builds the derived annotation. */
    private Derived translate(CodingChange ch, String source) {
        HotspotTable.BaseHit first = ch.hits().get(0);
        HotspotTable.BaseHit last = ch.hits().get(ch.hits().size() - 1);
        String refCoding = refCoding(ch.hits());
        String cPart = ch.hits().size() == 1
                ? "c." + first.cdsPosition() + refCoding + ">" + ch.codingAlt()
                : "c." + first.cdsPosition() + "_" + last.cdsPosition() + "delins" + ch.codingAlt();
        String hgvsc = ch.transcript() + ":" + cPart;
        List<GenomicLocation> locations = locationsFor(ch);
        if (first.site().kind() == HotspotTable.Kind.PROMOTER) {
            return new Derived(ch.gene(), null, hgvsc, VariantClass.PROMOTER, locations, source);
        }
        // group by codon
        List<HotspotTable.Site> codons = new ArrayList<>();
        for (HotspotTable.BaseHit h : ch.hits()) {
            if (!codons.contains(h.site())) {
                codons.add(h.site());
            }
        }
        codons.sort((a, b) -> Long.compare(a.codon(), b.codon()));
        List<AminoAcid> newAas = new ArrayList<>();
        for (HotspotTable.Site s : codons) {
            char[] codon = s.refBases().toCharArray();
            for (int k = 0; k < ch.hits().size(); k++) {
                HotspotTable.BaseHit h = ch.hits().get(k);
                if (h.site() == s) {
                    codon[h.index()] = ch.codingAlt().charAt(k);
                }
            }
            AminoAcid aa = GeneticCode.translate(new String(codon));
            if (aa == null) {
                return new Derived(ch.gene(), null, hgvsc, VariantClass.OTHER, locations, source);
            }
            newAas.add(aa);
        }
        int firstChanged = -1;
        int lastChanged = -1;
        for (int k = 0; k < codons.size(); k++) {
            if (codons.get(k).refAa() != newAas.get(k)) {
                if (firstChanged < 0) {
                    firstChanged = k;
                }
                lastChanged = k;
            }
        }
        String protein;
        VariantClass vc;
        if (firstChanged < 0) {
            HotspotTable.Site s = codons.get(0);
            protein = "p." + s.refAa().one() + s.codon() + "=";
            vc = VariantClass.SYNONYMOUS;
        } else if (firstChanged == lastChanged) {
            HotspotTable.Site s = codons.get(firstChanged);
            AminoAcid alt = newAas.get(firstChanged);
            protein = "p." + s.refAa().one() + s.codon() + alt.one();
            vc = alt == AminoAcid.TER ? VariantClass.NONSENSE : VariantClass.MISSENSE;
        } else {
            HotspotTable.Site s1 = codons.get(firstChanged);
            HotspotTable.Site s2 = codons.get(lastChanged);
            protein = "p." + s1.refAa().one() + s1.codon() + "_" + s2.refAa().one() + s2.codon() + "delins"
                    + HgvsFormat.seq(newAas.subList(firstChanged, lastChanged + 1));
            vc = VariantClass.INFRAME_DELINS;
        }
        return new Derived(ch.gene(), protein, hgvsc, vc, locations, source);
    }

    private static String refCoding(List<HotspotTable.BaseHit> hits) {
        StringBuilder sb = new StringBuilder();
        for (HotspotTable.BaseHit h : hits) {
            sb.append(h.codingBase());
        }
        return sb.toString();
    }

    /** VCF-style alleles of a coding change on every build the touched sites cover. */
    private static List<GenomicLocation> locationsFor(CodingChange ch) {
        List<GenomicLocation> out = new ArrayList<>();
        for (GenomeBuild b : GenomeBuild.values()) {
            boolean covered = ch.hits().stream().allMatch(h -> h.site().covers(b));
            if (!covered) {
                continue;
            }
            String genomicRef = refCoding(ch.hits());
            String genomicAlt = ch.codingAlt();
            long pos = ch.hits().get(0).site().position(b, ch.hits().get(0).index());
            if (ch.minus()) {
                genomicRef = GeneticCode.reverseComplement(genomicRef);
                genomicAlt = GeneticCode.reverseComplement(genomicAlt);
                HotspotTable.BaseHit lastHit = ch.hits().get(ch.hits().size() - 1);
                pos = lastHit.site().position(b, lastHit.index());
            }
            out.add(new GenomicLocation(b, ch.hits().get(0).site().chromosome(), pos, genomicRef, genomicAlt));
        }
        return out;
    }

    // ---- c. ----

    private Derived deriveFromCdna(Work w) {
        NucleotideVariant n = w.cdna;
        if (n.interval().uncertain()) {
            w.error("variant", "uncertain positions are not supported: " + n.interval().text());
            return null;
        }
        NucPosition s = n.interval().start();
        NucPosition e = n.interval().end();
        if (s.unknown() || e != null && e.unknown()) {
            w.error("variant", "unknown position '?' is not supported");
            return null;
        }
        if (e != null && compare(s, e) >= 0) {
            w.error("variant", "interval end " + e.text() + " is not after its start " + s.text());
            return null;
        }
        NucEdit edit = n.edit();
        if (edit instanceof NucEdit.Identity) {
            w.error("variant", "no change described ('=')");
            return null;
        }
        if (edit instanceof NucEdit.Substitution && e != null) {
            w.error("variant", "a substitution must be at a single position");
            return null;
        }
        if (edit instanceof NucEdit.Insertion && (e == null || !adjacent(s, e))) {
            w.error("variant", "an insertion must lie between two adjacent positions");
            return null;
        }
        if (n.type() == 'n') {
            w.warn("non-coding (n.) description: protein change not derived");
            String hgvs = HgvsFormat.nucleotide(w.transcript, 'n', n.interval(), edit);
            return new Derived(w.gene, null, hgvs, VariantClass.OTHER, List.of(), hgvs);
        }
        TranscriptTable.Transcript tx = null;
        String accession;
        if (w.transcript != null) {
            TranscriptTable.Match m = transcripts.byAccession(w.transcript);
            accession = w.transcript;
            if (m == null) {
                if (w.gene == null) {
                    w.error("gene", "gene not given and transcript '" + w.transcript
                            + "' is not in the transcript table");
                    return null;
                }
                w.warn(NO_TRANSCRIPT_MODEL);
            } else if (m.protein()) {
                w.error("transcript", w.transcript + " is a protein accession; a c. description needs a transcript");
                return null;
            } else if (!m.exact()) {
                w.warn("protein change not derived: " + w.transcript + " is not the table transcript "
                        + m.transcript().accession() + " (c. numbering may differ)");
            } else {
                tx = m.transcript();
                accession = tx.accession();
            }
        } else {
            if (w.gene == null) {
                w.error("gene", "a gene or transcript is required for a c. description");
                return null;
            }
            tx = transcripts.byGene(w.gene);
            if (tx == null) {
                accession = null;
                w.warn(NO_TRANSCRIPT_MODEL);
            } else {
                accession = tx.accession();
                w.warn("no transcript given; c. numbering assumed on " + tx.accession() + " (table transcript)");
            }
        }
        String hgvsc = HgvsFormat.nucleotide(accession, 'c', n.interval(), edit);
        String source = hgvsc;
        VariantClass structural = classOfCdna(n);
        if (tx == null) {
            return new Derived(w.gene, null, hgvsc, structural, List.of(), source);
        }
        // only substitutions and same-span delins inside table sites translate
        List<HotspotTable.BaseHit> hits = new ArrayList<>();
        String codingAlt;
        String givenRef = null;
        if (edit instanceof NucEdit.Substitution sub) {
            HotspotTable.BaseHit h = cdsHit(tx.gene(), s);
            if (h != null) {
                hits.add(h);
            }
            codingAlt = String.valueOf(sub.alt());
            givenRef = String.valueOf(sub.ref());
        } else if (edit instanceof NucEdit.DelIns di && e != null && s.isPlainCoding() && e.isPlainCoding()) {
            for (long p = s.base(); p <= e.base(); p++) {
                HotspotTable.BaseHit h = hotspots.atCds(tx.gene(), p);
                if (h == null) {
                    hits.clear();
                    break;
                }
                hits.add(h);
            }
            codingAlt = di.inserted();
            givenRef = di.deleted();
            if (!hits.isEmpty() && codingAlt.length() != hits.size()) {
                w.warn("length-changing delins: protein change not derived");
                hits.clear();
            }
        } else {
            codingAlt = null;
        }
        if (hits.isEmpty()) {
            w.warn(NO_TRANSCRIPT_MODEL);
            return new Derived(tx.gene(), null, hgvsc, structural, List.of(), source);
        }
        if (givenRef != null) {
            String tableRef = refCoding(hits);
            for (int i = 0; i < givenRef.length() && i < tableRef.length(); i++) {
                if (givenRef.charAt(i) != 'N' && givenRef.charAt(i) != tableRef.charAt(i)) {
                    w.error("variant", "reference base mismatch at " + tx.gene() + " c." + hits.get(i).cdsPosition()
                            + ": expected " + tableRef.charAt(i) + ", got " + givenRef.charAt(i));
                    return null;
                }
            }
        }
        HotspotTable.Site site = hits.get(0).site();
        return translate(
                new CodingChange(tx.gene(), tx.accession(), hits, codingAlt, site.minusStrand()),
                tx.accession() + ":" + HgvsFormat.nucleotide(null, 'c', n.interval(), edit));
    }

    private HotspotTable.BaseHit cdsHit(String gene, NucPosition p) {
        if (p.unknown() || p.offset() != null || p.offsetUnknown() || p.afterStop()) {
            return null;
        }
        return hotspots.atCds(gene, p.base());
    }

    private Derived deriveFromPromoterName(Work w) {
        long cpos = w.promoterName.equals("C228T") ? -124 : -146;
        HotspotTable.BaseHit h = hotspots.atCds("TERT", cpos);
        return translate(
                new CodingChange("TERT", h.site().transcript(), List.of(h), "T", h.site().minusStrand()),
                "TERT " + w.promoterName);
    }

    private static int compare(NucPosition a, NucPosition b) {
        int ra = a.afterStop() ? 1 : 0;
        int rb = b.afterStop() ? 1 : 0;
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        int c = Long.compare(a.base(), b.base());
        if (c != 0) {
            return c;
        }
        long oa = a.offset() == null ? 0 : a.offset();
        long ob = b.offset() == null ? 0 : b.offset();
        return Long.compare(oa, ob);
    }

    private static boolean adjacent(NucPosition a, NucPosition b) {
        if (a.offset() != null || b.offset() != null || a.afterStop() != b.afterStop()) {
            return true; // intronic/UTR flanks cannot be checked without a transcript model
        }
        long next = a.base() == -1 && !a.afterStop() ? 1 : a.base() + 1;
        return b.base() == next;
    }

    /** Consequence class from the shape of a c. description alone (no sequence needed). */
    static VariantClass classOfCdna(NucleotideVariant n) {
        NucPosition s = n.interval().start();
        NucPosition e = n.interval().end() == null ? s : n.interval().end();
        for (NucPosition p : new NucPosition[] {s, e}) {
            if (p.offsetUnknown() || p.offset() != null) {
                long off = p.offset() == null ? 99 : Math.abs(p.offset());
                return off <= 2 ? VariantClass.SPLICE : VariantClass.OTHER;
            }
        }
        if (!s.isPlainCoding() || !e.isPlainCoding()) {
            return VariantClass.OTHER;
        }
        long span = e.base() - s.base() + 1;
        NucEdit edit = n.edit();
        if (edit instanceof NucEdit.Deletion) {
            return span % 3 == 0 ? VariantClass.INFRAME_DELETION : VariantClass.FRAMESHIFT;
        }
        if (edit instanceof NucEdit.Duplication) {
            return span % 3 == 0 ? VariantClass.INFRAME_INSERTION : VariantClass.FRAMESHIFT;
        }
        if (edit instanceof NucEdit.Insertion ins) {
            return ins.seq().length() % 3 == 0 ? VariantClass.INFRAME_INSERTION : VariantClass.FRAMESHIFT;
        }
        if (edit instanceof NucEdit.DelIns di) {
            long delta = di.inserted().length() - span;
            if (delta == 0) {
                return VariantClass.OTHER;
            }
            return delta % 3 == 0 ? VariantClass.INFRAME_DELINS : VariantClass.FRAMESHIFT;
        }
        return VariantClass.OTHER;
    }

    // ---- protein ----

    /** Semantic checks on a parsed protein change; returns the (possibly rewritten) change or null on error. */
    private ProteinVariant validateProtein(Work w) {
        ProteinVariant p = w.protein;
        String text = HgvsFormat.protein(p);
        if (p.whole() != null) {
            w.error("variant", "whole-protein description " + text + " is not a reportable single change");
            return null;
        }
        ProteinEdit e = p.edit();
        if (e instanceof ProteinEdit.MultiSubstitution m) {
            w.error("variant", "multi-residue substitution '" + text.substring(2) + "' is ambiguous; write it as a"
                    + " delins (e.g. p.Trp24_Val25delinsCysArg)");
            return null;
        }
        if (p.start().position() < 1 || p.end() != null && p.end().position() < 1) {
            w.error("variant", "residue position 0 is not valid (" + text + ")");
            return null;
        }
        if (p.end() != null && p.end().position() <= p.start().position()) {
            w.error("variant", "interval end " + p.end().oneLetter() + " is not after its start "
                    + p.start().oneLetter());
            return null;
        }
        if (e instanceof ProteinEdit.Insertion && p.end().position() != p.start().position() + 1) {
            w.error("variant", "an insertion must lie between two adjacent residues (" + text + ")");
            return null;
        }
        if (e instanceof ProteinEdit.UnknownEffect
                && !(p.start().position() == 1 && p.start().aa() == AminoAcid.MET)) {
            w.error("variant", "unknown consequence '" + text + "' is not a reportable protein change");
            return null;
        }
        if (e instanceof ProteinEdit.Deletion d && !d.annotated().isEmpty()) {
            long span = (p.end() == null ? p.start().position() : p.end().position()) - p.start().position() + 1;
            List<AminoAcid> a = d.annotated();
            AminoAcid lastAa = p.end() == null ? p.start().aa() : p.end().aa();
            if (a.size() != span || a.get(0) != p.start().aa() || a.get(a.size() - 1) != lastAa) {
                w.error("variant", "deleted residues " + HgvsFormat.seq(a) + " do not match the interval "
                        + text.substring(2, text.indexOf("del")));
                return null;
            }
        }
        if (e instanceof ProteinEdit.Extension x) {
            boolean startExt = p.start().position() == 1 && p.start().aa() == AminoAcid.MET;
            if (x.upstream() && !startExt) {
                w.error("variant", "an N-terminal extension (ext-N) must start at Met1 (" + text + ")");
                return null;
            }
            if (!x.upstream() && p.start().aa() != AminoAcid.TER && !startExt) {
                w.error("variant", "a C-terminal extension must start at the stop codon (" + text + ")");
                return null;
            }
        }
        if (e instanceof ProteinEdit.Substitution s && s.alt() == p.start().aa()) {
            w.warn("identical reference and new residue written as a substitution; read as synonymous");
            p = new ProteinVariant(p.accession(), p.accessionGene(), p.predicted(), null, p.start(), null,
                    new ProteinEdit.Synonymous());
        }
        for (Residue r : p.end() == null ? List.of(p.start()) : List.of(p.start(), p.end())) {
            HotspotTable.Site site = hotspots.residue(w.gene, r.position());
            if (site != null && site.refAa() != r.aa()) {
                w.error("variant", "reference amino acid at " + w.gene + " " + r.position() + " is "
                        + site.refAa().one() + ", not " + r.aa().one());
                return null;
            }
        }
        return p;
    }

    static VariantClass classOf(ProteinVariant p) {
        ProteinEdit e = p.edit();
        if (e instanceof ProteinEdit.Substitution s) {
            if (s.alt() == AminoAcid.TER) {
                return VariantClass.NONSENSE;
            }
            if (p.start().position() == 1 && p.start().aa() == AminoAcid.MET) {
                return VariantClass.START_LOST;
            }
            if (p.start().aa() == AminoAcid.TER) {
                return VariantClass.STOP_LOST;
            }
            return VariantClass.MISSENSE;
        }
        if (e instanceof ProteinEdit.Synonymous) {
            return VariantClass.SYNONYMOUS;
        }
        if (e instanceof ProteinEdit.UnknownEffect) {
            return VariantClass.START_LOST;
        }
        if (e instanceof ProteinEdit.Deletion) {
            return VariantClass.INFRAME_DELETION;
        }
        if (e instanceof ProteinEdit.Duplication || e instanceof ProteinEdit.Insertion) {
            return VariantClass.INFRAME_INSERTION;
        }
        if (e instanceof ProteinEdit.DelIns) {
            return VariantClass.INFRAME_DELINS;
        }
        if (e instanceof ProteinEdit.Frameshift) {
            return VariantClass.FRAMESHIFT;
        }
        if (e instanceof ProteinEdit.Extension x) {
            return x.upstream() || p.start().aa() == AminoAcid.MET ? VariantClass.START_LOST : VariantClass.STOP_LOST;
        }
        return VariantClass.OTHER;
    }

    /**
     * A protein change at a table codon must sit where the table puts that codon on the build of a given genomic
     * allele; otherwise the build (or the allele) is wrong.
     */
    private void checkProteinAgainstLocation(
            Work w, ProteinVariant p, GenomicLocation loc, Derived fromGenomic) {
        HotspotTable.Site site = hotspots.residue(w.gene, p.start().position());
        if (site == null || site.kind() != HotspotTable.Kind.CODON || !site.covers(loc.build())) {
            return;
        }
        if (!site.chromosome().equals(loc.chromosome())) {
            w.error(w.genomicField, "genomic allele is on chromosome " + loc.chromosome() + ", but " + site.name()
                    + " is on chromosome " + site.chromosome());
            return;
        }
        long lo = Math.min(site.position(loc.build(), 0), site.position(loc.build(), 2));
        long hi = Math.max(site.position(loc.build(), 0), site.position(loc.build(), 2));
        long aEnd = loc.position() + loc.ref().length() - 1;
        if (aEnd < lo || loc.position() > hi) {
            w.error(w.genomicField, loc.chromosome() + ":" + loc.position() + " is not at " + site.name() + " on "
                    + loc.build() + " (" + lo + "-" + hi + "); check the genome build");
        }
    }

    /**
     * Genomic alleles for a protein-only substitution at a table codon, when exactly one codon change of minimal
     * size produces it (V600E: GTG to GAG only). Marked by a warning: these alleles were inferred, not observed.
     */
    private List<GenomicLocation> inferLocations(Work w, ProteinVariant p) {
        if (!(p.edit() instanceof ProteinEdit.Substitution s) || p.end() != null) {
            return List.of();
        }
        HotspotTable.Site site = hotspots.residue(w.gene, p.start().position());
        if (site == null || site.kind() != HotspotTable.Kind.CODON) {
            return List.of();
        }
        String ref = site.refBases();
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        boolean tie = false;
        for (String codon : GeneticCode.codonsFor(s.alt())) {
            int d = 0;
            for (int i = 0; i < 3; i++) {
                if (codon.charAt(i) != ref.charAt(i)) {
                    d++;
                }
            }
            if (d < bestDist) {
                bestDist = d;
                best = codon;
                tie = false;
            } else if (d == bestDist) {
                tie = true;
            }
        }
        if (best == null || tie) {
            return List.of();
        }
        int from = -1;
        int to = -1;
        for (int i = 0; i < 3; i++) {
            if (best.charAt(i) != ref.charAt(i)) {
                if (from < 0) {
                    from = i;
                }
                to = i;
            }
        }
        List<HotspotTable.BaseHit> hits = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            hits.add(new HotspotTable.BaseHit(site, i));
        }
        List<GenomicLocation> out = locationsFor(new CodingChange(
                site.gene(), site.transcript(), hits, best.substring(from, to + 1), site.minusStrand()));
        if (!out.isEmpty()) {
            w.warn("genomic locations inferred from the protein change (single most parsimonious codon change "
                    + ref + ">" + best + "); not observed");
        }
        return out;
    }
}
