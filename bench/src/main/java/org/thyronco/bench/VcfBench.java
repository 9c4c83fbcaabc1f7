package org.thyronco.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.thyronco.genomics.normalize.FieldError;
import org.thyronco.genomics.normalize.GenomeBuild;
import org.thyronco.genomics.normalize.IntakeSink;
import org.thyronco.genomics.normalize.NormalizedFinding;
import org.thyronco.genomics.normalize.VcfIntake;

/**
 * VCF intake beside {@code bcftools view} on the same generated files: parse + normalize in-process, and
 * full persisted intake through genomics-service's HTTP upload (job until SUCCEEDED).
 */
final class VcfBench {

    /** One client for every upload, as a lab's integration keeps one. */
    private static final HttpClient http = HttpClient.newHttpClient();

    static Path generate(Path dir, int records) throws IOException {
        Path file = dir.resolve("bench-" + records + ".vcf");
        Random random = new Random(records);
        String[] bases = {"A", "C", "G", "T"};
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("##fileformat=VCFv4.2\n##reference=GRCh38\n");
            for (int c = 1; c <= 22; c++) {
                w.write("##contig=<ID=chr" + c + ",assembly=GRCh38>\n");
            }
            w.write("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n");
            w.write("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
            w.write("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n");
            w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\tNORMAL\n");
            int chrom = 1;
            long pos = 10_000;
            for (int i = 0; i < records; i++) {
                if (i > 0 && i % Math.max(1, records / 22) == 0 && chrom < 22) {
                    chrom++;
                    pos = 10_000;
                }
                pos += 1 + random.nextInt(5000);
                String ref = bases[random.nextInt(4)];
                String alt = bases[(java.util.Arrays.asList(bases).indexOf(ref) + 1 + random.nextInt(3)) % 4];
                w.write("chr" + chrom + "\t" + pos + "\t.\t" + ref + "\t" + alt + "\t60\tPASS\tDP=" + (50 + i % 100)
                        + "\tGT:AD\t0/1:30,20\t0/0:40,0\n");
            }
        }
        return file;
    }

    static double bcftools(Path file, int repeats) throws Exception {
        long[] runs = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("bcftools", "view", file.toString()).redirectOutput(
                    ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("bcftools view failed on " + file);
            }
            runs[i] = System.nanoTime() - t0;
        }
        return Stats.of(runs).medianMillis();
    }

    /**
     * Parse + normalize as genomics-service does it: batches of records decoded and normalized on a worker pool, two
     * at a time (the service uses its Quarkus worker pool; two threads here, for the two cores).
     */
    static double parseAndNormalize(Path file, int repeats) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-intake");
            t.setDaemon(true);
            return t;
        });
        try {
            return parseAndNormalize(file, repeats, workers);
        } finally {
            workers.shutdownNow();
        }
    }

    private static double parseAndNormalize(Path file, int repeats, Executor workers) throws Exception {
        long[] runs = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long[] accepted = {0};
            List<FieldError> rejected = new ArrayList<>();
            long t0 = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                new VcfIntake(workers).read(in, GenomeBuild.GRCh38, "TUMOR", new IntakeSink() {
                    @Override
                    public void accept(long line, NormalizedFinding f) {
                        accepted[0]++;
                    }

                    @Override
                    public void reject(FieldError e) {
                        rejected.add(e);
                    }
                });
            }
            runs[i] = System.nanoTime() - t0;
            if (!rejected.isEmpty()) {
                throw new IllegalStateException("benchmark VCF rejected: " + rejected.get(0));
            }
        }
        return Stats.of(runs).medianMillis();
    }

    /** Median of {@code repeats} full intakes (upload, job, stored profile) of the same file, each on a new case. */
    static double fullIntake(int genomicsPort, Path file, int records, int repeats) throws Exception {
        long[] runs = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            runs[i] = (long) (fullIntake(genomicsPort, file, records) * 1e6);
        }
        return Stats.of(runs).medianMillis();
    }

    /** Upload to genomics-service directly and wait until the profile is stored. */
    static double fullIntake(int genomicsPort, Path file, int records) throws Exception {
        String base = "http://localhost:" + genomicsPort;
        String caseId = "BENCH-" + records + "-" + System.nanoTime();
        send(http, HttpRequest.newBuilder(URI.create(base + "/cases")).header("Content-Type", "application/json")
                .header("X-Lab-Id", "BENCH").POST(HttpRequest.BodyPublishers.ofString("{\"caseId\":\"" + caseId
                        + "\",\"context\":{\"diagnosis\":\"THPA\",\"raiRefractory\":true}}")).build(), 201);
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/cases/" + caseId
                        + "/uploads?build=GRCh38&sample=TUMOR")).header("Content-Type", "text/vcf").header("X-Lab-Id", "BENCH")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 202) {
            URI job = URI.create(base + "/").resolve(r.headers().firstValue("Location").orElseThrow());
            while (true) {
                HttpResponse<String> s = http.send(HttpRequest.newBuilder(job).header("X-Lab-Id",
                        "BENCH").build(), HttpResponse.BodyHandlers.ofString());
                if (s.body().contains("\"SUCCEEDED\"")) {
                    break;
                }
                if (s.body().contains("\"FAILED\"")) {
                    throw new IllegalStateException("intake job failed: " + s.body());
                }
                Thread.sleep(20);
            }
        } else if (r.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
