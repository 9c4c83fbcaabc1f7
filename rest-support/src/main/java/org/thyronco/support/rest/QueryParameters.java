package org.thyronco.support.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Reads whole-number and date-time query parameters (page, size, since) so that a value that is not one is answered
 * 400 naming the parameter (problem+json, through each service's WebApplicationException mapping). Jakarta REST
 * requires any other failure to convert a query parameter to become a bare 404 Not Found, which tells a client that the
 * address does not exist rather than what was wrong with its request. The value itself is not echoed back: it may be
 * anything a client, or an attacker, sent.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameter(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Reading<>(name, Integer::valueOf, NumberFormatException.class,
                    "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) dateTime(name);
        }
        return null;
    }

    /**
     * {@code text} read as a date and time, or the same 400 naming {@code parameter}: for a parameter declared as text
     * (to keep its documented pattern) that is passed on as it came.
     */
    public static OffsetDateTime dateTime(String parameter, String text) {
        return dateTime(parameter).fromString(text);
    }

    private static Reading<OffsetDateTime> dateTime(String parameter) {
        return new Reading<>(parameter, OffsetDateTime::parse, DateTimeParseException.class,
                "a date and time in ISO 8601 with an offset, such as 2026-01-31T09:00:00Z");
    }

    private static String queryParameter(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    /** Reads one query parameter's text as {@code expected}, or refuses it as a bad request. */
    record Reading<V>(String parameter, Function<String, V> read, Class<? extends RuntimeException> unreadable,
            String expected) implements ParamConverter<V> {

        @Override
        public V fromString(String value) {
            try {
                return read.apply(value);
            } catch (RuntimeException e) {
                if (unreadable.isInstance(e)) {
                    throw new BadRequestException("query parameter '" + parameter + "' must be " + expected);
                }
                throw e;
            }
        }

        @Override
        public String toString(V value) {
            return value.toString();
        }
    }
}
