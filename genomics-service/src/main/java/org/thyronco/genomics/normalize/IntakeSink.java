package org.thyronco.genomics.normalize;

/** Receives each record of a streamed file: a normalized finding with its 1-based line, or a located rejection. */
public interface IntakeSink {

    /** A record (or one ALT allele of it) normalized. */
    void accept(long line, NormalizedFinding f);

    /** A record (or one ALT allele of it) rejected; the error carries line and column. */
    void reject(FieldError e);
}
