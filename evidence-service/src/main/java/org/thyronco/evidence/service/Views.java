package org.thyronco.evidence.service;

import java.time.OffsetDateTime;
import java.util.List;
import org.thyronco.evidence.knowledge.Knowledge;
import org.thyronco.evidence.knowledge.KnowledgeValidator.Violation;
import org.thyronco.evidence.knowledge.ReleaseDiff;

/** What evidence-service answers. Every answer names the release it came from. */
public final class Views {

    private Views() {}

    public record Release(String version, OffsetDateTime publishedAt, List<String> notes, ReleaseDiff diff) {}

    public record EvidencePage(String release, int page, int size, long total, List<Knowledge.EvidenceItem> items) {}

    public record Evidence(String release, Knowledge.EvidenceItem item, List<Knowledge.Source> sources) {}

    public record Source(String release, Knowledge.Source source) {}

    public record SourceList(String release, List<Knowledge.Source> sources) {}

    public record Therapy(String release, Knowledge.Therapy therapy, List<Knowledge.EvidenceItem> evidence) {}

    public record TherapyList(String release, List<Knowledge.Therapy> therapies) {}

    public record Validation(boolean valid, List<Violation> errors) {}

    /** A search request; null fields do not filter. */
    public record EvidenceQuery(String release, String gene, String variant, String disease, String therapy,
            String level, String significance, String text, int page, int size) {}
}
