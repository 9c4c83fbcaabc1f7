package org.thyronco.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
 * A curator changes the knowledge through the gateway and publishes a release: evidence-service announces
 * it on Kafka, therapy-service re-ranks the stored profiles and says, for exactly the affected ones, what
 * changed; the previous answer stays available pinned to the previous release.
 */
@ExtendWith(SuiteExtension.class)
class ReleaseFlowIT {

    static final String RETIRED = "EV-RET-FUSION-THYROID-PRALSETINIB";
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aPublishedReleaseReRanksOnlyTheAffectedProfilesAndThePreviousAnswerStaysPinnable() throws Exception {
        String lab = SuiteExtension.suite().issuer().token("rel-lab", List.of("lab"), "LAB-REL", 600);
        String clinician = SuiteExtension.suite().issuer().token("rel-dr", List.of("clinician"), null, 600);
        String curator = SuiteExtension.suite().issuer().token("rel-curator", List.of("curator"), null, 600);
        String ret = "REL-RET-" + System.nanoTime();
        String braf = "REL-BRAF-" + System.nanoTime();
        submit(lab, ret, "THPA", Map.of("type", "FUSION", "fusion", "CCDC6::RET"));
        submit(lab, braf, "THAP", Map.of("type", "VARIANT", "gene", "BRAF", "variant", "V600E"));
        for (String c : List.of(ret, braf)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().baseUri(SuiteExtension.gateway()).auth().oauth2(clinician)
                            .get("/api/v1/cases/{id}/recommendations", c).then().statusCode(200));
        }
        String previous = given().baseUri(SuiteExtension.gateway()).auth().oauth2(clinician)
                .get("/api/v1/cases/{id}/recommendations", ret).then().statusCode(200)
                .body("recommendations.recommendations.therapyId", hasItem("pralsetinib"))
                .extract().path("release");

        // Only a curator may change the knowledge.
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(lab).post("/api/v1/curation/drafts/{id}/retire", RETIRED)
                .then().statusCode(403).contentType("application/problem+json");

        try (KafkaCompanion kafka = new KafkaCompanion(SuiteExtension.infra().kafkaBootstrapServers())) {
            ConsumerTask<String, String> events = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("release-flow-" + System.nanoTime()).fromTopics("therapy.recommendations.v1");

            given().baseUri(SuiteExtension.gateway()).auth().oauth2(curator)
                    .post("/api/v1/curation/drafts/{id}/retire", RETIRED).then().statusCode(200);
            given().baseUri(SuiteExtension.gateway()).auth().oauth2(curator).get("/api/v1/curation/drafts")
                    .then().statusCode(200).body("id", hasItem(RETIRED));
            given().baseUri(SuiteExtension.gateway()).auth().oauth2(curator).post("/api/v1/curation/validate")
                    .then().statusCode(200).body("valid", equalTo(true));
            String version = next(previous);
            given().baseUri(SuiteExtension.gateway()).auth().oauth2(curator).contentType(ContentType.JSON)
                    .body(Map.of("version", version, "notes", List.of("system test: retire the pralsetinib RET-fusion item")))
                    .post("/api/v1/curation/releases")
                    .then().statusCode(201).body("version", equalTo(version)).body("diff.retired", hasItem(RETIRED));
            given().baseUri(SuiteExtension.gateway()).auth().oauth2(clinician).get("/api/v1/releases/{v}", version)
                    .then().statusCode(200).body("diff.retired", hasItem(RETIRED));

            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    events.getRecords().stream().anyMatch(r -> ret.equals(r.key())
                            && r.value().contains("RecommendationsChanged")));
            Thread.sleep(2000); // a wrongly announced change for the BRAF case would arrive right behind
            JsonNode changed = json.readTree(events.getRecords().stream()
                    .filter(r -> ret.equals(r.key()) && r.value().contains("RecommendationsChanged"))
                    .findFirst().orElseThrow().value());
            assertThat(changed.path("payload").path("release").asText()).isEqualTo(version);
            assertThat(changed.path("payload").path("removed").toString()).contains("pralsetinib");
            assertThat(events.getRecords().stream().filter(r -> braf.equals(r.key())
                    && r.value().contains("RecommendationsChanged"))).isEmpty();
            events.stop();
        }

        given().baseUri(SuiteExtension.gateway()).auth().oauth2(clinician)
                .get("/api/v1/cases/{id}/recommendations", ret).then().statusCode(200)
                .body("release", equalTo(next(previous)))
                .body("recommendations.recommendations.therapyId", not(hasItem("pralsetinib")))
                .body("recommendations.recommendations.therapyId", hasItem("selpercatinib"));
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(clinician).queryParam("release", previous)
                .get("/api/v1/cases/{id}/recommendations", ret).then().statusCode(200)
                .body("release", equalTo(previous))
                .body("recommendations.recommendations.therapyId", hasItem("pralsetinib"));
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(clinician)
                .get("/api/v1/cases/{id}/recommendations/history", ret).then().statusCode(200)
                .body("release", hasItem(previous)).body("release", hasItem(next(previous)));
    }

    private static void submit(String token, String caseId, String diagnosis, Map<String, Object> finding) {
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "context", Map.of("diagnosis", diagnosis)))
                .post("/api/v1/cases").then().statusCode(201);
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("findings", List.of(finding)))
                .post("/api/v1/cases/{id}/profiles", caseId).then().statusCode(201);
    }

    /** The next patch version after the given release: year.minor.patch. */
    private static String next(String release) {
        String[] p = release.split("\\.");
        return p[0] + "." + p[1] + "." + (Integer.parseInt(p[2]) + 1);
    }
}
