package org.thyronco.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.thyronco.infra.SuiteLauncher;

/**
 * A bounded, loopback-only sustained mixed load through the gateway of the packaged suite (about 5 minutes);
 * passes when no request failed, no service's memory grew after warm-up, the therapy-service consumer lag
 * drained and every case got the recommendations of its latest profile. Usage: bench/load.sh.
 */
public final class LoadTest {

    /** Run settings; bench/load.sh maps each to an environment variable. */
    record Settings(Duration total, Duration warmup, int workers, double rate, Duration lagTimeout) {

        /** Width of the two windows whose RSS peaks are compared (first after warm-up, last of the run). */
        static final Duration WINDOW = Duration.ofSeconds(30);

        static Settings fromSystemProperties() {
            Settings s = new Settings(Duration.ofSeconds(Long.getLong("load.seconds", 300)),
                    Duration.ofSeconds(Long.getLong("load.warmup", 60)), Integer.getInteger("load.workers", 4),
                    Double.parseDouble(System.getProperty("load.rate", "40")),
                    Duration.ofSeconds(Long.getLong("load.lagTimeout", 60)));
            if (s.total.compareTo(s.warmup.plus(WINDOW).plus(WINDOW)) < 0) {
                throw new IllegalArgumentException("LOAD_SECONDS must leave two 30 s memory windows after the "
                        + "warm-up: at least " + s.warmup.plus(WINDOW).plus(WINDOW).toSeconds() + " s");
            }
            return s;
        }
    }

    /** A clinical vignette: the case context, its findings, the therapies one of which must rank first. */
    record Vignette(String name, String context, String findings, Set<String> expectedTop, String evidenceQuery,
            String normalize) {}

    /** Requests, unexpected outcomes and latencies of one operation. */
    record Op(LongAdder requests, LongAdder errors, ConcurrentLinkedQueue<Long> nanos) {
        static Op create() {
            return new Op(new LongAdder(), new LongAdder(), new ConcurrentLinkedQueue<>());
        }
    }

    /** One memory sample: seconds since the load started and VmRSS (KiB) per process. */
    record Sample(double seconds, Map<String, Long> rssKib, long lag) {}

    /** Memory verdict of one process. */
    record Memory(String process, long baselineKib, long endKib, long peakKib, double growthPercent) {}

    /** Committed offset of the therapy-service group on one partition beside the partition's log end. */
    record Lag(TopicPartition partition, long committed, long end) {
        long lag() {
            return Math.max(0, end - committed);
        }
    }

    /** A pass/fail line of the summary. */
    record Criterion(String name, String figure, String target, boolean met) {}

    static final String GROUP = "therapy-service";
    static final List<String> CONSUMED_TOPICS = List.of("genomics.profiles.v1", "knowledge.items.v1");
    static final List<String> DEAD_LETTER_TOPICS = List.of("genomics.profiles.v1.dlq", "knowledge.items.v1.dlq");
    static final List<String> SERVICES = List.of("evidence-service", "genomics-service", "therapy-service", "gateway");
    static final String LOAD_JVM = "load JVM (generator + Kafka broker)";

