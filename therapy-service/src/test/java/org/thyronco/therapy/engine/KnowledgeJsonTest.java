package org.thyronco.therapy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thyronco.therapy.engine.Cases.ctx;
import static org.thyronco.therapy.engine.Cases.fusion;
import static org.thyronco.therapy.engine.Cases.of;
import static org.thyronco.therapy.engine.Cases.progressedOn;
import static org.thyronco.therapy.engine.Cases.variant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyronco.therapy.config.KnowledgeJson;

/** Knowledge values written from JSON rendered once give exactly the JSON Jackson writes field by field. */
class KnowledgeJsonTest {

    private static final KnowledgeIndex INDEX = KnowledgeFiles.load();
    private final TherapyMatcher matcher = new TherapyMatcher();

    @Test
    void answersAreByteForByteTheSameAsWithoutRendering() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        ObjectMapper rendering = new ObjectMapper();
        new KnowledgeJson().customize(rendering);
        for (Class<?> value : List.of(Knowledge.Outcome.class, Knowledge.Regulatory.class, Result.Citation.class)) {
            assertEquals("RenderedOnce", rendering.getSerializerProviderInstance().findValueSerializer(value)
                    .getClass().getSimpleName(), value + " is written from its rendered JSON");
        }
        List<Result.RecommendationSet> answers = List.of(
                matcher.match(ctx("THAP", null), of(variant("F1", "BRAF", "p.V600E")), INDEX),
                matcher.match(ctx("THPA", true), of(fusion("F1", "CCDC6", "RET")), INDEX),
                matcher.match(ctx("THPA", true, progressedOn("lenvatinib")), of(fusion("F1", "ETV6", "NTRK3"),
                        variant("F2", "PIK3CA", "p.E545K")), INDEX));
        for (Result.RecommendationSet answer : answers) {
            assertTrue(answer.recommendations().stream().anyMatch(r -> !r.outcomes().isEmpty()
                    && !r.citations().isEmpty()), "the answer carries outcomes and citations");
            String expected = plain.writeValueAsString(answer);
            assertEquals(expected, rendering.writeValueAsString(answer), "first answer (rendering each value)");
            assertEquals(expected, rendering.writeValueAsString(answer), "second answer (values rendered before)");
        }
    }

    @Test
    void aMapperConfiguredDifferentlyNeverCopiesAnotherMappersRendering() throws Exception {
        ObjectMapper rendering = new ObjectMapper();
        new KnowledgeJson().customize(rendering);
        ObjectMapper nonNull = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        ObjectMapper nonNullRendering = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        new KnowledgeJson().customize(nonNullRendering);
        Result.RecommendationSet first = matcher.match(ctx("THAP", null), of(variant("F1", "BRAF", "p.V600E")), INDEX);
        Result.RecommendationSet second = matcher.match(ctx("THAP", null), of(variant("F7", "BRAF", "p.V600E")), INDEX);
        rendering.writeValueAsString(first); // the shared knowledge lists now hold this mapper's rendering
        String expected = nonNull.writeValueAsString(second);
        assertTrue(expected.contains("\"outcomes\":[{") && !expected.contains("\"ci\":null"), "outcomes without nulls");
        assertEquals(expected, nonNullRendering.writeValueAsString(second));
    }

    @Test
    void proseNeedingEscapesIsWrittenAsJacksonWritesIt() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        ObjectMapper rendering = new ObjectMapper();
        new KnowledgeJson().customize(rendering);
        // Quotes, a backslash, control characters and non-Latin-1 text, as a curator may well write them.
        String text = "ORR \u2265 50% \u2014 \"durable\" in C:\\trials\n\tper RECIST 1.1 \u00b5g/L \u0001";
        Result.Note note = new Result.Note("F1", "TERT", "EV-X", text, List.of());
        Result.Suppressed suppressed = new Result.Suppressed("t", "EV-Y", text);
        for (int time = 1; time <= 2; time++) {
            assertEquals(plain.writeValueAsString(note), rendering.writeValueAsString(note), "note, time " + time);
            assertEquals(plain.writeValueAsString(suppressed), rendering.writeValueAsString(suppressed),
                    "reason, time " + time);
        }
        assertEquals(text, rendering.readValue(rendering.writeValueAsString(note), Result.Note.class).text());
    }
}
