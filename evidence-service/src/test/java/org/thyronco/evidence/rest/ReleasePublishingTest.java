package org.thyronco.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.thyronco.infra.EmbeddedInfraResource;

/** Curate, publish, and see the release on the real broker; pinned requests keep their old answers. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
class ReleasePublishingTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aPublishedReleaseReachesKafkaWithItsDiffAndPinningKeepsThePreviousAnswer() throws Exception {
        String previous = given().get("/releases/latest").then().statusCode(200).extract().path("version");
        Map<String, Object> item = given().get("/evidence/{id}", ntrkItemId()).then().statusCode(200)
                .extract().path("item");
        String itemId = (String) item.get("id");
        String oldSummary = (String) item.get("summary");
        item.put("summary", "Curator edit in a test: " + oldSummary);

        given().contentType(ContentType.JSON).body(item).when().put("/curation/drafts/{id}", itemId)
                .then().statusCode(200).body("id", equalTo(itemId));
        given().when().post("/curation/validate").then().statusCode(200).body("valid", equalTo(true));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap())) {
            ConsumerTask<String, String> releases = kafka.consumeStrings()
                    .withOffsetReset(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST)
                    .fromTopics("knowledge.releases.v1");
            given().contentType(ContentType.JSON)
                    .body(Map.of("version", "2099.1.1", "notes", java.util.List.of("test edit")))
                    .when().post("/curation/releases")
                    .then().statusCode(201).body("version", equalTo("2099.1.1"))
                    .body("diff.changed", hasItem(itemId));

            releases.awaitRecords(2, Duration.ofSeconds(30));
            ConsumerRecord<String, String> published = releases.getRecords().stream()
                    .filter(r -> "2099.1.1".equals(r.key())).findFirst().orElseThrow();
            JsonNode event = json.readTree(published.value());
            assertThat(event.path("type").asText()).isEqualTo("KnowledgeReleased");
            assertThat(event.path("payload").path("diff").path("changed").toString()).contains(itemId);
            releases.stop();
        }

        given().get("/evidence/{id}", itemId).then().statusCode(200)
                .body("release", equalTo("2099.1.1")).body("item.summary", equalTo(item.get("summary")));
        given().queryParam("release", previous).get("/evidence/{id}", itemId).then().statusCode(200)
                .body("release", equalTo(previous)).body("item.summary", equalTo(oldSummary));
    }

    @Test
    void anItemWithoutASourceIsRefusedAndNotDrafted() {
        Map<String, Object> item = given().get("/evidence/{id}", ntrkItemId()).then().extract().path("item");
        item.put("id", "EV-TEST-NO-SOURCE");
        item.put("sources", java.util.List.of());
        given().contentType(ContentType.JSON).body(item).when().put("/curation/drafts/EV-TEST-NO-SOURCE")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/sources"));
        given().get("/curation/drafts").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem("EV-TEST-NO-SOURCE")));
    }

    @Test
    void aPublishedVersionIsImmutable() {
        String latest = given().get("/releases/latest").then().extract().path("version");
        Map<String, Object> item = given().get("/evidence/{id}", ntrkItemId()).then().extract().path("item");
        item.put("id", "EV-TEST-IMMUTABLE");
        given().contentType(ContentType.JSON).body(item).when().put("/curation/drafts/EV-TEST-IMMUTABLE")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("version", latest, "notes", java.util.List.of("again")))
                .when().post("/curation/releases")
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/releases/latest").then().body("version", equalTo(latest));
        given().when().delete("/curation/drafts/EV-TEST-IMMUTABLE").then().statusCode(204);
    }

    private static String ntrkItemId() {
        return given().queryParam("gene", "NTRK1").queryParam("therapy", "larotrectinib").get("/evidence")
                .then().statusCode(200).extract().path("items[0].id");
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