    /** The thyroid vignettes of the issue, each with the top therapy therapy-service's own tests expect. */
    static final List<Vignette> VIGNETTES = List.of(
            new Vignette("BRAF V600E, anaplastic (THAP)",
                    "{\"diagnosis\":\"THAP\",\"stage\":\"IVC\",\"priorTherapies\":[]}",
                    "[{\"type\":\"VARIANT\",\"gene\":\"BRAF\",\"variant\":\"p.V600E\"}]",
                    Set.of("dabrafenib+trametinib"), "gene=BRAF&variant=V600E&disease=THAP",
                    "{\"gene\":\"BRAF\",\"variant\":\"NM_004333.6:c.1799T>A\"}"),
            new Vignette("CCDC6::RET fusion, RAI-refractory PTC",
                    "{\"diagnosis\":\"THPA\",\"raiRefractory\":true}",
                    "[{\"type\":\"FUSION\",\"fusion\":\"CCDC6::RET\"}]",
                    Set.of("selpercatinib", "pralsetinib"), "gene=RET&disease=THPA",
                    "{\"type\":\"FUSION\",\"fusion\":\"RET/PTC1\"}"),
            new Vignette("TPM3::NTRK1 fusion, anaplastic (THAP)",
                    "{\"diagnosis\":\"THAP\",\"priorTherapies\":[]}",
                    "[{\"type\":\"FUSION\",\"fusion\":\"TPM3::NTRK1\"}]",
                    Set.of("larotrectinib", "entrectinib", "repotrectinib"), "gene=NTRK1",
                    "{\"type\":\"FUSION\",\"fusion\":\"TPM3-NTRK1\"}"),
            new Vignette("NRAS Q61R, RAI-refractory FTC",
                    "{\"diagnosis\":\"THFO\",\"raiRefractory\":true}",
                    "[{\"type\":\"VARIANT\",\"gene\":\"NRAS\",\"variant\":\"p.Q61R\"}]",
                    Set.of("lenvatinib", "sorafenib"), "gene=NRAS",
                    "{\"gene\":\"NRAS\",\"variant\":\"c.182A>G\"}"),
            new Vignette("TERT C228T, RAI-refractory PTC",
                    "{\"diagnosis\":\"THPA\",\"raiRefractory\":true}",
                    "[{\"type\":\"VARIANT\",\"gene\":\"TERT\",\"variant\":\"c.-124C>T\"}]",
                    Set.of("lenvatinib", "sorafenib"), "gene=TERT",
                    "{\"gene\":\"TERT\",\"variant\":\"C228T\"}"));

    /** A single-sample GRCh38 VCF with BRAF V600E; uploaded to BRAF cases only, so the top therapy stays. */
    static final String BRAF_VCF = """
            ##fileformat=VCFv4.2
            ##reference=GRCh38
            ##contig=<ID=chr7,length=159345973,assembly=GRCh38>
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR
            chr7\t140753336\t.\tA\tT\t50\tPASS\t.\tGT\t0/1
            """;

    /** Every tenth case (always a BRAF one, as cases cycle through five vignettes) also gets a VCF. */
    static final int UPLOAD_EVERY = 10;

    private static final Duration POLL_LIMIT = Duration.ofSeconds(30);
    private static final int DETAILS_KEPT = 20;

    private final Settings settings;
    private final SuiteLauncher suite;
    private final HttpLoad http = new HttpLoad();
    private final ObjectMapper json = new ObjectMapper();
    private final Pacer pacer;
    private final String gateway;
    private final String lab;
    private final String clinician;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, Op> ops = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> details = new ConcurrentLinkedQueue<>();
    private final AtomicInteger detailCount = new AtomicInteger();
    private final AtomicLong caseCounter = new AtomicLong();
    /** Case id → the profile version whose recommendations it must end with (1 JSON, 2 after the VCF). */
    private final Map<String, Integer> expectedVersion = new ConcurrentHashMap<>();
    private final Map<String, Vignette> caseVignette = new ConcurrentHashMap<>();

