package org.thyronco.therapy.engine;

import java.util.List;

/** What matching answers: ranked recommendations, each explaining itself, stamped with the release. */
public final class Result {

    private Result() {}

    /** Which finding matched which item, how precisely, along which disease path. */
    public record Match(String findingRef, String itemId, String granularity, List<String> diseasePath) {}

    public record Citation(String sourceId, String doi, String label) {}

    public record Recommendation(int rank, String therapyId, String therapyName, String level, String ampTier,
            String status, boolean investigational, List<Match> matches, List<String> flags,
            List<Knowledge.Outcome> outcomes, List<Citation> citations, List<String> cautions, List<String> trials,
            List<Knowledge.Regulatory> regulatory, String summary) {}

    /** A prognostic or supportive-care statement: reported, never a therapy match. */
    public record Note(String findingRef, String gene, String itemId, String text, List<Citation> citations) {}

    /** An option that applies on the evidence but is withheld, with the reason. */
    public record Suppressed(String therapyId, String itemId, String reason) {}

    public record RecommendationSet(String knowledgeRelease, List<Recommendation> recommendations,
            List<Note> prognostic, List<Note> supportiveCare, List<Suppressed> suppressed, List<String> warnings) {}
}
