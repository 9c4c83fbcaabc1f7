package org.thyronco.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Closed-loop HTTP load at a fixed concurrency for a fixed time; loopback only. */
final class HttpLoad {

    /** Throughput and latency of one run; errors counts non-2xx answers and failures. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, int errors, int requests) {}

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Result run(Supplier<HttpRequest> request, int concurrency, Duration warmup, Duration measure) throws Exception {
        drive(request, concurrency, warmup, new ConcurrentLinkedQueue<>(), new AtomicInteger());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        drive(request, concurrency, measure, latencies, errors);
        double seconds = (System.nanoTime() - start) / 1e9;
        Stats stats = Stats.of(latencies.stream().mapToLong(Long::longValue).toArray());
        return new Result(latencies.size() / seconds, stats.percentileMillis(50), stats.percentileMillis(99),
                errors.get(), latencies.size());
    }

    private void drive(Supplier<HttpRequest> request, int concurrency, Duration duration,
            ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors) throws InterruptedException {
        loop(concurrency, duration, worker -> {
            long t0 = System.nanoTime();
            try {
                if (send(request.get()).statusCode() >= 300) {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
            latencies.add(System.nanoTime() - t0);
        });
    }

    /** One turn of a worker: a single request, or a whole stateful scenario (the sustained load test). */
    interface Turn {
        void run(int worker) throws InterruptedException;
    }

    /** Runs {@code turn} over and over in {@code concurrency} threads until {@code duration} is up. */
    void loop(int concurrency, Duration duration, Turn turn) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        turn.run(worker);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "load-" + w);
            t.setDaemon(true);
            t.start();
        }
        done.await();
    }

    /** Sends one request on the shared loopback client and reads the body as text. */
    HttpResponse<String> send(HttpRequest request) throws java.io.IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    }
}
