package org.thyronco.genomics.normalize.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Transcripts whose c. numbering the hotspot table uses, with their protein accessions and numbering equivalents. */
public final class TranscriptTable {

    /** One transcript model. */
    public record Transcript(String gene, String accession, String protein, List<String> equivalents, String source) {}

    /**
     * A transcript found for an accession; {@code exact} when the accession is the table version (or a stated
     * equivalent) so that c. numbering is known to match.
     */
    public record Match(Transcript transcript, boolean exact, boolean protein) {}

    private static final TranscriptTable INSTANCE = new TranscriptTable();

    private final List<Transcript> rows = new ArrayList<>();

    private TranscriptTable() {
        for (String[] f : Tsv.read("/normalize/transcripts.tsv", 5)) {
            rows.add(new Transcript(f[0], f[1], f[2].isEmpty() ? null : f[2], Tsv.list(f[3]), f[4]));
        }
    }

    /** The shared table. */
    public static TranscriptTable get() {
        return INSTANCE;
    }

    /** The table transcript of a gene, or null. */
    public Transcript byGene(String gene) {
        for (Transcript t : rows) {
            if (t.gene.equals(gene)) {
                return t;
            }
        }
        return null;
    }

    /** Looks up an NM_/NP_/ENST accession (with or without version); null when no table transcript matches. */
    public Match byAccession(String accession) {
        if (accession == null) {
            return null;
        }
        String acc = accession.trim();
        String base = base(acc);
        for (Transcript t : rows) {
            if (acc.equals(t.accession)) {
                return new Match(t, true, false);
            }
            if (t.protein != null && acc.equals(t.protein)) {
                return new Match(t, true, true);
            }
            for (String eq : t.equivalents) {
                if (acc.equals(eq) || eq.indexOf('.') < 0 && base.equals(eq)) {
                    return new Match(t, true, false);
                }
            }
        }
        for (Transcript t : rows) {
            if (base.equals(base(t.accession))) {
                return new Match(t, false, false);
            }
            if (t.protein != null && base.equals(base(t.protein))) {
                return new Match(t, false, true);
            }
            for (String eq : t.equivalents) {
                if (base.equals(base(eq))) {
                    return new Match(t, false, false);
                }
            }
        }
        return null;
    }

    private static String base(String acc) {
        int dot = acc.indexOf('.');
        return (dot < 0 ? acc : acc.substring(0, dot)).toUpperCase(Locale.ROOT);
    }
}
