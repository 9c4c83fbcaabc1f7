package org.thyronco.gateway.config;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the published contract of every /api operation in one place: success responses carry a JSON
 * body (so generated SDKs return it), and every operation documents the problem+json errors the gateway
 * gives (400, 401, 403, 404, 422, 429, 503) against one shared Problem schema.
 */
public class OpenApiContract implements OASFilter {

    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid input; errors[] names each bad field",
            "401", "Missing, expired or invalid bearer token",
            "403", "The caller's role does not allow this operation",
            "404", "Not found (or not visible to the caller's lab)",
            "422", "Well-formed but refused; errors[] names each bad field or line",
            "429", "Rate limit exceeded; see Retry-After",
            "503", "A downstream service is unavailable; see Retry-After");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problem);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, op) -> complete(method, op));
            }
        });
    }

    private static void complete(PathItem.HttpMethod method, Operation op) {
        if (op.getDescription() == null && op.getSummary() != null) {
            op.setDescription(op.getSummary() + ".");
        }
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        var responses = op.getResponses();
        APIResponse ok = responses.getAPIResponse("200");
        if (ok == null) {
            ok = OASFactory.createAPIResponse().description("OK");
            responses.addAPIResponse(method == PathItem.HttpMethod.POST ? "201" : "200", ok);
        }
        if (ok.getContent() != null) {
            ok.getContent().getMediaTypes().forEach((type, media) -> {
                if (media.getSchema() == null) {
                    media.setSchema(type.startsWith("text/") ? OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT));
                }
            });
        }
        if (ok.getContent() == null || ok.getContent().getMediaTypes().isEmpty()) {
            String type = op.getOperationId() != null && op.getOperationId().endsWith("Html") ? "text/html"
                    : op.getOperationId() != null && op.getOperationId().endsWith("Fhir") ? "application/fhir+json"
                    : "application/json";
            Schema body = "text/html".equals(type) ? OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
            Content content = OASFactory.createContent().addMediaType(type, OASFactory.createMediaType().schema(body));
            ok.setContent(content);
        }
        ERRORS.forEach((code, description) -> {
            APIResponse error = responses.getAPIResponse(code);
            if (error == null) {
                error = OASFactory.createAPIResponse().description(description);
                responses.addAPIResponse(code, error);
            }
            if (error.getContent() == null || error.getContent().getMediaTypes().isEmpty()) {
                error.setContent(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema()
                                .ref("#/components/schemas/Problem"))));
            }
        });
    }
}
