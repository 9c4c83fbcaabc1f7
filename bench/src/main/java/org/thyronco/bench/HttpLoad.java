package org.thyronco.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Workers in a closed loop for a fixed time on one shared loopback HTTP client (the sustained load test). */
final class HttpLoad {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

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
