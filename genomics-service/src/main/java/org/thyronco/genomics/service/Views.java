package org.thyronco.genomics.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.thyronco.genomics.domain.CaseContext;
import org.thyronco.genomics.normalize.FieldError;

/** What genomics-service answers. */
public final class Views {

    private Views() {}

    public record Case(String caseId, String labId, CaseContext.Context context, Integer latestProfileVersion,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    public record CasePage(int page, int size, long total, List<Case> items) {}

    public record ProfileSummary(UUID id, String caseId, int version, String source, int findingCount,
            OffsetDateTime createdAt) {}

    /**
     * A profile with its findings: all of them, or only the reportable ones ({@code ?findings=reportable}), when
     * {@code findingCount} still says how many are stored in all.
     */
    public record Profile(UUID id, String caseId, int version, String source, OffsetDateTime createdAt,
            int findingCount, List<StoredFinding> findings) {}

    /** One page of a profile's findings, in profile order; {@code total} counts the findings selected. */
    public record FindingPage(int page, int size, long total, List<StoredFinding> items) {}

    public record Job(UUID id, String caseId, String format, String state, long recordsRead, long accepted,
            long rejected, List<FieldError> errors, UUID profileId, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}
}
