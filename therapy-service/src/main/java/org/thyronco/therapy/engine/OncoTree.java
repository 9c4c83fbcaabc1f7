package org.thyronco.therapy.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The thyroid branch of OncoTree (2023-03-09 snapshot; unchanged through 2025-10-03, DOMAIN.md §0.7) under
 * SOLID, the root tumour-agnostic evidence is coded to. THHC sits under THYROID, not WDTC (§2.1 trap).
 */
final class OncoTree {

    static final String SOLID = "SOLID";

    private static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("THYROID", SOLID), Map.entry("WDTC", "THYROID"), Map.entry("THPA", "WDTC"),
            Map.entry("THFO", "WDTC"), Map.entry("THHC", "THYROID"), Map.entry("THPD", "THYROID"),
            Map.entry("THAP", "THYROID"), Map.entry("THME", "THYROID"), Map.entry("HTAT", "THYROID"),
            Map.entry("OAT", "THYROID"));

    /** Benign entities: never a therapy match (DOMAIN §2.1). */
    static final Set<String> BENIGN = Set.of("HTAT", "OAT");

    /** Histologies where radioiodine does not apply (C-cell or anaplastic). */
    static final Set<String> RAI_NOT_APPLICABLE = Set.of("THAP", "THME");

    private OncoTree() {}

    static boolean isKnown(String code) {
        return PARENT.containsKey(code);
    }

    /** THPA → [THPA, WDTC, THYROID, SOLID]. */
    static List<String> path(String code) {
        List<String> path = new ArrayList<>();
        for (String c = code; c != null; c = PARENT.get(c)) {
            path.add(c);
        }
        return path;
    }
}
