package org.thyronco.genomics.normalize.reference;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Curated HGNC symbols with aliases and the few cross-references the fixtures use. */
public final class GeneTable {

    /** A resolved gene: the HGNC symbol and, when the input was an alias or cross-reference, what was matched. */
    public record Resolution(String symbol, String matched, boolean viaAlias) {}

    private static final GeneTable INSTANCE = new GeneTable();

    private final Set<String> symbols = new LinkedHashSet<>();
    private final Map<String, String> bySymbolUpper = new HashMap<>();
    private final Map<String, String> byAliasUpper = new HashMap<>();

    private GeneTable() {
        for (String[] f : Tsv.read("/normalize/genes.tsv", 4)) {
            String sym = f[0];
            if (!symbols.add(sym)) {
                throw new IllegalStateException("duplicate gene symbol " + sym);
            }
            bySymbolUpper.put(sym.toUpperCase(Locale.ROOT), sym);
        }
        for (String[] f : Tsv.read("/normalize/genes.tsv", 4)) {
            for (String a : Tsv.list(f[1])) {
                addAlias(a, f[0]);
            }
            for (String x : Tsv.list(f[2])) {
                addAlias(x, f[0]);
                int colon = x.indexOf(':');
                if (x.startsWith("ensembl:")) {
                    addAlias(x.substring(colon + 1), f[0]);
                }
            }
        }
    }

    private void addAlias(String alias, String symbol) {
        String key = alias.toUpperCase(Locale.ROOT);
        if (bySymbolUpper.containsKey(key)) {
            throw new IllegalStateException("alias " + alias + " collides with a symbol");
        }
        String prev = byAliasUpper.put(key, symbol);
        if (prev != null && !prev.equals(symbol)) {
            throw new IllegalStateException("ambiguous alias " + alias);
        }
    }

    /** The shared table. */
    public static GeneTable get() {
        return INSTANCE;
    }

    /** Resolves a symbol, alias or cross-reference (case-insensitive); null when unknown. */
    public Resolution resolve(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = text.trim().toUpperCase(Locale.ROOT);
        String sym = bySymbolUpper.get(key);
        if (sym != null) {
            return new Resolution(sym, text.trim(), false);
        }
        sym = byAliasUpper.get(key);
        return sym == null ? null : new Resolution(sym, text.trim(), true);
    }

    /** All curated symbols. */
    public Set<String> symbols() {
        return Collections.unmodifiableSet(symbols);
    }
}
