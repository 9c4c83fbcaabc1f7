package org.thyronco.genomics.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.util.List;
import org.thyronco.genomics.normalize.FieldError;

/** The problem+json answers this service gives; each names what was wrong and where. */
public final class Problems {

    private Problems() {}

    public static HttpProblem notFound(String detail) {
        return HttpProblem.builder().withStatus(404).withTitle("Not Found").withDetail(detail).build();
    }

    public static HttpProblem conflict(String detail) {
        return HttpProblem.builder().withStatus(409).withTitle("Conflict").withDetail(detail).build();
    }

    public static HttpProblem unprocessable(String detail, List<FieldError> errors) {
        return HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content").withDetail(detail)
                .with("errors", errors).build();
    }

    public static HttpProblem invalid(String field, String reason) {
        return unprocessable(reason, List.of(new FieldError(field, null, null, reason)));
    }

    public static HttpProblem badRequest(String detail, List<FieldError> errors) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request").withDetail(detail)
                .with("errors", errors).build();
    }

    public static HttpProblem tooLarge(long limit) {
        return HttpProblem.builder().withStatus(413).withTitle("Payload Too Large")
                .withDetail("uploads are limited to " + limit + " bytes").build();
    }
}
