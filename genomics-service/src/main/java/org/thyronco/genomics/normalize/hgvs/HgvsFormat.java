package org.thyronco.genomics.normalize.hgvs;

import java.util.List;

/** Canonical text for parsed descriptions: one-letter protein changes ("p.V600E") and c./g. edits. */
public final class HgvsFormat {

    private HgvsFormat() {}

    /** Canonical one-letter protein change without accession and without prediction parentheses. */
    public static String protein(ProteinVariant v) {
        if (v.whole() != null) {
            switch (v.whole()) {
                case NO_CHANGE:
                    return "p.=";
                case UNKNOWN:
                    return "p.?";
                case NO_PROTEIN:
                    return "p.0";
                default:
                    return "p.0?";
            }
        }
        StringBuilder sb = new StringBuilder("p.");
        ProteinEdit e = v.edit();
        if (e instanceof ProteinEdit.MultiSubstitution m) {
            return sb.append(seq(m.refs())).append(v.start().position()).append(seq(m.alts())).toString();
        }
        sb.append(v.start().oneLetter());
        if (v.end() != null) {
            sb.append('_').append(v.end().oneLetter());
        }
        if (e instanceof ProteinEdit.Substitution s) {
            sb.append(s.alt().one());
        } else if (e instanceof ProteinEdit.Synonymous) {
            sb.append('=');
        } else if (e instanceof ProteinEdit.UnknownEffect) {
            sb.append('?');
        } else if (e instanceof ProteinEdit.Deletion) {
            sb.append("del");
        } else if (e instanceof ProteinEdit.Duplication) {
            sb.append("dup");
        } else if (e instanceof ProteinEdit.Insertion ins) {
            sb.append("ins").append(seq(ins.inserted()));
        } else if (e instanceof ProteinEdit.DelIns di) {
            sb.append("delins").append(seq(di.inserted()));
        } else if (e instanceof ProteinEdit.Frameshift fs) {
            if (fs.newAa() != null) {
                sb.append(fs.newAa().one());
            }
            sb.append("fs");
            if (fs.stop() != null) {
                sb.append(fs.stop().oneLetter());
            }
        } else if (e instanceof ProteinEdit.Extension ext) {
            if (ext.newAa() != null) {
                sb.append(ext.newAa().one());
            }
            sb.append("ext");
            if (ext.upstream()) {
                sb.append('-').append(ext.offset());
            } else if (ext.stop() != null) {
                sb.append(ext.stop().oneLetter());
            }
        }
        return sb.toString();
    }

    /** One-letter sequence ("WV", "L*"). */
    public static String seq(List<AminoAcid> aas) {
        StringBuilder sb = new StringBuilder();
        for (AminoAcid aa : aas) {
            sb.append(aa.one());
        }
        return sb.toString();
    }

    /** Canonical nucleotide description with its accession if any: "NM_004333.6:c.1799T>A". */
    public static String nucleotide(String accession, char type, NucInterval iv, NucEdit edit) {
        StringBuilder sb = new StringBuilder();
        if (accession != null) {
            sb.append(accession).append(':');
        }
        sb.append(type).append('.');
        if (iv.uncertain()) {
            sb.append(iv.text());
        } else {
            sb.append(iv.start().text());
            if (iv.end() != null) {
                sb.append('_').append(iv.end().text());
            }
        }
        sb.append(edit(edit));
        return sb.toString();
    }

    /** Canonical edit text; deleted sequences are dropped ("delAG" becomes "del") as current HGVS recommends. */
    public static String edit(NucEdit e) {
        if (e instanceof NucEdit.Substitution s) {
            return s.ref() + ">" + s.alt();
        }
        if (e instanceof NucEdit.Deletion) {
            return "del";
        }
        if (e instanceof NucEdit.Duplication) {
            return "dup";
        }
        if (e instanceof NucEdit.Insertion ins) {
            return "ins" + ins.seq();
        }
        if (e instanceof NucEdit.DelIns di) {
            return "delins" + di.inserted();
        }
        if (e instanceof NucEdit.Identity) {
            return "=";
        }
        return "inv";
    }
}
