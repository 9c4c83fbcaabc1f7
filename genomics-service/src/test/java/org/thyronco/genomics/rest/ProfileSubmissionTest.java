package org.thyronco.genomics.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.thyronco.infra.EmbeddedInfra;
import org.thyronco.infra.EmbeddedInfraResource;
import org.thyronco.infra.InjectInfra;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
class ProfileSubmissionTest {

    @InjectInfra
    EmbeddedInfra infra;

    final ObjectMapper json = new ObjectMapper();

    String newCase() {
        String id = "CASE-P-" + System.nanoTime();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON).body(Fixtures.anaplasticCase(id))
                .when().post("/cases").then().statusCode(201);
        return id;
    }

    @Test
    void everyCommonSpellingIsStoredInOneCanonicalFormWithTheRawInputBesideIt() {
        String id = newCase();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("BRAF", "V600E"), Fixtures.variant("BRAF", "p.Val600Glu"),
                        Fixtures.variant(null, "NP_004324.2:p.Val600Glu"),
                        java.util.Map.of("type", "FUSION", "fusion", "CCDC6-RET")))
                .when().post("/cases/{id}/profiles", id)
                .then().statusCode(201)
                .body("version", equalTo(1))
                .body("findings.proteinChange", hasItem("p.V600E"))
                .body("findings.findAll { it.type == 'VARIANT' }.proteinChange", org.hamcrest.Matchers.everyItem(
                        equalTo("p.V600E")))
                .body("findings.find { it.type == 'FUSION' }.fusion", equalTo("CCDC6::RET"))
                .body("findings[1].raw", org.hamcrest.Matchers.containsString("Val600Glu"))
                .body("findings.ref", hasItem("F1"));
    }

    @Test
    void whatIsReadBackFromTheDatabaseIsExactlyWhatWasAnsweredAtSubmission() throws Exception {
        String id = newCase();
        java.util.Map<String, Object> tmb = java.util.Map.of("type", "TMB", "tmb", 12.5);
        java.util.Map<String, Object> msi = java.util.Map.of("type", "MSI", "msi", "MSI-H");
        java.util.Map<String, Object> pdl1 = java.util.Map.of("type", "PD_L1", "pdl1Score", "TPS", "pdl1Value", 55.0,
                "assay", "22C3");
        java.util.Map<String, Object> cna = java.util.Map.of("type", "COPY_NUMBER", "gene", "CDKN2A",
                "copyNumber", "deletion");
        java.util.Map<String, Object> genomic = java.util.Map.of("type", "VARIANT", "genomic", "7:140753336:A:T",
                "build", "GRCh38");
        String answered = given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("BRAF", "p.Val600Glu"), genomic,
                        java.util.Map.of("type", "FUSION", "fusion", "CCDC6--RET"), cna, tmb, msi, pdl1,
                        Fixtures.variant("TERT", "c.-124C>T")))
                .when().post("/cases/{id}/profiles", id)
                .then().statusCode(201).extract().asString();
        JsonNode submitted = json.readTree(answered);
        String stored = given().header("X-Lab-Id", "LAB-1").get("/profiles/{p}", submitted.path("id").asText())
                .then().statusCode(200).extract().asString();
        // Every column (texts, numbers, absent values, location and warning lists) survives the bulk insert.
        assertThat(json.readTree(stored).path("findings")).isEqualTo(submitted.path("findings"));
        assertThat(submitted.path("findings")).hasSize(8);
        assertThat(submitted.path("findings").get(4).path("tmb").asDouble()).isEqualTo(12.5);
        assertThat(submitted.path("findings").get(1).path("locations")).isNotEmpty();
    }

    @Test
    void oneBadFindingRejectsTheWholeProfileAndNamesIt() {
        String id = newCase();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("BRAF", "V600E"), Fixtures.variant("BRAF", "p.V600Z"),
                        Fixtures.variant("NOTAGENE", "V600E")))
                .when().post("/cases/{id}/profiles", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("/findings/1/")))
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("/findings/2/")));
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameProfileAndNoDuplicate() {
        String id = newCase();
        String first = given().header("X-Lab-Id", "LAB-1").header("Idempotency-Key", "k-" + id)
                .contentType(ContentType.JSON).body(Fixtures.profile(Fixtures.variant("BRAF", "V600E")))
                .when().post("/cases/{id}/profiles", id).then().statusCode(201).extract().path("id");
        String again = given().header("X-Lab-Id", "LAB-1").header("Idempotency-Key", "k-" + id)
                .contentType(ContentType.JSON).body(Fixtures.profile(Fixtures.variant("BRAF", "V600E")))
                .when().post("/cases/{id}/profiles", id).then().statusCode(200).extract().path("id");
        assertThat(again).isEqualTo(first);
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then().body("$", hasSize(1));
        given().header("X-Lab-Id", "LAB-1").header("Idempotency-Key", "k-" + id).contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("RET", "M918T")))
                .when().post("/cases/{id}/profiles", id).then().statusCode(409);
    }

    @Test
    void aStoredProfileIsAnnouncedOnKafkaEvenWhenTheBrokerWasDownAtTheTime() throws Exception {
        String id = newCase();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap())) {
            infra.stopKafka();
            try {
                given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                        .body(Fixtures.profile(Fixtures.variant("BRAF", "V600E")))
                        .when().post("/cases/{id}/profiles", id).then().statusCode(201);
            } finally {
                infra.startKafka();
            }
            ConsumerTask<String, String> events = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("test-" + id)
                    .fromTopics("genomics.profiles.v1");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    events.getRecords().stream().anyMatch(r -> id.equals(r.key())));
            Thread.sleep(2000); // a duplicate would arrive right behind the first copy
            List<JsonNode> mine = events.getRecords().stream().filter(r -> id.equals(r.key()))
                    .map(r -> read(r.value())).toList();
            events.stop();
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).path("type").asText()).isEqualTo("ProfileSubmitted");
            assertThat(mine.get(0).path("payload").path("findings").get(0).path("proteinChange").asText())
                    .isEqualTo("p.V600E");
            assertThat(mine.get(0).path("payload").path("context").path("diagnosis").asText()).isEqualTo("THAP");
        }
    }

    @Test
    void anEventKafkaCanNeverAcceptIsParkedAndDoesNotBlockTheOnesBehindIt() throws Exception {
        String big = newCase();
        String small = newCase();
        List<java.util.Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            many.add(Fixtures.variant("BRAF", "V600E"));
        }
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(java.util.Map.of("findings", many)) // its event exceeds the (test) producer limit
                .when().post("/cases/{id}/profiles", big).then().statusCode(201);
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("BRAF", "V600E")))
                .when().post("/cases/{id}/profiles", small).then().statusCode(201);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap())) {
            ConsumerTask<String, String> events = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).withGroupId("test-" + small)
                    .fromTopics("genomics.profiles.v1");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    events.getRecords().stream().anyMatch(r -> small.equals(r.key())));
            assertThat(events.getRecords().stream().filter(r -> big.equals(r.key()))).isEmpty();
            events.stop();
        }
    }

    @Test
    void aSecondProfileIsAnAmendment() {
        String id = newCase();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("BRAF", "V600E")))
                .when().post("/cases/{id}/profiles", id).then().statusCode(201).body("version", equalTo(1));
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("BRAF", "V600E"), Fixtures.variant("PIK3CA", "H1047R")))
                .when().post("/cases/{id}/profiles", id).then().statusCode(201).body("version", equalTo(2));
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles/latest", id).then().statusCode(200)
                .body("findings", hasSize(2));
    }

    @Test
    void profilesSubmittedToOneCaseAtTheSameTimeAreAllStoredEachWithItsOwnVersion() throws Exception {
        String id = newCase();
        List<Integer> statuses = atOnce(6, i -> given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("BRAF", "V600E")))
                .when().post("/cases/{id}/profiles", id).then().extract().statusCode());
        assertThat(statuses).containsOnly(201);
        List<Integer> versions = given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then()
                .statusCode(200).extract().path("version");
        assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void oneIdempotencyKeySentSeveralTimesAtOnceStoresOneProfile() throws Exception {
        String id = newCase();
        List<String> answers = atOnce(4, i -> {
            var r = given().header("X-Lab-Id", "LAB-1").header("Idempotency-Key", "burst-" + id)
                    .contentType(ContentType.JSON).body(Fixtures.profile(Fixtures.variant("BRAF", "V600E")))
                    .when().post("/cases/{id}/profiles", id).then().extract();
            return r.statusCode() + " " + r.path("id");
        });
        assertThat(answers.stream().filter(a -> a.startsWith("201 "))).hasSize(1);
        assertThat(answers.stream().filter(a -> a.startsWith("200 "))).hasSize(3);
        assertThat(answers.stream().map(a -> a.substring(4)).distinct()).hasSize(1);
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then().body("$", hasSize(1));
    }

    /** Runs {@code n} calls released together, answers in call order. */
    private static <T> List<T> atOnce(int n, IntFunction<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int which = i;
                calls.add(threads.submit(() -> {
                    go.await();
                    return call.apply(which);
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> c : calls) {
                out.add(c.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            threads.shutdownNow();
        }
    }

    private JsonNode read(String s) {
        try {
            return json.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
