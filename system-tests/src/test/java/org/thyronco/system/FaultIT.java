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
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
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
        Map<String, Long> perCase = issued.getRecords().stream().filter(r -> cases.contains(r.key()))
                .filter(r -> r.value().contains("RecommendationsIssued"))
                .collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()));
        assertThat(perCase).hasSize(cases.size());
        assertThat(perCase.values()).allMatch(n -> n == 1);
        String admin = SuiteExtension.suite().issuer().token("fault-admin", List.of("admin"), null, 3600);
        for (String c : cases) {
            given().baseUri(SuiteExtension.gateway()).auth().oauth2(admin).get("/api/v1/cases/{id}/recommendations", c)
                    .then().statusCode(200);
        }
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
            while (System.currentTimeMillis() < downUntil) {
                cases.add(submit("BRK", i++)); // accepted while the broker is away: the outbox holds the events
                Thread.sleep(1000);
            }
            SuiteExtension.infra().startKafka();
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

}
