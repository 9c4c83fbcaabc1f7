package org.thyronco.genomics.normalize.hgvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The standard (nuclear) genetic code. */
public final class GeneticCode {

    private static final String BASES = "TCAG";
    // NCBI translation table 1, codons ordered TTT, TTC, TTA, TTG, TCT, ... (first base slowest).
    private static final String AAS = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";
    private static final Map<String, AminoAcid> TABLE = new HashMap<>();

    static {
        int k = 0;
        for (char a : BASES.toCharArray()) {
            for (char b : BASES.toCharArray()) {
                for (char c : BASES.toCharArray()) {
                    TABLE.put("" + a + b + c, AminoAcid.fromOne(AAS.charAt(k++)));
                }
            }
        }
    }

    private GeneticCode() {}

    /** Translates one codon (coding strand, ACGT); null if it contains another letter. */
    public static AminoAcid translate(String codon) {
        return TABLE.get(codon.toUpperCase(Locale.ROOT));
    }

    /** All codons that encode the residue. */
    public static List<String> codonsFor(AminoAcid aa) {
        List<String> out = new ArrayList<>();
        TABLE.forEach((codon, res) -> {
            if (res == aa) {
                out.add(codon);
            }
        });
        out.sort(String::compareTo);
        return out;
    }

    /** Reverse complement of a DNA string (ACGTN, upper case). */
    public static String reverseComplement(String dna) {
        StringBuilder sb = new StringBuilder(dna.length());
        for (int i = dna.length() - 1; i >= 0; i--) {
            sb.append(complement(dna.charAt(i)));
        }
        return sb.toString();
    }

    /** Complement of one base (ACGTN). */
    public static char complement(char base) {
        switch (Character.toUpperCase(base)) {
            case 'A':
                return 'T';
            case 'C':
                return 'G';
            case 'G':
                return 'C';
            case 'T':
                return 'A';
            case 'N':
                return 'N';
            default:
                throw new IllegalArgumentException("not a DNA base: " + base);
        }
    }
}
