package org.thyronco.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.thyronco.gateway.security.RequestFilters;

/** Sends the caller's correlation id and identity (subject) to every downstream service. */
@ApplicationScoped
public class CorrelationHeaders implements ClientHeadersFactory {

    @jakarta.inject.Inject
    org.thyronco.gateway.security.Caller caller;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String id = incoming.getFirst(RequestFilters.CORRELATION_HEADER);
        if (id != null) {
            headers.putSingle(RequestFilters.CORRELATION_HEADER, id);
        }
        headers.putSingle("X-Caller", caller.subject());
        return headers;
    }
}
