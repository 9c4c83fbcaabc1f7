package org.thyronco.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.thyronco.sdk.ApiClient;
import org.thyronco.sdk.api.CasesApi;
import org.thyronco.sdk.api.ReportsApi;

/**
 * The main flow driven only through the Java SDK generated from the gateway's OpenAPI document: create a
 * case, upload a VCF, follow the job, fetch the report, find the expected recommendation.
 */
@ExtendWith(SuiteExtension.class)
class SdkMainFlowIT {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void createCaseUploadVcfFollowTheJobAndReadTheReport() throws Exception {
        String lab = SuiteExtension.suite().issuer().token("sdk-lab", List.of("lab"), "LAB-SDK", 600);
        ApiClient client = new ApiClient().setBasePath(SuiteExtension.gateway())
                .addDefaultHeader("Authorization", "Bearer " + lab);
        CasesApi cases = new CasesApi(client);
        ReportsApi reports = new ReportsApi(client);
        String caseId = "SDK-V03-" + System.nanoTime();

        cases.createCase(Map.of("caseId", caseId, "context", Map.of("diagnosis", "THAP", "stage", "IVC",
                "assay", Map.of("panel", "TSO500", "genomeBuild", "GRCh38"))));

        // Large enough to become an asynchronous job (sync limit 1 MiB): BRAF V600E among 30,000 calls.
        Path vcf = Files.createTempFile("sdk-", ".vcf");
        StringBuilder b = new StringBuilder("##fileformat=VCFv4.2\n##reference=GRCh38\n"
                + "##contig=<ID=chr7,length=159345973,assembly=GRCh38>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n"
                + "chr7\t140753336\t.\tA\tT\t60\tPASS\t.\tGT\t0/1\n");
        for (int i = 0; i < 30_000; i++) {
            b.append("chr7\t").append(150_000_000 + i * 7).append("\t.\tC\tG\t60\tPASS\t.\tGT\t0/1\n");
        }
        Files.writeString(vcf, b);
        JsonNode job = json.valueToTree(cases.uploadFile(caseId, vcf.toFile(), "GRCh38", "vcf", null, null));
        assertThat(job.path("state").asText()).isIn("QUEUED", "RUNNING");
        String jobId = job.path("id").asText();

        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode state = json.valueToTree(cases.getJob(jobId));
            assertThat(state.path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(state.path("accepted").asLong()).isEqualTo(30_001);
        });

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode report = json.valueToTree(reports.getReport(caseId));
            assertThat(report.path("status").asText()).isEqualTo("READY");
            assertThat(report.path("recommendations").get(0).path("therapyId").asText())
                    .isEqualTo("dabrafenib+trametinib");
            assertThat(report.path("recommendations").get(0).path("level").asText()).isEqualTo("1");
            assertThat(report.path("knowledgeRelease").asText()).isNotBlank();
            // The report lists the hotspot it matched on and counts the 30,000 calls at no covered gene.
            assertThat(report.path("profile").path("findingCount").asInt()).isEqualTo(30_001);
            assertThat(report.path("profile").path("findings")).hasSize(1);
            assertThat(report.path("profile").path("findings").get(0).path("proteinChange").asText())
                    .isEqualTo("p.V600E");
        });
    }
}
