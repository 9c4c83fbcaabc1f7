package org.thyronco.genomics.normalize.query;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thyronco.genomics.normalize.hgvs.AminoAcid;
import org.thyronco.genomics.normalize.hgvs.HgvsParseException;
import org.thyronco.genomics.normalize.hgvs.HgvsParser;
import org.thyronco.genomics.normalize.hgvs.HgvsVariant;
import org.thyronco.genomics.normalize.hgvs.NucEdit;
import org.thyronco.genomics.normalize.hgvs.NucleotideVariant;
import org.thyronco.genomics.normalize.hgvs.ProteinEdit;
import org.thyronco.genomics.normalize.hgvs.ProteinVariant;
import org.thyronco.genomics.normalize.reference.Chromosomes;
import org.thyronco.genomics.normalize.reference.GeneTable;

/**
 * Says what kind of variant a free-text string describes, in the categories of the VICC variation-normalization
 * service (its tokenizers.yml / classifiers.yml fixtures are the golden reference). Two levels:
 * {@link #classifyToken} for one token ("V600E", "c.292T>C", "NM_…:c.…" is "hgvs", "flt3" is a gene) and
 * {@link #classifyQuery} for a whole query ("BRAF V600E", "NP_004324.2:p.Val600Glu", "7-140753336-A-T",
 * "VHL L101G (c.301_302delinsGG)"). Classification is syntax only: "V0E" is a protein substitution here, and
 * {@code FindingNormalizer} then rejects position 0.
 */
public final class VariantQueryClassifier {

    /** VICC category names ({@link #viccName()}). */
    public enum Category {
        GENE,
        HGVS,
        AMPLIFICATION,
        PROTEIN_SUBSTITUTION,
        PROTEIN_STOP_GAIN,
        PROTEIN_REFERENCE_AGREE,
        PROTEIN_DELINS,
        PROTEIN_DELETION,
        PROTEIN_INSERTION,
        PROTEIN_FRAMESHIFT,
        PROTEIN_OTHER,
        CDNA_SUBSTITUTION,
        CDNA_REFERENCE_AGREE,
        CDNA_DELINS,
        CDNA_DELETION,
        CDNA_INSERTION,
        CDNA_OTHER,
        GENOMIC_SUBSTITUTION,
        GENOMIC_REFERENCE_AGREE,
        GENOMIC_DELINS,
        GENOMIC_DELETION,
        GENOMIC_DELETION_AMBIGUOUS,
        GENOMIC_INSERTION,
        GENOMIC_DUPLICATION,
        GENOMIC_DUPLICATION_AMBIGUOUS,
        GENOMIC_OTHER;

        /** The VICC fixture key, e.g. "protein_substitution". */
        public String viccName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Accession prefixes accepted in queries (LRG is not; the VICC fixtures reject LRG_ queries). */
    private static final String[] ACCESSIONS = {
        "NC_", "NG_", "NM_", "NR_", "NP_", "XM_", "XR_", "XP_", "ENST", "ENSP"
    };

    private static final Pattern GNOMAD_VCF = Pattern.compile(
            "(?i)(?:chr|chromosome)?([0-9]{1,2}|X|Y|MT?)-(\\d+)-([ACGTN]+)-([ACGTN]+)");

    private VariantQueryClassifier() {}

    /** Category of a single token, or null when the token is not a recognised variant/gene token. */
    public static Category classifyToken(String token) {
        if (token == null || token.isBlank() || token.trim().contains(" ")) {
            return null;
        }
        String t = token.trim();
        if (t.equalsIgnoreCase("amplification")) {
            return Category.AMPLIFICATION;
        }
        if (GeneTable.get().resolve(t) != null) {
            return Category.GENE;
        }
        HgvsVariant v = parse(t);
        if (v == null) {
            return null;
        }
        if (v.accession() != null) {
            return recognisedAccession(v.accession()) ? Category.HGVS : null;
        }
        return categoryOf(v);
    }

    /** Category of a whole query, or null when the query is not a recognised variant query. */
    public static Category classifyQuery(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String q = query.trim();
        Matcher m = GNOMAD_VCF.matcher(q);
        if (m.matches()) {
            if (Chromosomes.normalize(m.group(1)) == null) {
                return null;
            }
            return vcfCategory(m.group(3).toUpperCase(Locale.ROOT), m.group(4).toUpperCase(Locale.ROOT));
        }
        String[] tok = q.split("\\s+");
        if (tok.length == 1) {
            HgvsVariant v = parse(tok[0]);
            if (v == null || v.accession() == null || !recognisedAccession(v.accession())) {
                return null;
            }
            return categoryOf(v);
        }
        if (GeneTable.get().resolve(tok[0]) == null) {
            return null;
        }
        if (tok.length == 2) {
            if (tok[1].equalsIgnoreCase("amplification")) {
                return Category.AMPLIFICATION;
            }
            HgvsVariant v = parse(tok[1]);
            if (v == null || v.accession() != null && !recognisedAccession(v.accession())) {
                return null;
            }
            return categoryOf(v);
        }
        if (tok.length == 3) {
            HgvsVariant p = parse(tok[1]);
            HgvsVariant n = parse(tok[2]);
            if (!(p instanceof ProteinVariant) || p.accession() != null || !(n instanceof NucleotideVariant)
                    || n.accession() != null && !recognisedAccession(n.accession())) {
                return null;
            }
            return categoryOf(n);
        }
        return null;
    }

