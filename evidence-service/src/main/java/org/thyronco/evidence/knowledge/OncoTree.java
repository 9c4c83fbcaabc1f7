package org.thyronco.evidence.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The thyroid branch of OncoTree (snapshot 2023-03-09; unchanged through 2025-10-03 per DOMAIN.md §0.7),
 * plus {@code SOLID}, the root that tumour-agnostic evidence is coded to.
 */
public final class OncoTree {

    public static final String SOLID = "SOLID";

    private static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("THYROID", SOLID),
            Map.entry("WDTC", "THYROID"),
            Map.entry("THPA", "WDTC"),
            Map.entry("THFO", "WDTC"),
            Map.entry("THHC", "THYROID"),
            Map.entry("THPD", "THYROID"),
            Map.entry("THAP", "THYROID"),
            Map.entry("THME", "THYROID"),
            Map.entry("HTAT", "THYROID"),
            Map.entry("OAT", "THYROID"));

    /** Benign entities: they exist in OncoTree but must never receive a therapy match. */
    public static final Set<String> BENIGN = Set.of("HTAT", "OAT");

    /** Codes evidence may be coded to besides the thyroid tree (tumour-type exclusions of agnostic labels). */
    private static final Set<String> OTHER_KNOWN = Set.of("COADREAD", "NSCLC", "MEL");

    private OncoTree() {}

    public static boolean isKnown(String code) {
        return code != null && (PARENT.containsKey(code) || SOLID.equals(code) || OTHER_KNOWN.contains(code));
    }

    /** The code and its ancestors up to SOLID, most specific first: THPA → WDTC → THYROID → SOLID. */
    public static List<String> path(String code) {
        List<String> path = new ArrayList<>();
        for (String c = code; c != null; c = PARENT.get(c)) {
            path.add(c);
        }
        return path;
    }
}
