package org.thyronco.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** What a service answers for a page, size or since it cannot read: 400 naming the parameter, never its value. */
class QueryParametersTest {

    private final QueryParameters provider = new QueryParameters();

    @Test
    void wholeNumbersAreReadAndOthersRefusedByName() {
        ParamConverter<Integer> page = provider.getConverter(Integer.class, Integer.class, annotationsOf("page"));
        assertEquals(3, page.fromString("3"));
        assertEquals(-1, provider.getConverter(int.class, int.class, annotationsOf("size")).fromString("-1"));
        for (String hostile : new String[] {"x' OR '1'='1", "1.5", "", "99999999999", "<script>"}) {
            BadRequestException refused = assertThrows(BadRequestException.class, () -> page.fromString(hostile));
            assertTrue(refused.getMessage().contains("'page'"), refused.getMessage());
            if (!hostile.isEmpty()) {
                assertFalse(refused.getMessage().contains(hostile), "the value is not echoed: " + hostile);
            }
        }
    }

    @Test
    void datesAndTimesAreReadAndOthersRefusedByName() {
        ParamConverter<OffsetDateTime> since = provider.getConverter(OffsetDateTime.class, OffsetDateTime.class,
                annotationsOf("since"));
        assertEquals(OffsetDateTime.parse("2026-01-31T09:00:00Z"), since.fromString("2026-01-31T09:00:00Z"));
        for (String notATime : new String[] {"2026-13-45T09:00:00Z", "2026-02-30T09:00:00Z", "yesterday"}) {
            BadRequestException refused = assertThrows(BadRequestException.class, () -> since.fromString(notATime));
            assertTrue(refused.getMessage().contains("'since'"), refused.getMessage());
        }
    }

    @Test
    void otherParametersAndTypesAreLeftToTheFramework() {
        assertNull(provider.getConverter(Integer.class, Integer.class, annotationsOf("id")));
        assertNull(provider.getConverter(String.class, String.class, annotationsOf("gene")));
        assertNull(provider.getConverter(Long.class, Long.class, annotationsOf("n")));
    }

    /** Parameters as a resource declares them, for their annotations. */
    @SuppressWarnings("unused")
    private static void declared(@QueryParam("page") Integer page, @QueryParam("size") int size,
            @QueryParam("since") OffsetDateTime since, @QueryParam("gene") String gene, @QueryParam("n") Long n,
            @PathParam("id") Integer id) {}

    /** The annotations of {@link #declared}'s parameter {@code name}. */
    private static Annotation[] annotationsOf(String name) {
        try {
            Method declared = QueryParametersTest.class.getDeclaredMethod("declared", Integer.class, int.class,
                    OffsetDateTime.class, String.class, Long.class, Integer.class);
            for (Parameter parameter : declared.getParameters()) {
                if (parameter.getName().equals(name)) {
                    return parameter.getAnnotations();
                }
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(name);
    }
}
