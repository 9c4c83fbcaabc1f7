package org.thyronco.genomics.normalize;

import java.util.List;

/**
 * A whole-file problem (empty file, binary data, corrupt gzip, missing VCF header, wrong header columns, build
 * mismatch) that stops intake. Findings already passed to the sink before the problem was found should be discarded.
 */
public class MalformedInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public MalformedInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "malformed input" : errors.get(0).reason());
        this.errors = List.copyOf(errors);
    }

    public MalformedInputException(FieldError error) {
        this(List.of(error));
    }

    /** The errors, each with line (and column where known). */
    public List<FieldError> errors() {
        return errors;
    }
}
