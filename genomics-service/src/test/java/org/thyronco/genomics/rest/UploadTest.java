package org.thyronco.genomics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.thyronco.infra.EmbeddedInfraResource;

/** File intake over HTTP: sync for small files, jobs for large ones, and every malformed file refused. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
class UploadTest {

    String newCase() {
        String id = "CASE-U-" + System.nanoTime();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON).body(Fixtures.anaplasticCase(id))
                .when().post("/cases").then().statusCode(201);
        return id;
    }

    @Test
    void aSmallVcfBecomesAProfileInTheRequest() {
        String id = newCase();
        var created = given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").queryParam("build", "GRCh38")
                .body(Fixtures.brafVcf()).when().post("/cases/{id}/uploads", id)
                .then().statusCode(201)
                .body("caseId", equalTo(id))
                .body("version", equalTo(1))
                .body("source", equalTo("vcf"))
                .body("findingCount", equalTo(1))
                // The answer is the profile's summary; its findings are where Location points.
                .body("findings", org.hamcrest.Matchers.nullValue())
                .extract();
        given().header("X-Lab-Id", "LAB-1").get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(created.path("id")))
                .body("findings.proteinChange", hasItem("p.V600E"))
                .body("findings.gene", hasItem("BRAF"));
    }

    @Test
    void bgzipAndGzipAreReadByContentNotByName() throws Exception {
        String id = newCase();
        String location = given().header("X-Lab-Id", "LAB-1").contentType("application/gzip")
                .queryParam("build", "GRCh38").body(gzip(Fixtures.brafVcf())).when().post("/cases/{id}/uploads", id)
                .then().statusCode(201).body("findingCount", equalTo(1)).extract().header("Location");
        given().header("X-Lab-Id", "LAB-1").get(location + "/findings").then().statusCode(200)
                .body("items.proteinChange", hasItem("p.V600E"));
    }

    @Test
    void aLargeUploadBecomesAJobWithProgress() {
        String id = newCase();
        StringBuilder vcf = new StringBuilder(Fixtures.brafVcf());
        for (int i = 0; i < 2000; i++) {
            vcf.append("chr7\t").append(1_000_000 + i * 10).append("\t.\tC\tG\t50\tPASS\t.\tGT\t0/1\n");
        }
        String location = given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").queryParam("build", "GRCh38")
                .body(vcf.toString()).when().post("/cases/{id}/uploads", id)
                .then().statusCode(202).body("state", org.hamcrest.Matchers.anyOf(equalTo("QUEUED"),
                        equalTo("RUNNING")))
                .extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Lab-Id", "LAB-1").get(location).then().statusCode(200)
                        .body("state", equalTo("SUCCEEDED")).body("recordsRead", equalTo(2001))
                        .body("accepted", equalTo(2001)));
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles/latest", id).then().statusCode(200)
                .body("findings", hasSize(2001));
    }

    @Test
    void findingsBeyondOneInsertStatementAreAllStoredInFileOrder() {
        String id = newCase();
        StringBuilder vcf = new StringBuilder(Fixtures.brafVcf());
        int extra = org.thyronco.genomics.repository.ProfileWriter.FINDINGS_PER_STATEMENT;
        for (int i = 0; i < extra; i++) {
            vcf.append("chr7\t").append(1_000_000 + i * 10).append("\t.\tC\tG\t50\tPASS\t.\tGT\t0/1\n");
        }
        String location = given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").queryParam("build", "GRCh38")
                .body(vcf.toString()).when().post("/cases/{id}/uploads", id)
                .then().statusCode(202).extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Lab-Id", "LAB-1").get(location).then().statusCode(200)
                        .body("state", equalTo("SUCCEEDED")));
        int last = extra + 1;
        // More findings than one answer carries (3,000 in tests): the profile is refused whole, and read in pages.
        String profileId = given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then()
                .statusCode(200).extract().path("[0].id");
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles/latest", id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("holds " + last + " findings"))
                .body("detail", containsString("/profiles/" + profileId + "/findings?page=0&size=5000"));
        given().header("X-Lab-Id", "LAB-1").queryParam("size", 5000).get("/profiles/{id}/findings", profileId)
                .then().statusCode(200)
                .body("total", equalTo(last)).body("page", equalTo(0))
                .body("items", hasSize(5000))
                .body("items[0].proteinChange", equalTo("p.V600E"));
        given().header("X-Lab-Id", "LAB-1").queryParam("size", 5000).queryParam("page", 1)
                .get("/profiles/{id}/findings", profileId).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].ref", equalTo("F" + last))
                .body("items[0].raw", equalTo("chr7 " + (1_000_000 + (extra - 1) * 10) + " C G"));
        for (String[] bad : new String[][] {{"size", "0"}, {"size", "5001"}, {"page", "-1"}}) {
            given().header("X-Lab-Id", "LAB-1").queryParam(bad[0], bad[1]).get("/profiles/{id}/findings", profileId)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void malformedFilesAreRefusedWithLineAndColumnAndNothingIsStored() {
        String id = newCase();
        String noHeader = "chr7\t140753336\t.\tA\tT\t50\tPASS\t.\n";
        String badAllele = Fixtures.brafVcf().replace("\tA\tT\t", "\tA\tZ\t");
        String wrongColumns = Fixtures.brafVcf().replace("chr7\t140753336\t.\tA\tT\t50\tPASS\t.\tGT\t0/1",
                "chr7\t140753336\t.\tA");
        String unknownContig = Fixtures.brafVcf().replace("chr7\t140753336", "chrQ\t140753336");
        for (String body : new String[] {noHeader, badAllele, wrongColumns, unknownContig}) {
            given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").queryParam("build", "GRCh38").body(body)
                    .when().post("/cases/{id}/uploads", id)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
        }
        given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").queryParam("build", "GRCh38").body(badAllele)
                .when().post("/cases/{id}/uploads", id)
                .then().body("errors[0].line", equalTo(6)).body("errors[0].column", equalTo(5));
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then().body("$", hasSize(0));
    }

    @Test
    void emptyBinaryAndFakeGzipAreClientErrors() {
        String id = newCase();
        given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").body(new byte[0])
                .when().post("/cases/{id}/uploads", id).then().statusCode(422).contentType("application/problem+json");
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        given().header("X-Lab-Id", "LAB-1").contentType("application/octet-stream").body(binary)
                .when().post("/cases/{id}/uploads", id).then().statusCode(422).contentType("application/problem+json");
        byte[] fakeGzip = "\u001f\u008bnot really gzip".getBytes(StandardCharsets.ISO_8859_1);
        given().header("X-Lab-Id", "LAB-1").contentType("application/gzip").body(fakeGzip)
                .when().post("/cases/{id}/uploads", id).then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIs415AndOverLimitIs413() {
        String id = newCase();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON).body("{\"vcf\": true}")
                .when().post("/cases/{id}/uploads", id).then().statusCode(415).contentType("application/problem+json");
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'A');
        given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").body(big)
                .when().post("/cases/{id}/uploads", id).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aVcfOnTheWrongBuildIsRefused() {
        String id = newCase();
        given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").queryParam("build", "GRCh37")
                .body(Fixtures.brafVcf()).when().post("/cases/{id}/uploads", id)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aJobRejectedAfterSomeOfItsFindingsWereWrittenStoresNothing() {
        String id = newCase();
        // A job's findings are inserted while the file is read, at most two chunks ahead of the database: by the
        // time the reader reaches the bad record below, at least one chunk is already in the open transaction.
        int good = 3 * org.thyronco.genomics.repository.ProfileWriter.FINDINGS_PER_STATEMENT;
        StringBuilder vcf = syntheticVcf(good);
        vcf.append("chr7\t2000000\t.\tC\tZ\t50\tPASS\t.\tGT\t0/1\n");
        vcf.append("chr7\t2000010\t.\tC\tG\t50\tPASS\t.\tGT\t0/1\n");
        String location = upload(id, null, vcf.toString());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Lab-Id", "LAB-1").get(location).then().statusCode(200)
                        .body("state", equalTo("FAILED"))
                        .body("rejected", equalTo(1))
                        .body("errors[0].line", equalTo(6 + good + 1))
                        .body("errors[0].column", equalTo(5))
                        .body("profileId", org.hamcrest.Matchers.nullValue()));
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then().body("$", hasSize(0));
        // Nothing of the rolled-back profile lingers, not even its version number.
        awaitSucceeded(upload(id, null, syntheticVcf(2000).toString()));
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles/latest", id).then().statusCode(200)
                .body("version", equalTo(1)).body("findings", hasSize(2001));
    }

    @Test
    void aMalformedFileLargeEnoughForAJobNamesItsLineOnTheJob() {
        String id = newCase();
        // No header at all, as in the request-sized test above, but large enough to be read by a job.
        String noHeader = syntheticVcf(2000).substring(Fixtures.brafVcf().length());
        String location = upload(id, null, noHeader);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Lab-Id", "LAB-1").get(location).then().statusCode(200)
                        .body("state", equalTo("FAILED"))
                        .body("errors[0].line", equalTo(1))
                        .body("errors[0].reason", org.hamcrest.Matchers.containsString("missing VCF header")));
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then().body("$", hasSize(0));
    }

    @Test
    void aRepeatedJobUploadWithTheSameKeyGivesTheSameProfileAndADifferentFileIsRefused() {
        String id = newCase();
        String file = syntheticVcf(2000).toString();
        String first = awaitSucceeded(upload(id, "job-key-" + id, file));
        String again = awaitSucceeded(upload(id, "job-key-" + id, file));
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then().body("$", hasSize(1));
        String other = upload(id, "job-key-" + id, syntheticVcf(2001).toString());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Lab-Id", "LAB-1").get(other).then().statusCode(200)
                        .body("state", equalTo("FAILED"))
                        .body("errors[0].reason", org.hamcrest.Matchers.containsString("Idempotency-Key")));
        given().header("X-Lab-Id", "LAB-1").get("/cases/{id}/profiles", id).then().body("$", hasSize(1));
    }

    @Test
    void aJobsEventCarriesItsMatchableFindingsAndItsCount() throws Exception {
        String id = newCase();
        awaitSucceeded(upload(id, null, syntheticVcf(2000).toString()));
        try (io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion kafka =
                new io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion(
                        org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getValue("kafka.bootstrap.servers", String.class))) {
            var events = kafka.consumeStrings()
                    .withOffsetReset(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST)
                    .withGroupId("test-" + id).fromTopics("genomics.profiles.v1");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    events.getRecords().stream().anyMatch(r -> id.equals(r.key())));
            String value = events.getRecords().stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow()
                    .value();
            events.stop();
            var payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(value).path("payload");
            org.assertj.core.api.Assertions.assertThat(payload.path("findingCount").asInt()).isEqualTo(2001);
            // Of 2,001 findings only BRAF V600E has a gene: the 2,000 bare genomic variants stay out of the event.
            org.assertj.core.api.Assertions.assertThat(payload.path("findings")).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(payload.path("findings").get(0).path("proteinChange").asText())
                    .isEqualTo("p.V600E");
            org.assertj.core.api.Assertions.assertThat(payload.path("findings").get(0).path("ref").asText())
                    .isEqualTo("F1");
        }
    }

    @Test
    void aReportReadsOnlyTheFindingsItListsAndHowManyThereAreInAll() {
        String id = newCase();
        String profileId = awaitSucceeded(upload(id, null, syntheticVcf(2000).toString()));

        // The BRAF hotspot is listed; the 2,000 variants at no gene the knowledge base covers are only counted.
        given().header("X-Lab-Id", "LAB-1").queryParam("findings", "reportable")
                .get("/cases/{id}/profiles/latest", id).then().statusCode(200)
                .body("id", equalTo(profileId))
                .body("findingCount", equalTo(2001))
                .body("findings", hasSize(1))
                .body("findings[0].ref", equalTo("F1"))
                .body("findings[0].proteinChange", equalTo("p.V600E"));
        given().header("X-Lab-Id", "LAB-1").queryParam("findings", "reportable")
                .get("/profiles/{id}/findings", profileId).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.gene", org.hamcrest.Matchers.contains("BRAF"));
        // Unasked, a profile comes with every finding.
        given().header("X-Lab-Id", "LAB-1").get("/profiles/{id}", profileId).then().statusCode(200)
                .body("findingCount", equalTo(2001)).body("findings", hasSize(2001));
        given().header("X-Lab-Id", "LAB-1").queryParam("findings", "some")
                .get("/profiles/{id}", profileId).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.containsString("findings"));
    }

    /** The BRAF V600E fixture followed by {@code extra} bare genomic SNVs. */
    static StringBuilder syntheticVcf(int extra) {
        StringBuilder vcf = new StringBuilder(Fixtures.brafVcf());
        for (int i = 0; i < extra; i++) {
            vcf.append("chr7\t").append(1_000_000 + i * 10).append("\t.\tC\tG\t50\tPASS\t.\tGT\t0/1\n");
        }
        return vcf;
    }

    /** Uploads a file large enough to become a job; answers the job's location. */
    static String upload(String caseId, String idempotencyKey, String vcf) {
        var request = given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").queryParam("build", "GRCh38");
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(vcf).when().post("/cases/{id}/uploads", caseId).then().statusCode(202).extract()
                .header("Location");
    }

    /** Waits for a job to succeed; answers the id of its profile. */
    static String awaitSucceeded(String location) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Lab-Id", "LAB-1").get(location).then().statusCode(200)
                        .body("state", equalTo("SUCCEEDED")));
        return given().header("X-Lab-Id", "LAB-1").get(location).then().extract().path("profileId");
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