    private static HgvsVariant parse(String t) {
        try {
            return HgvsParser.lenient().parse(t);
        } catch (HgvsParseException e) {
            return null;
        }
    }

    private static boolean recognisedAccession(String acc) {
        String u = acc.toUpperCase(Locale.ROOT);
        for (String p : ACCESSIONS) {
            if (u.startsWith(p) && u.length() > p.length()) {
                return true;
            }
        }
        return false;
    }

    /** VICC semantics for gnomAD-style "chrom-pos-ref-alt": SNV, reference agree, or else a delins. */
    private static Category vcfCategory(String ref, String alt) {
        if (ref.equals(alt)) {
            return Category.GENOMIC_REFERENCE_AGREE;
        }
        int p = 0;
        while (p < ref.length() && p < alt.length() && ref.charAt(p) == alt.charAt(p)) {
            p++;
        }
        int s = 0;
        while (s < ref.length() - p && s < alt.length() - p
                && ref.charAt(ref.length() - 1 - s) == alt.charAt(alt.length() - 1 - s)) {
            s++;
        }
        boolean snv = ref.length() - p - s == 1 && alt.length() - p - s == 1;
        return snv ? Category.GENOMIC_SUBSTITUTION : Category.GENOMIC_DELINS;
    }

    private static Category categoryOf(HgvsVariant v) {
        if (v instanceof ProteinVariant p) {
            if (p.whole() != null) {
                return Category.PROTEIN_OTHER;
            }
            ProteinEdit e = p.edit();
            if (e instanceof ProteinEdit.MultiSubstitution) {
                return Category.PROTEIN_SUBSTITUTION;
            }
            if (e instanceof ProteinEdit.Substitution s) {
                if (s.alt() == AminoAcid.TER) {
                    return Category.PROTEIN_STOP_GAIN;
                }
                return s.alt() == p.start().aa() ? Category.PROTEIN_REFERENCE_AGREE : Category.PROTEIN_SUBSTITUTION;
            }
            if (e instanceof ProteinEdit.Synonymous) {
                return Category.PROTEIN_REFERENCE_AGREE;
            }
            if (e instanceof ProteinEdit.DelIns) {
                return Category.PROTEIN_DELINS;
            }
            if (e instanceof ProteinEdit.Deletion) {
                return Category.PROTEIN_DELETION;
            }
            if (e instanceof ProteinEdit.Insertion) {
                return Category.PROTEIN_INSERTION;
            }
            if (e instanceof ProteinEdit.Frameshift) {
                return Category.PROTEIN_FRAMESHIFT;
            }
            return Category.PROTEIN_OTHER;
        }
        NucleotideVariant n = (NucleotideVariant) v;
        NucEdit e = n.edit();
        boolean uncertain = n.interval().uncertain();
        if (n.type() == 'c') {
            if (uncertain) {
                return Category.CDNA_OTHER;
            }
            if (e instanceof NucEdit.Substitution) {
                return Category.CDNA_SUBSTITUTION;
            }
            if (e instanceof NucEdit.Identity) {
                return Category.CDNA_REFERENCE_AGREE;
            }
            if (e instanceof NucEdit.DelIns) {
                return Category.CDNA_DELINS;
            }
            if (e instanceof NucEdit.Deletion) {
                return Category.CDNA_DELETION;
            }
            if (e instanceof NucEdit.Insertion) {
                return Category.CDNA_INSERTION;
            }
            return Category.CDNA_OTHER;
        }
        if (n.type() == 'g') {
            if (e instanceof NucEdit.Deletion) {
                return uncertain ? Category.GENOMIC_DELETION_AMBIGUOUS : Category.GENOMIC_DELETION;
            }
            if (e instanceof NucEdit.Duplication) {
                return uncertain ? Category.GENOMIC_DUPLICATION_AMBIGUOUS : Category.GENOMIC_DUPLICATION;
            }
            if (uncertain) {
                return Category.GENOMIC_OTHER;
            }
            if (e instanceof NucEdit.Substitution) {
                return Category.GENOMIC_SUBSTITUTION;
            }
            if (e instanceof NucEdit.Identity) {
                return Category.GENOMIC_REFERENCE_AGREE;
            }
            if (e instanceof NucEdit.DelIns) {
                return Category.GENOMIC_DELINS;
            }
            if (e instanceof NucEdit.Insertion) {
                return Category.GENOMIC_INSERTION;
            }
        }
        return Category.GENOMIC_OTHER;
    }
}
