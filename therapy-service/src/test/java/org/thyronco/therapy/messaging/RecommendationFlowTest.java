package org.thyronco.therapy.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thyronco.infra.EmbeddedInfraResource;

/**
 * therapy-service across the real broker: it builds its index from knowledge records published the way
 * evidence-service publishes them (the real curated files), consumes profile events in genomics-service's
 * JSON shape, stores and announces recommendation sets, dead-letters poison, ignores redeliveries, and
 * re-ranks exactly the affected profiles when a new release arrives.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
class RecommendationFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final File KNOWLEDGE = new File("../evidence-service/src/main/resources/knowledge");
    static String release = "2026.11.0";
    static List<JsonNode> items;

    static KafkaCompanion kafka() {
        return new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static boolean published;

    /** Once per run, after Quarkus is up (a static @BeforeAll would run before the HTTP port is known). */
    @BeforeEach
    void publishTheCuratedKnowledge() throws Exception {
        if (published) {
            return;
        }
        published = true;
        items = new ArrayList<>();
        for (JsonNode file : YAML.readTree(new File(KNOWLEDGE, "release.yaml")).path("evidence")) {
            YAML.readTree(new File(KNOWLEDGE, "evidence/" + file.asText())).forEach(items::add);
        }
        try (KafkaCompanion kafka = kafka()) {
            // As evidence-service (or Strimzi) declares it: one partition, compacted. If the consumer's startup
            // got there first, the release marker may overtake content; therapy-service must cope either way.
            if (!kafka.topics().list().contains("knowledge.items.v1")) {
                kafka.topics().create(List.of(new org.apache.kafka.clients.admin.NewTopic("knowledge.items.v1", 1,
                        (short) 1).configs(java.util.Map.of("cleanup.policy", "compact"))));
            }
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (JsonNode s : YAML.readTree(new File(KNOWLEDGE, "sources.yaml"))) {
                records.add(content("source", s));
            }
            for (JsonNode t : YAML.readTree(new File(KNOWLEDGE, "therapies.yaml"))) {
                records.add(content("therapy", t));
            }
            // Items arrive in the reverse of the order the release lists them: the index must follow the release.
            List<JsonNode> arrival = new ArrayList<>(items);
            java.util.Collections.reverse(arrival);
            arrival.forEach(i -> records.add(content("item", i)));
            records.add(marker(release, items));
            kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .contentType("application/json").body(matchRequest("THAP", variant("BRAF", "p.V600E")))
                .post("/match").then().statusCode(200).body("knowledgeRelease", equalTo(release)));
    }

    @Test
    void aSynchronousMatchIsOneJsonBodyWithItsLength() {
        var answer = given().contentType("application/json").body(matchRequest("THAP", variant("BRAF", "p.V600E")))
                .post("/match").then().statusCode(200).extract();
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("Transfer-Encoding")).isNull();
        assertThat(Integer.parseInt(answer.header("Content-Length"))).isEqualTo(answer.asByteArray().length);
        assertThat(answer.jsonPath().getString("recommendations[0].therapyId")).isEqualTo("dabrafenib+trametinib");
        assertThat(answer.jsonPath().getList("recommendations[0].outcomes")).isNotEmpty();
        assertThat(answer.jsonPath().getString("recommendations[0].citations[0].sourceId")).isNotBlank();
    }

    @Test
    void aTimeThatIsNoTimeIsRefusedByName() {
        given().header("X-Lab-Id", "LAB-1").queryParam("since", "2026-13-45T09:00:00Z")
                .get("/recommendations/changes").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'since'"));
    }

    @Test
    void theBenchmarkAnchorsAnswerTrivially() throws Exception {
        given().get("/match/ping").then().statusCode(200).body("status", equalTo("ok"));

        var padded = given().queryParam("bytes", 20_153).get("/match/ping/padded").then().statusCode(200).extract();
        assertThat(padded.contentType()).startsWith("application/json");
        assertThat(padded.asByteArray()).hasSize(20_153);
        JsonNode body = JSON.readTree(padded.asByteArray());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("padding").asText()).matches("x+");

        for (String bytes : List.of("29", "1048577", "many")) {
            var refused = given().queryParam("bytes", bytes).get("/match/ping/padded").then().statusCode(400).extract();
            assertThat(refused.contentType()).as(bytes).startsWith("application/problem+json");
            assertThat(refused.asString()).as(bytes).contains("bytes");
        }
    }

    @Test
    void theServiceAnswersWhatTheCuratedReleaseAnswersWhateverOrderItsContentArrivedIn() throws Exception {
        ObjectNode request = matchRequest("THAP", variant("BRAF", "p.V600E"));
        JsonNode served = JSON.readTree(given().contentType("application/json").body(request).post("/match").then()
                .statusCode(200).extract().asString());
        var expected = new org.thyronco.therapy.engine.TherapyMatcher().match(
                JSON.treeToValue(request.path("context"), org.thyronco.therapy.engine.Profile.Context.class),
                List.of(JSON.treeToValue(request.path("findings").get(0), org.thyronco.therapy.engine.Profile.Finding.class)),
                org.thyronco.therapy.engine.KnowledgeFiles.load());
        JsonNode curated = JSON.valueToTree(expected);
        assertThat(served.path("supportiveCare").size()).isGreaterThan(1);
        for (String part : List.of("recommendations", "prognostic", "supportiveCare", "suppressed")) {
            assertThat(served.path(part)).as(part).isEqualTo(curated.path(part));
        }
    }

    static ProducerRecord<String, String> content(String kind, JsonNode body) {
        ObjectNode payload = JSON.createObjectNode().put("release", release).put("kind", kind);
        payload.set("body", body);
        return new ProducerRecord<>("knowledge.items.v1", kind + ":" + body.path("id").asText(),
                envelope("KnowledgeContentUpserted", payload));
    }

    static ProducerRecord<String, String> marker(String version, List<JsonNode> releaseItems) {
        ObjectNode payload = JSON.createObjectNode().put("release", version);
        ArrayNode ids = payload.putArray("items");
        releaseItems.forEach(i -> ids.add(i.path("id").asText()));
        payload.putObject("diff");
        return new ProducerRecord<>("knowledge.items.v1", "release:current",
                envelope("KnowledgeReleaseCompleted", payload));
    }

    static String envelope(String type, JsonNode payload) {
        ObjectNode e = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("type", type)
                .put("version", 1).put("occurredAt", "2026-11-23T00:00:00Z");
        e.set("payload", payload);
        return e.toString();
    }

    static ObjectNode variant(String gene, String protein) {
        return JSON.createObjectNode().put("ref", "F1").put("type", "VARIANT").put("gene", gene)
                .put("proteinChange", protein).put("variantClass", "MISSENSE");
    }

    static ObjectNode matchRequest(String diagnosis, ObjectNode... findings) {
        ObjectNode r = JSON.createObjectNode();
        r.putObject("context").put("diagnosis", diagnosis).putArray("priorTherapies");
        ArrayNode f = r.putArray("findings");
        for (ObjectNode n : findings) {
            f.add(n);
        }
        return r;
    }

    /** A ProfileSubmitted event exactly as genomics-service writes it. */
    static String profileEvent(UUID eventId, String caseId, int version, String diagnosis, ObjectNode finding) {
        ObjectNode payload = JSON.createObjectNode().put("caseId", caseId)
                .put("profileId", UUID.nameUUIDFromBytes((caseId + version).getBytes()).toString())
                .put("profileVersion", version).put("labId", "LAB-1");
        payload.putObject("context").put("diagnosis", diagnosis).putArray("priorTherapies");
        payload.putArray("findings").add(finding.put("raw", "BRAF V600E").set("warnings", JSON.createArrayNode()));
        ObjectNode e = JSON.createObjectNode().put("id", eventId.toString())
                .put("type", version == 1 ? "ProfileSubmitted" : "ProfileAmended").put("version", 1)
                .put("occurredAt", "2026-11-23T00:00:00Z");
        e.set("payload", payload);
        return e.toString();
    }

    @Test
    void aProfileEventBecomesAStoredSetAndARecommendationsIssuedEvent() throws Exception {
        String caseId = "T-FLOW-" + System.nanoTime();
        try (KafkaCompanion kafka = kafka()) {
            ConsumerTask<String, String> issued = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("t-" + caseId).fromTopics("therapy.recommendations.v1");
            UUID eventId = UUID.randomUUID();
            String event = profileEvent(eventId, caseId, 1, "THAP", variant("BRAF", "p.V600E"));
            kafka.produceStrings().fromRecords(new ProducerRecord<>("genomics.profiles.v1", caseId, event),
                    // The same event again, as a redelivery would bring it: no second set, no second event.
                    new ProducerRecord<>("genomics.profiles.v1", caseId, event)).awaitCompletion();

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .get("/cases/{id}/recommendations", caseId).then().statusCode(200)
                    .body("release", equalTo(release))
                    .body("recommendations.recommendations[0].therapyId", equalTo("dabrafenib+trametinib"))
                    .body("recommendations.recommendations[0].level", equalTo("1")));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> issued.getRecords().stream()
                    .anyMatch(r -> caseId.equals(r.key())));
            Thread.sleep(2000);
            assertThat(issued.getRecords().stream().filter(r -> caseId.equals(r.key()))).hasSize(1);
            issued.stop();
            given().get("/cases/{id}/recommendations/history", caseId).then().statusCode(200)
                    .body("size()", equalTo(1));
        }
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerKeepsGoing() {
        String caseId = "T-POISON-" + System.nanoTime();
        try (KafkaCompanion kafka = kafka()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>("genomics.profiles.v1", caseId, "{not json"))
                    .awaitCompletion();
            ConsumerTask<String, String> dlq = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("dlq-" + caseId).fromTopics("genomics.profiles.v1.dlq");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dlq.getRecords().stream()
                    .anyMatch(r -> caseId.equals(r.key())));
            var poisoned = dlq.getRecords().stream().filter(r -> caseId.equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(poisoned.headers().lastHeader("dead-letter-reason").value()))
                    .contains("not JSON");
            dlq.stop();
            String good = "T-AFTER-POISON-" + System.nanoTime();
            kafka.produceStrings().fromRecords(new ProducerRecord<>("genomics.profiles.v1", good,
                    profileEvent(UUID.randomUUID(), good, 1, "THAP", variant("BRAF", "p.V600E")))).awaitCompletion();
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aNewReleaseReRanksOnlyTheProfilesItChanges() throws Exception {
        String affected = "T-RR-RET-" + System.nanoTime();
        String unaffected = "T-RR-BRAF-" + System.nanoTime();
        try (KafkaCompanion kafka = kafka()) {
            ObjectNode ret = JSON.createObjectNode().put("ref", "F1").put("type", "FUSION").put("fusion", "CCDC6::RET")
                    .put("fivePrimeGene", "CCDC6").put("threePrimeGene", "RET").put("variantClass", "FUSION");
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>("genomics.profiles.v1", affected, profileEvent(UUID.randomUUID(), affected, 1,
                            "THPA", ret)),
                    new ProducerRecord<>("genomics.profiles.v1", unaffected, profileEvent(UUID.randomUUID(),
                            unaffected, 1, "THAP", variant("BRAF", "p.V600E")))).awaitCompletion();
            for (String c : List.of(affected, unaffected)) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                        .get("/cases/{id}/recommendations", c).then().statusCode(200));
            }
            ConsumerTask<String, String> events = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("rr-" + affected).fromTopics("therapy.recommendations.v1");

            // The next release retires the pralsetinib RET-fusion evidence: only the RET case changes.
            List<JsonNode> next = items.stream().filter(i -> !("pralsetinib".equals(i.path("therapy").asText())
                    && "fusion".equals(i.path("biomarker").path("kind").asText()))).toList();
            assertThat(next).hasSizeLessThan(items.size());
            String version = "2099.1.2";
            String previous = release;
            kafka.produceStrings().fromRecords(marker(version, next)).awaitCompletion();

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> events.getRecords().stream()
                    .anyMatch(r -> affected.equals(r.key()) && r.value().contains("RecommendationsChanged")));
            Thread.sleep(2000);
            JsonNode changed = JSON.readTree(events.getRecords().stream()
                    .filter(r -> affected.equals(r.key()) && r.value().contains("RecommendationsChanged"))
                    .findFirst().orElseThrow().value());
            assertThat(changed.path("payload").path("release").asText()).isEqualTo(version);
            assertThat(changed.path("payload").path("removed").toString()).contains("pralsetinib");
            assertThat(events.getRecords().stream().filter(r -> unaffected.equals(r.key())
                    && r.value().contains("RecommendationsChanged"))).isEmpty();
            events.stop();
            given().queryParam("release", previous).get("/cases/{id}/recommendations", affected).then()
                    .statusCode(200).body("release", equalTo(previous));
            release = version;
        }
    }
}
