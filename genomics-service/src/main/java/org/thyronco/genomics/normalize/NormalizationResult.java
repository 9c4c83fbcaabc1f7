package org.thyronco.genomics.normalize;

import java.util.List;
import java.util.Objects;

/** Either a finding or the errors that reject it (never both null). */
public record NormalizationResult(NormalizedFinding finding, List<FieldError> errors) {

    public NormalizationResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (finding == null && errors.isEmpty()) {
            throw new IllegalArgumentException("a result needs a finding or at least one error");
        }
    }

    /** True when the input was normalized without errors. */
    public boolean ok() {
        return finding != null && errors.isEmpty();
    }

    /** An accepted finding. */
    public static NormalizationResult accepted(NormalizedFinding finding) {
        return new NormalizationResult(Objects.requireNonNull(finding), List.of());
    }

    /** A rejection. */
    public static NormalizationResult rejected(List<FieldError> errors) {
        return new NormalizationResult(null, errors);
    }

    /** A rejection with one error. */
    public static NormalizationResult rejected(String field, String reason) {
        return new NormalizationResult(null, List.of(FieldError.of(field, reason)));
    }
}
