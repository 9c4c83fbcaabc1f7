package org.thyronco.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The printable report as a clinician's browser shows it: the real suite issues recommendations for an
 * anaplastic BRAF V600E case, the gateway serves report.html, headless Chromium renders it, and the test
 * reads the rendered DOM and keeps a screenshot and a PDF under target/report-in-browser/.
 */
@ExtendWith(SuiteExtension.class)
class ReportInBrowserIT {

    static final Path OUT = Path.of("target", "report-in-browser");
    // The ROAR papers behind EV-BRAF-V600E-THAP-DT (knowledge/sources.yaml S12 and S32).
    static final String ROAR_INITIAL_DOI = "10.1200/JCO.2017.73.6785";
    static final String ROAR_UPDATED_DOI = "10.1016/j.annonc.2021.12.014";
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static final int WIDTH = 1280;
    static final int HEIGHT = 2000;

    @Test
    void aClinicianSeesTheRankedTableWithItsCitationsAndCanPrintIt() throws Exception {
        // Before the case flow: a browser that cannot be installed should fail the test at once.
        Chromium chromium = Chromium.ensureInstalled(OUT);
        String lab = SuiteExtension.suite().issuer().token("browser-lab", List.of("lab"), "LAB-BROWSER", 600);
        String clinician = SuiteExtension.suite().issuer().token("browser-clinician", List.of("clinician"), null, 600);
        String caseId = "BROWSER-V01-" + System.nanoTime();

        given().baseUri(SuiteExtension.gateway()).auth().oauth2(lab).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "context", Map.of("diagnosis", "THAP", "stage", "IVC",
                        "priorTherapies", List.of())))
                .when().post("/api/v1/cases")
                .then().statusCode(201);
        given().baseUri(SuiteExtension.gateway()).auth().oauth2(lab).contentType(ContentType.JSON)
                .header("Idempotency-Key", "browser-" + caseId)
                .body(Map.of("findings", List.of(Map.of("type", "VARIANT", "gene", "BRAF", "variant", "p.V600E"))))
                .when().post("/api/v1/cases/{id}/profiles", caseId)
                .then().statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(SuiteExtension.gateway()).auth().oauth2(clinician)
                        .when().get("/api/v1/cases/{id}/report", caseId)
                        .then().statusCode(200)
                        .body("status", equalTo("READY"))
                        .body("recommendations[0].therapyId", equalTo("dabrafenib+trametinib")));

        Response page = given().baseUri(SuiteExtension.gateway()).auth().oauth2(clinician)
                .when().get("/api/v1/cases/{id}/report.html", caseId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        Path html = OUT.resolve("report.html");
        Files.write(html, page.asByteArray());

        /*
         * Chromium cannot send the bearer token, so it gets the saved page from a loopback server rather than
         * from the gateway. A server, not a file:// URL, because a file has no headers: served with the
         * gateway's own Content-Type and Content-Security-Policy, the page renders under the same policy a
         * clinician's browser applies, so a CSP that blocked the inline stylesheet would show here.
         */
        try (LocalPage local = LocalPage.serve(Files.readAllBytes(html), page.contentType(),
                page.header("Content-Security-Policy"))) {
            Document dom = Jsoup.parse(chromium.dumpDom(local.uri()));
            assertThatTheRenderedPageShowsTheReport(dom, caseId);

            Path png = OUT.resolve("report.png");
            Files.deleteIfExists(png);
            chromium.screenshot(local.uri(), png, WIDTH, HEIGHT);
            assertThatTheScreenshotShowsAStyledPage(png);

            Path pdf = OUT.resolve("report.pdf");
            Files.deleteIfExists(pdf);
            chromium.printToPdf(local.uri(), pdf);
            byte[] printed = Files.readAllBytes(pdf);
            assertThat(new String(printed, 0, Math.min(5, printed.length), StandardCharsets.US_ASCII))
                    .as("printed page is a PDF").isEqualTo("%PDF-");
            assertThat(printed.length).as("PDF size").isGreaterThan(5_000);
        }
    }

    private static void assertThatTheRenderedPageShowsTheReport(Document dom, String caseId) {
        assertThat(dom.title()).contains(caseId);

        Element findings = dom.selectFirst("table#findings");
        assertThat(findings).as("findings table").isNotNull();
        assertThat(findings.select("td").eachText()).contains("BRAF", "p.V600E");

        Element table = dom.selectFirst("table#recommendations");
        assertThat(table).as("recommendations table").isNotNull();
        // Columns are found by their header, not by position, so a new column does not break the test.
        List<String> headers = table.select("tr:has(th)").first().select("th").eachText();
        assertThat(headers).contains("#", "Therapy", "Level", "Citations");
        Element first = table.select("tr:has(td)").first();
        assertThat(first).as("a recommendation row").isNotNull();
        List<Element> cells = first.select("td");
        assertThat(cells.get(headers.indexOf("#")).text()).isEqualTo("1");
        assertThat(cells.get(headers.indexOf("Therapy")).text()).isEqualTo("Dabrafenib + trametinib");
        // The cell is "<level> <AMP tier>"; the OncoKB level comes first.
        assertThat(cells.get(headers.indexOf("Level")).text().split("\\s+")[0]).isEqualTo("1");
        Element citations = cells.get(headers.indexOf("Citations"));
        assertThat(citations.select("a[href]").eachAttr("href"))
                .contains("https://doi.org/" + ROAR_INITIAL_DOI, "https://doi.org/" + ROAR_UPDATED_DOI);
        assertThat(citations.select("a").eachText()).contains(ROAR_INITIAL_DOI, ROAR_UPDATED_DOI);

        // No placeholder leaks into what a clinician reads, and the header row repeats on every printed page.
        assertThat(table.select("td").eachText()).noneMatch(t -> t.contains("null"));
        assertThat(table.selectFirst("thead th")).as("header row in <thead>").isNotNull();

        assertThat(dom.text()).contains("not a treatment order");
        assertThat(dom.select("style").stream().map(Element::data)).as("print rules")
                .anyMatch(css -> css.contains("@media print"));
    }

    private static void assertThatTheScreenshotShowsAStyledPage(Path png) throws IOException {
        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as("PNG signature").isEqualTo(PNG_SIGNATURE);
        // A blank 1280x2000 page compresses to a few kB; text and two tables take far more.
        assertThat(bytes.length).as("screenshot size").isGreaterThan(30_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        long ink = 0;
        long headerFill = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                ink += rgb != 0xFFFFFF ? 1 : 0;
                headerFill += rgb == 0xEEEEEE ? 1 : 0;
            }
        }
        assertThat(ink).as("non-white pixels").isGreaterThan(10_000);
        // Table headers are filled #eee by the inline stylesheet: proof it applied under the page's CSP.
        assertThat(headerFill).as("table-header fill pixels").isGreaterThan(1_000);
    }

    /** The saved page served on loopback with the headers the gateway sent it with. */
    record LocalPage(HttpServer server, URI uri) implements AutoCloseable {

        static LocalPage serve(byte[] body, String contentType, String csp) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/report.html", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", contentType);
                if (csp != null) {
                    exchange.getResponseHeaders().set("Content-Security-Policy", csp);
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            int port = server.getAddress().getPort();
            return new LocalPage(server, URI.create("http://127.0.0.1:" + port + "/report.html"));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
