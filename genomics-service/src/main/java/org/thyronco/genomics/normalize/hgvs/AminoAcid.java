package org.thyronco.genomics.normalize.hgvs;

import java.util.HashMap;
import java.util.Map;

/** The 20 standard amino acids plus the translation terminator (Ter, '*'); ambiguity codes are not accepted. */
public enum AminoAcid {
    ALA('A', "Ala"),
    ARG('R', "Arg"),
    ASN('N', "Asn"),
    ASP('D', "Asp"),
    CYS('C', "Cys"),
    GLN('Q', "Gln"),
    GLU('E', "Glu"),
    GLY('G', "Gly"),
    HIS('H', "His"),
    ILE('I', "Ile"),
    LEU('L', "Leu"),
    LYS('K', "Lys"),
    MET('M', "Met"),
    PHE('F', "Phe"),
    PRO('P', "Pro"),
    SER('S', "Ser"),
    THR('T', "Thr"),
    TRP('W', "Trp"),
    TYR('Y', "Tyr"),
    VAL('V', "Val"),
    TER('*', "Ter");

    private static final Map<Character, AminoAcid> BY_ONE = new HashMap<>();
    private static final Map<String, AminoAcid> BY_THREE = new HashMap<>();

    static {
        for (AminoAcid aa : values()) {
            BY_ONE.put(aa.one, aa);
            BY_THREE.put(aa.three, aa);
        }
        // 'X' is the legacy one-letter terminator accepted by HGVS parsers (biocommons term1/aat13).
        BY_ONE.put('X', TER);
    }

    private final char one;
    private final String three;

    AminoAcid(char one, String three) {
        this.one = one;
        this.three = three;
    }

    /** One-letter code; '*' for the terminator. */
    public char one() {
        return one;
    }

    /** Three-letter code; "Ter" for the terminator. */
    public String three() {
        return three;
    }

    /** The residue for a one-letter code ('X' and '*' are the terminator), or null. */
    public static AminoAcid fromOne(char c) {
        return BY_ONE.get(c);
    }

    /** The residue for a three-letter code (case-sensitive, "Ter" for the terminator), or null. */
    public static AminoAcid fromThree(String s) {
        return BY_THREE.get(s);
    }
}
