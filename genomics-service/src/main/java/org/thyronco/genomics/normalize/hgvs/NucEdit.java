package org.thyronco.genomics.normalize.hgvs;

/** The edit part of a nucleotide description. Sequences are upper-case DNA (ACGTN). */
public sealed interface NucEdit {

    /** Single-base substitution "T>A". */
    record Substitution(char ref, char alt) implements NucEdit {}

    /** Deletion; {@code seq} or {@code count} may be given ("delAG", "del3"). */
    record Deletion(String seq, Integer count) implements NucEdit {}

    /** Duplication; {@code seq} may be given. */
    record Duplication(String seq) implements NucEdit {}

    /** Insertion of {@code seq}. */
    record Insertion(String seq) implements NucEdit {}

    /** Deletion-insertion; {@code deleted}/{@code deletedCount} optional ("delAGinsT", "del2insT", "delinsT"). */
    record DelIns(String deleted, Integer deletedCount, String inserted) implements NucEdit {}

    /** No change ("=", "T="). */
    record Identity(String seq) implements NucEdit {}

    /** Inversion ("inv"). */
    record Inversion() implements NucEdit {}
}