    private LoadTest(Settings settings, SuiteLauncher suite) {
        this.settings = settings;
        this.suite = suite;
        this.pacer = new Pacer(settings.rate());
        this.gateway = "http://localhost:" + suite.port("gateway") + "/api/v1";
        this.lab = suite.issuer().token("load-lab", List.of("lab"), "LAB-LOAD", 7200);
        this.clinician = suite.issuer().token("load-clinician", List.of("clinician"), null, 7200);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Settings settings = Settings.fromSystemProperties();
        Path work = Files.createTempDirectory("thyronco-load-");
        // The gateway keeps its default rate limit (50/s per token): the pacer stays under it, so a 429 is a
        // genuine error rather than an artefact of the test.
        SuiteLauncher suite = new SuiteLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "load-suite-shutdown"));
        boolean passed;
        Path data = work.resolve("data");
        try {
            suite.run(new SuiteLauncher.Args(root, data, true, freePort()));
            passed = new LoadTest(settings, suite).run(root, data.resolve("logs"));
        } finally {
            suite.stop();
            // Keep the service logs for diagnosis; the database and broker files are of no further use.
            for (String dir : new String[] {"postgres", "kafka"}) {
                deleteTree(data.resolve(dir));
            }
            System.out.println("[load] service logs kept in " + data.resolve("logs"));
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run(Path root, Path logs) throws Exception {
        System.out.printf("[load] %d s (warm-up %d s), %d workers, at most %.0f requests/s through %s%n",
                settings.total().toSeconds(), settings.warmup().toSeconds(), settings.workers(), settings.rate(),
                gateway);
        List<Sample> samples = new ArrayList<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String svc : SERVICES) {
            pids.put(svc, suite.process(svc).pid());
        }
        pids.put(LOAD_JVM, ProcessHandle.current().pid());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                suite.infra().kafkaBootstrapServers()))) {
            long start = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rss-sampler");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleAtFixedRate(() -> {
                double at = (System.nanoTime() - start) / 1e9;
                Map<String, Long> rss = new LinkedHashMap<>();
                pids.forEach((name, pid) -> rss.put(name, rssKib(pid)));
                long lag = -1;
                try {
                    lag = totalLag(lag(admin));
                } catch (Exception e) {
                    // lag during the run is informational; the verdict is taken after the load stops
                }
                synchronized (samples) {
                    samples.add(new Sample(at, rss, lag));
                }
                if (Math.round(at) % 30 == 0) {
                    System.out.printf("[load] t=%3.0f s  requests %,d  errors %d  lag %d  RSS MiB %s%n", at,
                            total(Op::requests), total(Op::errors), lag, rss.entrySet().stream()
                                    .map(e -> shortName(e.getKey()) + "=" + e.getValue() / 1024)
                                    .collect(Collectors.joining(" ")));
                }
            }, 0, 5, TimeUnit.SECONDS);
            Map<String, Long> logStart = logSizes(logs);
            http.loop(settings.workers(), settings.total(), this::turn);
            Map<String, Long> logErrors = logErrors(logs, logStart);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            System.out.printf("[load] load stopped after %.0f s; waiting for the consumer lag to drain%n", loadSeconds);

            // Lag: therapy-service's committed offsets against the log end of the topics it consumes. Offsets
            // are committed periodically, so a drained lag shows up a few seconds after the last event.
            long lagAtStop = totalLag(lag(admin));
            long drainStart = System.nanoTime();
            List<Lag> lag = lag(admin);
            while (totalLag(lag) > 0 && System.nanoTime() - drainStart < settings.lagTimeout().toNanos()) {
                Thread.sleep(1000);
                lag = lag(admin);
            }
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            long deadLettered = 0;
            for (String topic : DEAD_LETTER_TOPICS) {
                deadLettered += endOffsets(admin, topic);
            }
            int[] complete = completeness();
            int alive = (int) SERVICES.stream().filter(s -> suite.process(s).isAlive()).count();
            return report(root, samples, lagAtStop, lag, drainSeconds, deadLettered, complete, alive, loadSeconds,
                    logErrors);
        }
    }

    /** One scenario: register a case, submit a profile, read it back every way a client would. */
    private void turn(int worker) throws InterruptedException {
        long n = caseCounter.getAndIncrement();
        Vignette v = VIGNETTES.get((int) (n % VIGNETTES.size()));
        String caseId = "LOAD-" + runId + "-" + n;
        HttpResponse<String> created = call("create case", postJson(gateway + "/cases", lab,
                "{\"caseId\":\"" + caseId + "\",\"context\":" + v.context() + "}").build(), 201);
        if (created == null) {
            return;
        }
        HttpResponse<String> submitted = call("submit profile (JSON)", postJson(gateway + "/cases/" + caseId
                + "/profiles", lab, "{\"findings\":" + v.findings() + "}").header("Idempotency-Key", "load-"
                + caseId).build(), 201);
        if (submitted == null) {
            return;
        }
        caseVignette.put(caseId, v);
        expectedVersion.put(caseId, 1);
        if (!awaitRecommendations(caseId, 1, v)) {
            return;
        }

        HttpResponse<String> report = call("report (JSON)", get(gateway + "/cases/" + caseId + "/report", clinician),
                200);
        if (report != null) {
            JsonNode r = read(report.body());
            String top = r.path("recommendations").path(0).path("therapyId").asText();
            if (!"READY".equals(r.path("status").asText()) || !v.expectedTop().contains(top)) {
                fail("report (JSON)", caseId + ": status " + r.path("status").asText() + ", top " + top
                        + ", expected one of " + v.expectedTop());
            }
        }
        call("evidence search", get(gateway + "/evidence?" + v.evidenceQuery(), clinician), 200);
        call("normalize", postJson(gateway + "/normalize", clinician, v.normalize()).build(), 200);

        if (n % UPLOAD_EVERY == 0) {
            HttpResponse<String> up = call("upload VCF", HttpRequest.newBuilder(URI.create(gateway + "/cases/"
                    + caseId + "/uploads?format=vcf&build=GRCh38")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + lab).header("Content-Type", "text/vcf")
                    .header("Idempotency-Key", "load-vcf-" + caseId)
                    .POST(HttpRequest.BodyPublishers.ofString(BRAF_VCF)).build(), 201);
            if (up != null) {
                expectedVersion.put(caseId, 2);
                awaitRecommendations(caseId, 2, v);
            }
        }
    }

    /**
     * Polls the case's recommendations until the set for {@code version} is there. A 404 (nothing issued yet)
     * and an older version are the expected answers while the event travels; anything else is an error.
     */
    private boolean awaitRecommendations(String caseId, int version, Vignette v) throws InterruptedException {
        long until = System.nanoTime() + POLL_LIMIT.toNanos();
        long backoff = 50;
        while (System.nanoTime() < until) {
            Thread.sleep(backoff);
            backoff = Math.min(1000, backoff * 2);
            HttpResponse<String> r = call("read recommendations", get(gateway + "/cases/" + caseId
                    + "/recommendations", clinician), 200, 404);
            if (r == null) {
                return false;
            }
            if (r.statusCode() == 404) {
                continue;
            }
            JsonNode set = read(r.body());
            if (set.path("profileVersion").asInt() < version) {
                continue;
            }
            String top = set.path("recommendations").path("recommendations").path(0).path("therapyId").asText();
            if (set.path("profileVersion").asInt() != version || !v.expectedTop().contains(top)) {
                fail("read recommendations", caseId + ": version " + set.path("profileVersion").asInt() + ", top "
                        + top + "; expected version " + version + " and one of " + v.expectedTop());
                return false;
            }
            return true;
        }
        fail("read recommendations", caseId + ": no set for profile version " + version + " within "
                + POLL_LIMIT.toSeconds() + " s");
        return false;
    }

    /**
     * Paced request; counts it under {@code op}. Returns the response when its status is one of
     * {@code expected}, else records an error and returns null.
     */
    private HttpResponse<String> call(String op, HttpRequest request, int... expected) throws InterruptedException {
        pacer.await();
        Op o = ops.computeIfAbsent(op, k -> Op.create());
        o.requests().increment();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request);
            o.nanos().add(System.nanoTime() - t0);
            for (int e : expected) {
                if (r.statusCode() == e) {
                    return r;
                }
            }
            fail(op, request.method() + " " + request.uri().getPath() + " answered " + r.statusCode() + ": "
                    + abbreviate(r.body()));
        } catch (IOException e) {
            o.nanos().add(System.nanoTime() - t0);
            fail(op, request.method() + " " + request.uri().getPath() + " failed: " + e);
        }
        return null;
    }

    private void fail(String op, String detail) {
        ops.computeIfAbsent(op, k -> Op.create()).errors().increment();
        if (detailCount.incrementAndGet() <= DETAILS_KEPT) {
            details.add(op + ": " + detail);
            System.err.println("[load] error in " + op + ": " + detail);
        }
    }

    /**
     * After the lag drained: every case whose profile was accepted must hold the recommendation set of its latest
     * profile. Read from therapy-service directly (no lab header: every case) so the check does not spend the
     * gateway's rate limit. Returns {cases with the right set, cases submitted}.
     */
    private int[] completeness() throws InterruptedException {
        String therapy = "http://localhost:" + suite.port("therapy-service");
        int ok = 0;
        for (var e : expectedVersion.entrySet()) {
            try {
                HttpResponse<String> r = http.send(HttpLoad.get(therapy + "/cases/" + e.getKey() + "/recommendations")
                        .build());
                if (r.statusCode() == 200 && read(r.body()).path("profileVersion").asInt() == e.getValue()) {
                    ok++;
                } else {
                    System.err.println("[load] lost: " + e.getKey() + " (" + caseVignette.get(e.getKey()).name()
                            + ") answered " + r.statusCode() + ": " + abbreviate(r.body()));
                }
            } catch (IOException ex) {
                System.err.println("[load] completeness check of " + e.getKey() + " failed: " + ex);
            }
        }
        return new int[] {ok, expectedVersion.size()};
    }

    private boolean report(Path root, List<Sample> samples, long lagAtStop, List<Lag> lag, double drainSeconds,
            long deadLettered, int[] complete, int alive, double loadSeconds, Map<String, Long> logErrors)
            throws IOException {
        List<String> md = new ArrayList<>();
        long requests = total(Op::requests);
        long errors = total(Op::errors);
        md.add("# Sustained load");
        md.add("");
        md.add("Run " + LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES) + " on " + machine() + "; "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ". Produced by `bench/load.sh` (not part of `./mvnw verify`).");
        md.add("");
        md.add(String.format("%.0f s of mixed load (warm-up %d s) from %d workers paced to at most %.0f requests/s "
                + "through the gateway on loopback; %,d requests, %.1f/s on average; %,d cases.", loadSeconds,
                settings.warmup().toSeconds(), settings.workers(), settings.rate(), requests, requests / loadSeconds,
                expectedVersion.size()));
        md.add("");
        md.add("## Requests per operation");
        md.add("");
        md.add("| operation | requests | errors | p50 ms | p99 ms |");
        md.add("|---|---:|---:|---:|---:|");
        for (var e : new java.util.TreeMap<>(ops).entrySet()) {
            Stats s = Stats.of(e.getValue().nanos().stream().mapToLong(Long::longValue).toArray());
            md.add(String.format("| %s | %,d | %d | %.1f | %.1f |", e.getKey(), e.getValue().requests().sum(),
                    e.getValue().errors().sum(), s.percentileMillis(50), s.percentileMillis(99)));
        }
        md.add(String.format("| **all** | **%,d** | **%d** | | |", requests, errors));
        md.add("");
        md.add("(`read recommendations` includes the polls that found nothing issued yet — a 404, expected.)");

        List<Memory> memory = memory(samples);
        md.add("");
        md.add("## Memory (VmRSS)");
        md.add("");
        md.add("Baseline: the peak in the first " + Settings.WINDOW.toSeconds() + " s after warm-up; end: the peak "
                + "in the last " + Settings.WINDOW.toSeconds() + " s of the load; sampled every 5 s.");
        md.add("");
        md.add("| process | baseline MiB | end MiB | peak MiB | growth | limit |");
        md.add("|---|---:|---:|---:|---:|---|");
        for (Memory m : memory) {
            md.add(String.format("| %s | %.0f | %.0f | %.0f | %+.1f %% | %s |", m.process(), m.baselineKib() / 1024.0,
                    m.endKib() / 1024.0, m.peakKib() / 1024.0, m.growthPercent(), SERVICES.contains(m.process())
                            ? "< 10 %" : "not judged (hosts the load generator itself)"));
        }
        List<Memory> judged = memory.stream().filter(m -> SERVICES.contains(m.process())).toList();
        Memory worst = judged.stream().max(java.util.Comparator.comparingDouble(Memory::growthPercent)).orElseThrow();

        md.add("");
        md.add("## Consumer lag (group `" + GROUP + "`)");
        md.add("");
        long peakLag = samples.stream().mapToLong(Sample::lag).max().orElse(-1);
        md.add(String.format("Peak during the load %d; %d when the load stopped; %d after %.0f s.", peakLag, lagAtStop,
                totalLag(lag), drainSeconds));
        md.add("");
        md.add("| partition | committed | log end | lag |");
        md.add("|---|---:|---:|---:|");
        for (Lag l : lag) {
            md.add(String.format("| %s | %d | %d | %d |", l.partition(), l.committed(), l.end(), l.lag()));
        }

        List<Criterion> criteria = List.of(
                new Criterion("errors (unexpected status or exception)", String.valueOf(errors), "0", errors == 0),
                new Criterion("RSS growth after warm-up, worst service", String.format("%+.1f %% (%s)",
                        worst.growthPercent(), worst.process()), "< 10 % each", judged.stream()
                                .allMatch(m -> m.growthPercent() < 10)),
                new Criterion("consumer lag after the load", String.format("%d (%.0f s after stop)", totalLag(lag),
                        drainSeconds), "0 within " + settings.lagTimeout().toSeconds() + " s", totalLag(lag) == 0),
                new Criterion("cases holding the set of their latest profile", complete[0] + " / " + complete[1],
                        "all", complete[0] == complete[1] && complete[1] > 0),
                new Criterion("dead-lettered events", String.valueOf(deadLettered), "0", deadLettered == 0),
                new Criterion("services alive at the end", alive + " / " + SERVICES.size(), "all",
                        alive == SERVICES.size()));
        boolean passed = criteria.stream().allMatch(Criterion::met);
        md.add("");
        md.add("## Criteria");
        md.add("");
        md.add("| criterion | figure | target | met |");
        md.add("|---|---|---|---|");
        for (Criterion c : criteria) {
            md.add("| " + c.name() + " | " + c.figure() + " | " + c.target() + " | " + (c.met() ? "yes" : "**NO**")
                    + " |");
        }
        md.add("");
        md.add(passed ? "**All criteria met.**" : "**FAILED.**");
        md.add("");
        md.add("ERROR lines the services logged during the load (informational): " + logErrors.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".");
        if (!details.isEmpty()) {
            md.add("");
            md.add("First errors:");
            md.add("");
            details.forEach(d -> md.add("- " + d.replace("|", "\\|")));
        }
        md.add("");
        md.add("Services, PostgreSQL, Kafka and the load generator share the same machine. Each service runs with "
                + "`-Xmx384m -XX:+UseSerialGC` as `./run.sh` starts it.");
        String text = String.join("\n", md) + "\n";
        System.out.println();
        System.out.println(text);
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/load.md"), text);
        return passed;
    }

    /**
     * Memory rule. A JVM's RSS saw-tooths with its collections and only settles once the heap's pages have all
     * been touched, so one sample against another would judge the GC's timing. Instead compare like with like:
     * the peak over the first 30 s after warm-up against the peak over the last 30 s of the run. A leak lifts the
     * later peak; a steady service keeps both at its working-set ceiling.
     */
    private List<Memory> memory(List<Sample> samples) {
        double warm = settings.warmup().toSeconds();
        double window = Settings.WINDOW.toSeconds();
        double end = settings.total().toSeconds();
        List<Memory> out = new ArrayList<>();
        for (String p : samples.get(0).rssKib().keySet()) {
            long baseline = peak(samples, p, warm, warm + window);
            long last = peak(samples, p, end - window, Double.MAX_VALUE);
            long peak = peak(samples, p, warm, Double.MAX_VALUE);
            out.add(new Memory(p, baseline, last, peak, 100.0 * (last - baseline) / baseline));
        }
        return out;
    }

    private static long peak(List<Sample> samples, String process, double from, double to) {
        return samples.stream().filter(s -> s.seconds() >= from - 0.5 && s.seconds() < to - 0.5)
                .mapToLong(s -> s.rssKib().get(process)).max().orElse(-1);
    }

    private List<Lag> lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<String, TopicDescription> topics = admin.describeTopics(CONSUMED_TOPICS).allTopicNames()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
        topics.values().forEach(d -> d.partitions().forEach(p -> {
            latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
        }));
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        var starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        List<Lag> out = new ArrayList<>();
        for (TopicPartition tp : latest.keySet()) {
            OffsetAndMetadata c = committed.get(tp);
            // No commit yet on a partition: the group starts from the earliest record (auto.offset.reset).
            long from = c == null ? starts.get(tp).offset() : c.offset();
            out.add(new Lag(tp, from, ends.get(tp).offset()));
        }
        out.sort(java.util.Comparator.comparing(l -> l.partition().toString()));
        return out;
    }

    private static long totalLag(List<Lag> lag) {
        return lag.stream().mapToLong(Lag::lag).sum();
    }

    /** Records in a topic (its log end summed over partitions); 0 when the topic was never created. */
    private static long endOffsets(Admin admin, String topic) throws Exception {
        Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        if (!names.contains(topic)) {
            return 0;
        }
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic);
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(i -> i.offset()).sum();
    }

    private static Map<String, Long> logSizes(Path logs) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String svc : SERVICES) {
            Path log = logs.resolve(svc + ".log");
            sizes.put(svc, Files.exists(log) ? Files.size(log) : 0);
        }
        return sizes;
    }

    /** ERROR lines each service's JSON log gained since {@code from} (byte offsets per service). */
    private static Map<String, Long> logErrors(Path logs, Map<String, Long> from) throws IOException {
        Map<String, Long> errors = new LinkedHashMap<>();
        for (String svc : SERVICES) {
            long count = 0;
            try (var in = Files.newInputStream(logs.resolve(svc + ".log"))) {
                in.skipNBytes(from.get(svc));
                count = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(l -> l.contains("\"level\":\"ERROR\"")).count();
            } catch (IOException | RuntimeException unreadable) {
                count = -1;
            }
            errors.put(svc, count);
        }
        return errors;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("[load] could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** VmRSS of a process in KiB from /proc (Linux); -1 once the process is gone. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process exited between samples
        }
        return -1;
    }

    private long total(java.util.function.Function<Op, LongAdder> f) {
        return ops.values().stream().mapToLong(o -> f.apply(o).sum()).sum();
    }

    private static String machine() {
        long memKib = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException unknown) {
            // not Linux: leave the memory out
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + (memKib > 0 ? String.format(", %.0f GiB RAM",
                memKib / 1048576.0) : "");
    }

    private static String shortName(String process) {
        return process.equals(LOAD_JVM) ? "load" : process.replace("-service", "");
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpLoad.get(url).header("Authorization", "Bearer " + token).build();
    }

    private static HttpRequest.Builder postJson(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Spaces requests evenly at a rate shared by all workers. A worker that falls behind does not earn a burst
     * to catch up, so the load stays bounded even after a slow spell.
     */
    static final class Pacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(double perSecond) {
            this.intervalNanos = (long) (1e9 / perSecond);
        }

        void await() throws InterruptedException {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                next = Math.max(next + intervalNanos, now);
                wait = next - now;
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }
}
