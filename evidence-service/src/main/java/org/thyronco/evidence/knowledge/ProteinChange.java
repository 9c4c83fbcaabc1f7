package org.thyronco.evidence.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces the spellings clients use for a protein substitution (V600E, p.V600E, p.Val600Glu,
 * p.(Val600Glu), BRAF:p.V600E) to the 1-letter form the knowledge base stores ("V600E").
 */
public final class ProteinChange {

    private static final Map<String, String> THREE_TO_ONE = Map.ofEntries(
            Map.entry("ALA", "A"), Map.entry("ARG", "R"), Map.entry("ASN", "N"), Map.entry("ASP", "D"),
            Map.entry("CYS", "C"), Map.entry("GLN", "Q"), Map.entry("GLU", "E"), Map.entry("GLY", "G"),
            Map.entry("HIS", "H"), Map.entry("ILE", "I"), Map.entry("LEU", "L"), Map.entry("LYS", "K"),
            Map.entry("MET", "M"), Map.entry("PHE", "F"), Map.entry("PRO", "P"), Map.entry("SER", "S"),
            Map.entry("THR", "T"), Map.entry("TRP", "W"), Map.entry("TYR", "Y"), Map.entry("VAL", "V"),
            Map.entry("TER", "*"));

    private static final Pattern THREE = Pattern.compile("([A-Za-z]{3})(\\d+)([A-Za-z]{3}|=|\\*)");
    private static final Pattern ONE = Pattern.compile("([ACDEFGHIKLMNPQRSTVWY])(\\d+)([ACDEFGHIKLMNPQRSTVWY*=])");

    private ProteinChange() {}

    /** The 1-letter form, or null when the text is not a protein substitution this class understands. */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            s = s.substring(colon + 1);
        }
        if (s.startsWith("p.")) {
            s = s.substring(2);
        }
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        Matcher three = THREE.matcher(s);
        if (three.matches()) {
            String from = THREE_TO_ONE.get(three.group(1).toUpperCase(Locale.ROOT));
            String to = three.group(3).length() == 3 ? THREE_TO_ONE.get(three.group(3).toUpperCase(Locale.ROOT))
                    : three.group(3);
            return from == null || to == null ? null : from + three.group(2) + to;
        }
        Matcher one = ONE.matcher(s.toUpperCase(Locale.ROOT));
        return one.matches() ? one.group(1) + one.group(2) + one.group(3) : null;
    }
}
