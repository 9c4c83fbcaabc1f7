package org.thyronco.genomics.normalize;

/** Receives each record of a streamed file: a normalized finding with its 1-based line, or a located rejection. */
public interface IntakeSink {

    /** A record (or one ALT allele of it) normalized. */
    void accept(long line, NormalizedFinding f);

    /** A record (or one ALT allele of it) rejected; the error carries line and column. */
    void reject(FieldError e);

    /**
     * A well-formed record deliberately left out (it failed the caller's filters, or the tumour sample does
     * not carry the allele). Not an error: the file is still accepted.
     */
    default void skip(FieldError reason) {}
}
