package org.thyronco.therapy.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.quarkus.vertx.utils.NoBoundChecksBuffer;
import io.vertx.core.buffer.impl.VertxByteBufAllocator;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerHttpRequest;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.thyronco.therapy.engine.Result;

/**
 * Writes a recommendation set (about 20 KB) as one buffer with a Content-Length. The default JSON writer streams it
 * through an 8 KB buffer as three chunks, which cost a fifth of the CPU of a synchronous match; raising that buffer for
 * the whole service would instead make every small answer allocate the larger buffer. Same JSON, same mapper.
 *
 * <p>The JSON goes straight into the pooled network buffer the answer is sent from: written into a byte array first, it
 * was copied twice more (array builder, then network buffer) and left 40 KB of garbage per answer.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationSetWriter implements ServerMessageBodyWriter<Result.RecommendationSet> {

    /** A BRAF V600E anaplastic carcinoma answer is about 20 KB; the buffer grows past this when needed. */
    private static final int INITIAL_BYTES = 32 * 1024;

    private final ObjectWriter writer;

    @Inject
    public RecommendationSetWriter(ObjectMapper json) {
        this.writer = json.writerFor(Result.RecommendationSet.class);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return handles(type);
    }

    @Override
    public void writeResponse(Result.RecommendationSet set, Type genericType, ServerRequestContext context)
            throws IOException {
        // On Quarkus REST's Vert.x transport the response is also the request, which unwraps to Vert.x's response.
        HttpServerResponse response = context.serverResponse() instanceof ServerHttpRequest http
                ? http.unwrap(HttpServerResponse.class) : null;
        if (response == null) {
            context.serverResponse().end(writer.writeValueAsBytes(set));
            return;
        }
        ByteBuf body = VertxByteBufAllocator.POOLED_ALLOCATOR.directBuffer(INITIAL_BYTES);
        try (OutputStream out = new ByteBufOutputStream(body)) {
            writer.writeValue(out, set);
        } catch (IOException | RuntimeException e) {
            body.release();
            throw e;
        }
        // As Quarkus REST's own end(byte[]) does: this Buffer hands Netty the pooled buffer itself, which Netty releases
        // once written (Buffer.buffer(ByteBuf) would hand over a duplicate and leak the pooled memory).
        response.end(new NoBoundChecksBuffer(body));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type);
    }

    @Override
    public void writeTo(Result.RecommendationSet set, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(writer.writeValueAsBytes(set));
    }

    private static boolean handles(Class<?> type) {
        return Result.RecommendationSet.class.equals(type);
    }
}
