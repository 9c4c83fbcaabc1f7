package org.thyronco.genomics.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statement a chunk of findings is inserted with: what travels as an array, what once, what not at all. That the
 * rows come back as they went in is checked against PostgreSQL by the upload and profile tests.
 */
class FindingsInsertTest {

    @Test
    void aVcfChunkSendsOnlyItsVaryingColumnsAsArrays() {
        var insert = ProfileWriter.FindingsInsert.of(List.of(
                variant(1, "chr1 12188 G T", null), variant(2, "chr1 14717 C G", null),
                variant(3, "chr7 140753336 A T", "BRAF")));

        String sql = insert.sql();
        // Null in every row: left to the column default.
        assertFalse(sql.contains("tmb"), sql);
        assertFalse(sql.contains("fusion"), sql);
        // One value throughout: bound once.
        assertTrue(sql.contains("cast($3 as text)"), sql);
        assertEquals("VARIANT", insert.parameters().get(1));
        // Varying, including a column that is null in some rows only: arrays, nulls kept in place.
        assertArrayEquals(new Integer[] {1, 2, 3}, (Object[]) insert.parameters().get(0));
        assertFalse(insert.parameters().contains(null), "no column is bound as a single null");
        int gene = parameterOf(sql, "gene");
        assertArrayEquals(new String[] {null, null, "BRAF"}, (Object[]) insert.parameters().get(gene));
        assertTrue(sql.startsWith("insert into finding (profile_id, ordinal, type, gene, "), sql);
    }

    @Test
    void aSingleRowStillHasItsOrdinalAsAnArray() {
        var insert = ProfileWriter.FindingsInsert.of(List.of(variant(7, "chr1 1 A C", null)));

        assertArrayEquals(new Integer[] {7}, (Object[]) insert.parameters().get(0));
        assertTrue(insert.sql().contains("from unnest(cast($2 as int[])) as t(ordinal)"), insert.sql());
    }

    @Test
    void numbersAreBoundWithTheirOwnType() {
        FindingEntity tmb = variant(1, "TMB 12.5", null);
        tmb.type = "TMB";
        tmb.tmb = 12.5;
        FindingEntity other = variant(2, "TMB 3", null);
        other.type = "TMB";
        other.tmb = 3.0;

        var insert = ProfileWriter.FindingsInsert.of(List.of(tmb, other));

        int p = parameterOf(insert.sql(), "tmb");
        assertArrayEquals(new Double[] {12.5, 3.0}, (Object[]) insert.parameters().get(p));
        assertTrue(insert.sql().contains("cast($" + (p + 2) + " as float8[])"), insert.sql());
    }

    /** Index in {@code parameters()} of an array column: its position among the unnested columns. */
    private static int parameterOf(String sql, String column) {
        String unnested = sql.substring(sql.lastIndexOf("as t(") + 5, sql.length() - 1);
        List<String> columns = List.of(unnested.split(", "));
        assertTrue(columns.contains(column), column + " is not an array column in " + sql);
        String arrays = sql.substring(sql.indexOf("unnest(") + 7, sql.lastIndexOf(") as t("));
        String cast = List.of(arrays.split(", ")).get(columns.indexOf(column));
        return Integer.parseInt(cast.substring(cast.indexOf('$') + 1, cast.indexOf(' '))) - 2;
    }

    private static FindingEntity variant(int ordinal, String raw, String gene) {
        FindingEntity f = new FindingEntity();
        f.ordinal = ordinal;
        f.type = "VARIANT";
        f.gene = gene;
        f.variantClass = gene == null ? "OTHER" : "MISSENSE";
        f.raw = raw;
        f.locations = "[]";
        f.warnings = "[]";
        return f;
    }
}
