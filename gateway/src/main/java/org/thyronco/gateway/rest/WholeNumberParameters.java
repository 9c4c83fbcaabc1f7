package org.thyronco.gateway.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads whole-number query parameters (page, size) so that a value that is not one is answered 400 problem+json naming
 * the parameter. Jakarta REST requires any other failure to convert a query parameter to become a bare 404 Not Found,
 * which tells a client that the address does not exist rather than what was wrong with its request. The value itself
 * is not echoed back: it may be anything a client, or an attacker, sent.
 */
@Provider
public class WholeNumberParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Integer.class && rawType != int.class) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return (ParamConverter<T>) new WholeNumber(query.value());
            }
        }
        return null;
    }

    private record WholeNumber(String parameter) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new BadRequestException("query parameter '" + parameter + "' must be a whole number between "
                        + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            }
        }

        @Override
        public String toString(Integer value) {
            return value.toString();
        }
    }
}
