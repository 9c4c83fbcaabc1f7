package org.thyronco.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The main flow across real processes and the real broker: a lab registers a case and submits findings at
 * the gateway; genomics-service stores and announces the profile on Kafka; therapy-service consumes it,
 * matches it against the knowledge evidence-service published over Kafka, and announces the set.
 */
@ExtendWith(SuiteExtension.class)
class MainFlowIT {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aSubmittedProfileReachesTherapyServiceOverKafkaAndComesBackRanked() throws Exception {
        String lab = SuiteExtension.suite().issuer().token("lab-user", List.of("lab"), "LAB-E2E", 600);
        String clinician = SuiteExtension.suite().issuer().token("clinician-user", List.of("clinician"), null, 600);
        String caseId = "E2E-V01-" + System.nanoTime();

        try (KafkaCompanion kafka = new KafkaCompanion(SuiteExtension.infra().kafkaBootstrapServers())) {
            ConsumerTask<String, String> issued = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("system-test-" + System.nanoTime())
                    .fromTopics("therapy.recommendations.v1");

            given().baseUri(SuiteExtension.gateway()).auth().oauth2(lab).contentType(ContentType.JSON)
                    .body(Map.of("caseId", caseId, "context", Map.of("diagnosis", "THAP", "stage", "IVC",
                            "priorTherapies", List.of())))
                    .when().post("/api/v1/cases")
                    .then().statusCode(201).header("Location", "/api/v1/cases/" + caseId);

            given().baseUri(SuiteExtension.gateway()).auth().oauth2(lab).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "e2e-" + caseId)
                    .body(Map.of("findings", List.of(Map.of("type", "VARIANT", "gene", "BRAF", "variant", "p.V600E"))))
                    .when().post("/api/v1/cases/{id}/profiles", caseId)
                    .then().statusCode(201).body("findings[0].proteinChange", equalTo("p.V600E"));

            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().baseUri(SuiteExtension.gateway()).auth().oauth2(clinician)
                            .when().get("/api/v1/cases/{id}/recommendations", caseId)
                            .then().statusCode(200)
                            .body("recommendations.recommendations[0].therapyId", equalTo("dabrafenib+trametinib"))
                            .body("recommendations.recommendations[0].level", equalTo("1"))
                            .body("release", notNullValue()));

            issued.awaitRecords(1, Duration.ofSeconds(30));
            JsonNode event = issued.getRecords().stream().filter(r -> caseId.equals(r.key()))
                    .map(r -> read(r.value())).findFirst().orElseThrow();
            assertThat(event.path("type").asText()).isEqualTo("RecommendationsIssued");
            assertThat(event.path("payload").path("recommendations").get(0).path("therapyId").asText())
                    .isEqualTo("dabrafenib+trametinib");
            issued.stop();
        }
    }

    @Test
    void anotherLabCannotSeeTheCase() {
        String labA = SuiteExtension.suite().issuer().token("a", List.of("lab"), "LAB-A", 600);
        String labB = SuiteExtension.suite().issuer().token("b", List.of("lab"), "LAB-B", 600);
        String caseId = "E2E-BOLA-" + System.nanoTime();
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(labA).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "context", Map.of("diagnosis", "THPA")))
                .when().post("/api/v1/cases").then().statusCode(201);
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(labB).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(404).contentType("application/problem+json");
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(labA).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200);
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
