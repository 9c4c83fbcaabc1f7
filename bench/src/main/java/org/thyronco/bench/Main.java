package org.thyronco.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thyronco.infra.SuiteLauncher;

/**
 * Runs every benchmark named in the issues against the packaged suite and prints each figure as a ratio
 * to its anchor measured in the same run; writes docs/benchmarks.md. Usage: bench/run.sh.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Duration measure = Duration.ofSeconds(Integer.parseInt(System.getProperty("bench.seconds", "15")));
        Path work = Files.createTempDirectory("thyronco-bench-");
        List<String> md = new ArrayList<>();
        md.add("# Benchmarks");
        md.add("");
        md.add("Run " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + "; every figure beside its anchor measured in the same run. Produced by `bench/run.sh`; HTTP load "
                + "from wrk (closed loop, fixed concurrency).");

        int vcfSectionAt = md.size();
        SuiteLauncher suite = new SuiteLauncher().withEnv("THYRONCO_GATEWAY_RATE_LIMIT_PER_SECOND", "1000000")
                .withEnv("THYRONCO_GATEWAY_RATE_LIMIT_BURST", "1000000")
                .withEnv("THYRONCO_INTAKE_MAX_UPLOAD_BYTES", "1073741824");
        suite.run(new SuiteLauncher.Args(root, work.resolve("data"), true, freePort()));
        try {
            // 2. Synchronous match throughput vs a trivial endpoint of the same service.
            WrkLoad load = new WrkLoad(work, new CpuMeter(suite, "therapy-service", "evidence-service", "gateway"));
            String therapy = "http://localhost:" + suite.port("therapy-service");
            String matchBody = "{\"context\":{\"diagnosis\":\"THAP\",\"priorTherapies\":[]},\"findings\":[{\"ref\":\"F1\","
                    + "\"type\":\"VARIANT\",\"gene\":\"BRAF\",\"proteinChange\":\"p.V600E\",\"variantClass\":\"MISSENSE\"}]}";
            WrkLoad.Result[] pm = alternating(
                    () -> load.run("GET", therapy + "/match/ping", null, Map.of(), 8, Duration.ofSeconds(5), measure),
                    () -> load.run("POST", therapy + "/match", matchBody, Map.of(), 8, Duration.ofSeconds(5), measure));
            WrkLoad.Result ping = pm[0];
            WrkLoad.Result match = pm[1];
            // A second anchor: the trivial endpoint with an answer as large as the match's, which separates what
            // carrying a 20 KB answer costs (HTTP, kernel, load generator) from what matching and writing it cost.
            int answerBytes = answerBytes(therapy + "/match", matchBody);
            WrkLoad.Result padded = null;
            for (int round = 0; round < 2; round++) { // best of two, as the other rows
                padded = better(padded, load.run("GET", therapy + "/match/ping/padded?bytes=" + answerBytes, null,
                        Map.of(), 8, Duration.ofSeconds(5), measure));
            }
            md.add("");
            md.add("## Synchronous match (therapy-service), concurrency 8");
            md.add("");
            md.add("| call | req/s | p50 ms | p99 ms | errors | therapy-service CPU µs/request |");
            md.add("|---|---:|---:|---:|---:|---:|");
            md.add(row("GET /match/ping (anchor)", ping, "therapy-service"));
            md.add(row("POST /match (BRAF V600E, THAP)", match, "therapy-service"));
            md.add(row(String.format("GET /match/ping/padded?bytes=%d (anchor with the match's answer size)",
                    answerBytes), padded, "therapy-service"));
            md.add(String.format("%nMatch throughput = **%.0f%%** of the trivial endpoint (target ≥ 50%%), and %.0f%% of "
                    + "the trivial endpoint answering as many bytes as a match does.",
                    100 * match.requestsPerSecond() / ping.requestsPerSecond(),
                    100 * match.requestsPerSecond() / padded.requestsPerSecond()));

            // 3. Submission → RecommendationsIssued vs a raw produce → consume round trip.
            String bootstrap = suite.infra().kafkaBootstrapServers();
            Stats raw = LatencyBench.rawRoundTrip(bootstrap, 200);
            Stats e2e = LatencyBench.submissionToIssued(bootstrap, suite.port("genomics-service"), 200);
            md.add("");
            md.add("## Submission → RecommendationsIssued vs raw Kafka round trip");
            md.add("");
            md.add("| path | p50 ms | p99 ms |");
            md.add("|---|---:|---:|");
            md.add(String.format("| raw produce (acks=all) → consume, anchor | %.1f | %.1f |", raw.medianMillis(),
                    raw.percentileMillis(99)));
            md.add(String.format("| HTTP submit → outbox → therapy match → RecommendationsIssued | %.1f | %.1f |",
                    e2e.medianMillis(), e2e.percentileMillis(99)));
            md.add(String.format("%nEnd-to-end p99 = **%.1f×** the raw round trip's p99 (target ≤ 5×).",
                    e2e.percentileMillis(99) / raw.percentileMillis(99)));

            // 4. The same call through the gateway and directly.
            String token = suite.issuer().token("bench", List.of("clinician"), null, 3600);
            String direct = "http://localhost:" + suite.port("evidence-service") + "/evidence?gene=BRAF&variant=V600E";
            String viaGateway = "http://localhost:" + suite.port("gateway") + "/api/v1/evidence?gene=BRAF&variant=V600E";
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
            // Both paths warm before either is measured: evidence-service is first hit here, and an anchor
            // measured while its JIT is still cold would flatter the gateway.
            load.run("GET", direct, null, Map.of(), 8, Duration.ofSeconds(5), Duration.ofSeconds(15));
            load.run("GET", viaGateway, null, auth, 8, Duration.ofSeconds(5), Duration.ofSeconds(15));
            WrkLoad.Result[] dg = alternating(
                    () -> load.run("GET", direct, null, Map.of(), 8, Duration.ofSeconds(5), measure),
                    () -> load.run("GET", viaGateway, null, auth, 8, Duration.ofSeconds(5), measure));
            WrkLoad.Result d = dg[0];
            WrkLoad.Result g = dg[1];
            md.add("");
            md.add("## Gateway overhead (evidence search)");
            md.add("");
            md.add("| call | req/s | p50 ms | p99 ms | errors | evidence-service CPU µs/request | gateway | PostgreSQL |");
            md.add("|---|---:|---:|---:|---:|---:|---:|---:|");
            md.add(row("direct to evidence-service, concurrency 8 (anchor)", d, GATEWAY_PATH));
            md.add(row("through the gateway (JWT, rate limit, correlation), concurrency 8", g, GATEWAY_PATH));
            // One request at a time: no queueing on the two shared cores, so the difference is the hop itself.
            WrkLoad.Result[] dg1 = alternating(
                    () -> load.run("GET", direct, null, Map.of(), 1, Duration.ofSeconds(3), measure),
                    () -> load.run("GET", viaGateway, null, auth, 1, Duration.ofSeconds(3), measure));
            WrkLoad.Result d1 = dg1[0];
            WrkLoad.Result g1 = dg1[1];
            md.add(row("direct, concurrency 1", d1, GATEWAY_PATH));
            md.add(row("through the gateway, concurrency 1", g1, GATEWAY_PATH));
            md.add(String.format("%nGateway throughput = **%.0f%%** of direct at concurrency 8 (target ≥ 80%%); added p50 = "
                    + "**%.2f ms** at concurrency 8, **%.2f ms** at concurrency 1 (target ≤ 2 ms).",
                    100 * g.requestsPerSecond() / d.requestsPerSecond(), g.p50Millis() - d.p50Millis(),
                    g1.p50Millis() - d1.p50Millis()));
            md.add("");
            md.add("CPU columns: each process's CPU time (user + system, as the operating system counts it) during the "
                    + "measured phase, divided by the requests served. The load generator and the kernel's loopback "
                    + "networking use the rest of the two cores.");

            // 1. VCF intake, measured last: its 100,000-row inserts leave PostgreSQL checkpointing and vacuuming for a
            // while afterwards, which would slow whichever HTTP benchmark ran next. Reported first all the same.
            List<String> vcfSection = new ArrayList<>();
            vcfSection.add("");
            vcfSection.add("## VCF intake (genomics-service) vs `bcftools view`");
            vcfSection.add("");
            vcfSection.add("| records | bcftools view (ms) | parse + normalize (ms) | ratio | full persisted intake (ms) | ratio |");
            vcfSection.add("|---:|---:|---:|---:|---:|---:|");
            // Steady state on both sides: the JIT of this process and of genomics-service is warmed on the largest
            // file first (a service parses many files over its life; bcftools has no warm-up to do).
            // Small files are stored within the request and large ones by a job: both paths are warmed.
            Path largest = VcfBench.generate(work, 100_000);
            Path smallest = VcfBench.generate(work, 1_000);
            int[] sizes = {1_000, 10_000, 100_000};
            Path[] files = {smallest, VcfBench.generate(work, 10_000), largest};
            // bcftools and the in-process parse first, while the database is quiet: every stored upload leaves
            // PostgreSQL writing and vacuuming for a while, which would slow both sides unevenly.
            VcfBench.parseAndNormalize(largest, 5);
            double[] anchor = new double[sizes.length];
            double[] parse = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                anchor[i] = VcfBench.bcftools(files[i], 5);
                parse[i] = VcfBench.parseAndNormalize(files[i], 5);
            }
            // A freshly started genomics-service takes a dozen large uploads to reach its steady pace: measured after
            // a restart, 100,000-record uploads took 2.6, 1.2, 1.1, 1.1, 1.0 s and then 0.6-0.9 s from about the
            // twelfth on. With four warm-up uploads, as before, the figure still held part of the JIT's warm-up.
            VcfBench.fullIntake(suite.port("genomics-service"), largest, 100_000, 12);
            VcfBench.fullIntake(suite.port("genomics-service"), smallest, 1_000, 10);
            for (int i = 0; i < sizes.length; i++) {
                double intake = VcfBench.fullIntake(suite.port("genomics-service"), files[i], sizes[i], 5);
                vcfSection.add(String.format("| %,d | %.1f | %.1f | %.2f× | %.0f | %.1f× |", sizes[i], anchor[i],
                        parse[i], parse[i] / anchor[i], intake, intake / anchor[i]));
                System.out.println(vcfSection.get(vcfSection.size() - 1));
            }
            vcfSection.add("");
            vcfSection.add("Parse + normalize runs as genomics-service runs it: lines read on one thread, batches of 1,024 records "
                    + "decoded (htsjdk) and normalized (VRS digests included) on two worker threads, emitted in file "
                    + "order. `bcftools view` is single-threaded. Full intake is one HTTP upload until the profile is "
                    + "stored (201, or 202 and the job until SUCCEEDED): the median of five, each on a new case, after twelve "
                    + "100,000-record uploads that bring genomics-service's JIT to its steady pace.");

            md.addAll(vcfSectionAt, vcfSection);
        } finally {
            suite.stop();
        }
        md.add("");
        md.add("All services, PostgreSQL, Kafka and the load generator share the same machine, so absolute figures "
                + "move with load; the ratios are what the targets are stated in.");
        String text = String.join("\n", md) + "\n";
        System.out.println(text);
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/benchmarks.md"), text);
        System.exit(0);
    }

    /** One measurement of a load. */
    interface Measurement {
        WrkLoad.Result run() throws Exception;
    }

    /**
     * Anchor and subject in alternating rounds (anchor, subject, anchor, subject), each side's best round kept: on a
     * shared machine a burst of outside load then costs one round, not one side of the ratio.
     */
    private static WrkLoad.Result[] alternating(Measurement anchor, Measurement subject) throws Exception {
        WrkLoad.Result a = null;
        WrkLoad.Result b = null;
        for (int round = 0; round < 2; round++) {
            a = better(a, anchor.run());
            b = better(b, subject.run());
        }
        return new WrkLoad.Result[] {a, b};
    }

    /** The size of the answer {@code body} gets from {@code url}, which the padded anchor then answers with. */
    private static int answerBytes(String url, String body) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("match answered " + response.statusCode());
        }
        return response.body().length;
    }

    private static WrkLoad.Result better(WrkLoad.Result kept, WrkLoad.Result next) {
        return kept == null || next.requestsPerSecond() > kept.requestsPerSecond() ? next : kept;
    }

    /** The processes a request through the gateway crosses, in the order the gateway table shows them. */
    private static final String[] GATEWAY_PATH = {"evidence-service", "gateway", "postgres"};

    private static String row(String name, WrkLoad.Result r, String... processes) {
        StringBuilder row = new StringBuilder(String.format("| %s | %.0f | %.2f | %.2f | %d |", name,
                r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), r.errors()));
        for (String process : processes) {
            row.append(String.format(" %.0f |", r.cpu().get(process)));
        }
        return row.toString();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
