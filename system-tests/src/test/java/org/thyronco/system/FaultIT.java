package org.thyronco.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.thyronco.infra.SuiteLauncher;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults under a steady stream of submissions through the gateway: every accepted profile gets exactly one
 * RecommendationsIssued and one stored set — nothing lost, nothing duplicated.
 */
@ExtendWith(SuiteExtension.class)
class FaultIT {

    String lab() {
        return SuiteExtension.suite().issuer().token("fault-lab", List.of("lab"), "LAB-FAULT", 3600);
    }

    String submit(String prefix, int i) {
        String caseId = prefix + "-" + i + "-" + System.nanoTime();
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(lab()).contentType("application/json")
                .body(Map.of("caseId", caseId, "context", Map.of("diagnosis", "THAP")))
                .post("/api/v1/cases").then().statusCode(201);
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(lab()).contentType("application/json")
                .body(Map.of("findings", List.of(Map.of("type", "VARIANT", "gene", "BRAF", "variant", "V600E"))))
                .post("/api/v1/cases/{id}/profiles", caseId).then().statusCode(201);
        return caseId;
    }

    void assertExactlyOnce(List<String> cases, ConsumerTask<String, String> issued) throws InterruptedException {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                issued.getRecords().stream().map(r -> r.key()).collect(Collectors.toSet()).containsAll(cases));
        Thread.sleep(3000); // duplicates, if any, arrive right behind
        // At-least-once delivery may repeat an event (same event id) after a crash between send and
        // commit; consumers dedupe on that id. What must hold: one distinct event, one stored set per case.
        Map<String, java.util.Set<String>> perCase = issued.getRecords().stream()
                .filter(r -> cases.contains(r.key()))
                .filter(r -> r.value().contains("RecommendationsIssued"))
                .collect(Collectors.groupingBy(r -> r.key(), Collectors.mapping(r -> eventId(r.value()),
                        Collectors.toSet())));
        assertThat(perCase).hasSize(cases.size());
        assertThat(perCase.values()).allMatch(ids -> ids.size() == 1);
        String admin = SuiteExtension.suite().issuer().token("fault-admin", List.of("admin"), null, 3600);
        for (String c : cases) {
            given().baseUri(SuiteExtension.gateway()).auth().oauth2(admin).get("/api/v1/cases/{id}/recommendations", c)
                    .then().statusCode(200);
            String history = given().baseUri("http://localhost:" + SuiteExtension.suite().port("therapy-service"))
                    .get("/cases/{id}/recommendations/history", c).then().statusCode(200).extract().asString();
            assertThat(history.split("\"profileId\"", -1).length - 1).as("stored sets of " + c).isEqualTo(1);
        }
    }

    private static String eventId(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(json);
        return m.find() ? m.group(1) : json;
    }

    @Test
    void theBrokerStoppedFor30SecondsUnderAStreamOfSubmissions() throws Exception {
        List<String> cases = new ArrayList<>();
        try (KafkaCompanion kafka = new KafkaCompanion(SuiteExtension.infra().kafkaBootstrapServers())) {
            ConsumerTask<String, String> issued = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("fault-broker-" + System.nanoTime()).fromTopics("therapy.recommendations.v1");
            for (int i = 0; i < 5; i++) {
                cases.add(submit("BRK", i));
            }
            SuiteExtension.infra().stopKafka();
            long downUntil = System.currentTimeMillis() + 30_000;
            int i = 5;
            try {
                while (System.currentTimeMillis() < downUntil) {
                    cases.add(submit("BRK", i++)); // accepted while the broker is away: the outbox holds the events
                    Thread.sleep(1000);
                }
            } finally {
                // Even when this test fails, the next ones need the broker back.
                SuiteExtension.infra().startKafka();
            }
            for (int j = 0; j < 5; j++) {
                cases.add(submit("BRK", i++));
            }
            assertExactlyOnce(cases, issued);
            issued.stop();
        }
    }

    @Test
    void therapyServiceKilledMidStreamAndRestarted() throws Exception {
        List<String> cases = new ArrayList<>();
        try (KafkaCompanion kafka = new KafkaCompanion(SuiteExtension.infra().kafkaBootstrapServers())) {
            ConsumerTask<String, String> issued = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("fault-kill-" + System.nanoTime()).fromTopics("therapy.recommendations.v1");
            for (int i = 0; i < 10; i++) {
                cases.add(submit("KILL", i));
                if (i == 4) {
                    SuiteExtension.suite().kill("therapy-service");
                }
            }
            SuiteExtension.suite().restart("therapy-service");
            for (int i = 10; i < 15; i++) {
                cases.add(submit("KILL", i));
            }
            assertExactlyOnce(cases, issued);
            issued.stop();
        }
    }


    @Test
    void postgresRestartedUnderAStreamOfSubmissions() throws Exception {
        List<String> cases = new ArrayList<>();
        try (KafkaCompanion kafka = new KafkaCompanion(SuiteExtension.infra().kafkaBootstrapServers())) {
            ConsumerTask<String, String> issued = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("fault-pg-" + System.nanoTime()).fromTopics("therapy.recommendations.v1");
            for (int i = 0; i < 5; i++) {
                cases.add(submit("PG", i));
            }
            SuiteExtension.infra().stopPostgres();
            try {
                // While the database is away a write is refused in the one error shape, quickly — not a hang.
                var down = given().baseUri(SuiteExtension.gateway()).auth().oauth2(lab()).contentType("application/json")
                        .body(Map.of("caseId", "PG-DOWN-" + System.nanoTime(), "context", Map.of("diagnosis", "THAP")))
                        .post("/api/v1/cases");
                assertThat(down.statusCode()).isBetween(500, 599);
                assertThat(down.contentType()).startsWith("application/problem+json");
                Thread.sleep(5000);
            } finally {
                SuiteExtension.infra().startPostgres();
            }
            // The services' pools reconnect by themselves: the first write after the restart may still meet a
            // dead pooled connection, so give them a few seconds, then every submission must go through.
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> cases.add(submit("PG", cases.size())));
            for (int i = 0; i < 5; i++) {
                cases.add(submit("PG", cases.size()));
            }
            assertExactlyOnce(cases, issued);
            issued.stop();
        }
    }

    @Test
    void poisonProfileEventsAreDeadLetteredWithTheReasonAndTheStreamGoesOn() throws Exception {
        String marker = "poison-" + System.nanoTime();
        try (KafkaCompanion kafka = new KafkaCompanion(SuiteExtension.infra().kafkaBootstrapServers())) {
            ConsumerTask<String, String> dlq = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("fault-dlq-" + System.nanoTime()).fromTopics("genomics.profiles.v1.dlq");
            ConsumerTask<String, String> issued = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("fault-poison-" + System.nanoTime()).fromTopics("therapy.recommendations.v1");
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>("genomics.profiles.v1", marker + "-a", "{not json " + marker),
                    new ProducerRecord<>("genomics.profiles.v1", marker + "-b", "{\"type\":\"ProfileSubmitted\",\"note\":\"" + marker + "\"}"),
                    new ProducerRecord<>("genomics.profiles.v1", marker + "-c", "{\"id\":\"" + java.util.UUID.randomUUID()
                            + "\",\"type\":\"SomethingElse\",\"payload\":{}}"))
                    .awaitCompletion(Duration.ofSeconds(30));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(dlq.getRecords().stream().map(r -> r.key()).filter(k -> k != null && k.startsWith(marker)))
                            .containsExactlyInAnyOrder(marker + "-a", marker + "-b", marker + "-c"));
            for (var r : dlq.getRecords()) {
                if (r.key() != null && r.key().startsWith(marker)) {
                    Header reason = r.headers().lastHeader("dead-letter-reason");
                    assertThat(reason).as("dead-letter reason of " + r.key()).isNotNull();
                    assertThat(new String(reason.value(), java.nio.charset.StandardCharsets.UTF_8)).isNotBlank();
                }
            }
            // The consumer is not stuck behind the poison: real profiles still get their recommendations.
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                cases.add(submit("POISON", i));
            }
            assertExactlyOnce(cases, issued);
            dlq.stop();
            issued.stop();
        }
    }

    @Test
    void twoTherapyServiceInstancesShareThePartitions() throws Exception {
        List<String> cases = new ArrayList<>();
        SuiteLauncher.Instance second = SuiteExtension.suite().startInstance("therapy-service");
        try (KafkaCompanion kafka = new KafkaCompanion(SuiteExtension.infra().kafkaBootstrapServers());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SuiteExtension.infra().kafkaBootstrapServers()))) {
            ConsumerTask<String, String> issued = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("fault-scale-" + System.nanoTime()).fromTopics("therapy.recommendations.v1");
            // Both instances are members of the one consumer group and each owns part of the profile topic.
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                var group = admin.describeConsumerGroups(List.of("therapy-service")).all().get().get("therapy-service");
                long owners = group.members().stream().filter(m -> m.assignment().topicPartitions().stream()
                        .anyMatch(tp -> tp.topic().equals("genomics.profiles.v1"))).map(m -> m.consumerId())
                        .distinct().count();
                assertThat(owners).as("instances owning genomics.profiles.v1 partitions").isGreaterThanOrEqualTo(2);
            });
            for (int i = 0; i < 12; i++) {
                cases.add(submit("SCALE", i));
            }
            // The second instance matches on the same knowledge as the first (its index comes from the shared DB).
            given().baseUri("http://localhost:" + second.port()).contentType("application/json")
                    .body(Map.of("context", Map.of("diagnosis", "THAP"),
                            "findings", List.of(Map.of("ref", "F1", "type", "VARIANT", "gene", "BRAF",
                                    "proteinChange", "p.V600E", "variantClass", "MISSENSE"))))
                    .post("/match").then().statusCode(200)
                    .body("recommendations[0].therapyId", org.hamcrest.Matchers.equalTo("dabrafenib+trametinib"));
            // Scale back in mid-stream: its partitions move to the first instance, nothing lost or doubled.
            second.stop();
            for (int i = 12; i < 18; i++) {
                cases.add(submit("SCALE", i));
            }
            assertExactlyOnce(cases, issued);
            issued.stop();
        } finally {
            second.stop();
        }
    }
}
