package org.thyronco.genomics.normalize;

/**
 * Why an input field (or a file line/column) was rejected. {@code line} and {@code column} are 1-based and set for
 * file intake (VCF columns: 1=CHROM, 2=POS, 3=ID, 4=REF, 5=ALT, 6=QUAL, 7=FILTER, 8=INFO, 9=FORMAT, 10+ samples);
 * for a single finding they are null.
 */
public record FieldError(String field, Long line, Integer column, String reason) {

    /** An error about a field of a single finding. */
    public static FieldError of(String field, String reason) {
        return new FieldError(field, null, null, reason);
    }

    /** An error at a file position. */
    public static FieldError at(String field, long line, Integer column, String reason) {
        return new FieldError(field, line, column, reason);
    }

    /** The same error placed at a file position. */
    public FieldError located(long atLine, Integer atColumn, String atField) {
        return new FieldError(atField != null ? atField : field, atLine, atColumn, reason);
    }
}
