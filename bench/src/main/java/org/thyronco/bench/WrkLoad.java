package org.thyronco.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load with wrk (Debian package; bench/run.sh installs it). The JDK HttpClient in this JVM, which
 * also hosts the Kafka broker, saturated near 500 requests/s here and flattened every throughput ratio towards 1; wrk
 * needs a fraction of the CPU per request, so the figures describe the services rather than the load generator.
 */
final class WrkLoad {

    /**
     * Throughput and latency of one run; errors counts non-2xx answers and socket errors; cpu is each measured
     * process's CPU per request, in microseconds.
     */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, int errors, int requests,
            Map<String, Double> cpu) {}

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PERCENTILE = Pattern.compile("\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)");

    private final Path work;
    private final CpuMeter meter;

    WrkLoad(Path work, CpuMeter meter) {
        this.work = work;
        this.meter = meter;
    }

    /** Warms up, then measures {@code method url} at a fixed concurrency; body is sent as JSON when not null. */
    Result run(String method, String url, String body, Map<String, String> headers, int concurrency,
            Duration warmup, Duration measure) throws IOException, InterruptedException {
        Path script = Files.createTempFile(work, "wrk-", ".lua");
        StringBuilder lua = new StringBuilder("wrk.method = \"" + method + "\"\n");
        if (body != null) {
            lua.append("wrk.body = [==[").append(body).append("]==]\n")
                    .append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        }
        headers.forEach((k, v) -> lua.append("wrk.headers[\"").append(k).append("\"] = \"").append(v).append("\"\n"));
        Files.writeString(script, lua.toString(), StandardCharsets.UTF_8);
        wrk(script, url, concurrency, warmup);
        Map<String, java.time.Duration> before = meter.snapshot();
        String out = wrk(script, url, concurrency, measure);
        Map<String, java.time.Duration> after = meter.snapshot();
        double rps = Double.parseDouble(find(RPS, out, 1));
        int requests = Integer.parseInt(find(TOTAL, out, 1));
        int errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Integer.parseInt(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Integer.parseInt(socket.group(g));
            }
        }
        double p50 = 0;
        double p99 = 0;
        Matcher p = PERCENTILE.matcher(out);
        while (p.find()) {
            double millis = Double.parseDouble(p.group(2)) * switch (p.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000;
                default -> 1;
            };
            if (p.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        return new Result(rps, p50, p99, errors, requests, CpuMeter.perRequest(before, after, requests));
    }

    private static String wrk(Path script, String url, int concurrency, Duration duration)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t", String.valueOf(Math.min(2, concurrency)), "-c",
                String.valueOf(concurrency), "-d", duration.toSeconds() + "s", "--latency", "-s", script.toString(),
                url));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    private static String find(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + text);
        }
        return m.group(group);
    }
}
