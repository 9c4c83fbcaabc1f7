package org.thyronco.genomics.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.thyronco.infra.EmbeddedInfraResource;

/**
 * A stored profile's event leaves right after its transaction commits, whichever way the profile came in; the relay's
 * schedule is only the safety net. Here the schedule first runs an hour after start, so only the kicks can send.
 */
@QuarkusTest
@TestProfile(OutboxKickTest.HourlyRelay.class)
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
class OutboxKickTest {

    public static class HourlyRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("thyronco.outbox.every", "1h", "thyronco.outbox.delayed", "1h");
        }
    }

    @Test
    void profilesSubmittedUploadedOrStoredByAJobAreAnnouncedWithoutWaitingForTheSchedule() {
        String submitted = newCase("J");
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("BRAF", "V600E")))
                .when().post("/cases/{id}/profiles", submitted).then().statusCode(201);
        String uploaded = newCase("S");
        given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").queryParam("build", "GRCh38")
                .body(Fixtures.brafVcf()).when().post("/cases/{id}/uploads", uploaded).then().statusCode(201);
        String byJob = newCase("B");
        UploadTest.awaitSucceeded(UploadTest.upload(byJob, null, UploadTest.syntheticVcf(2000).toString()));

        try (KafkaCompanion kafka = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            var events = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("kick-" + submitted).fromTopics("genomics.profiles.v1");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events.getRecords()
                    .stream().map(r -> r.key()).toList()).contains(submitted, uploaded, byJob));
            events.stop();
        }
    }

    private static String newCase(String kind) {
        String id = "CASE-K" + kind + "-" + System.nanoTime();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON).body(Fixtures.anaplasticCase(id))
                .when().post("/cases").then().statusCode(201);
        return id;
    }
}
