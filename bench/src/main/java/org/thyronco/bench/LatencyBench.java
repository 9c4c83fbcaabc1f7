package org.thyronco.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Submission → RecommendationsIssued latency beside a raw Kafka produce → consume round trip. */
final class LatencyBench {

    /** Submissions before the measured ones, not counted. */
    private static final int WARMUP = 20;

    private LatencyBench() {}

    static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "bench-" + UUID.randomUUID());
        p.put("auto.offset.reset", "latest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(topic));
        long until = System.currentTimeMillis() + 15000;
        while (c.assignment().isEmpty() && System.currentTimeMillis() < until) {
            c.poll(Duration.ofMillis(100));
        }
        // Resolve "latest" now: left to the next poll, a record produced in between would be skipped.
        c.assignment().forEach(c::position);
        return c;
    }

    /** Median and p99 of produce (acks=all) → consume on one broker, one record at a time. */
    static Stats rawRoundTrip(String bootstrap, int samples) {
        String topic = "bench.roundtrip";
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, "warm", "warm")).get();
            try (KafkaConsumer<String, String> consumer = consumer(bootstrap, topic)) {
                long[] nanos = new long[samples];
                for (int i = 0; i < samples; i++) {
                    String key = "k" + i;
                    long t0 = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, key, "v")).get();
                    nanos[i] = awaitKey(consumer, key) - t0;
                }
                return Stats.of(nanos);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Median and p99 from the HTTP submission at genomics-service to RecommendationsIssued on Kafka. */
    static Stats submissionToIssued(String bootstrap, int genomicsPort, int samples) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + genomicsPort;
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, "therapy.recommendations.v1")) {
            // Warm the whole path (JIT, connection pools, statement caches) as the raw anchor is warmed by its
            // first send: otherwise p99 of a short series is just the cold first submission.
            for (int i = 0; i < WARMUP; i++) {
                submitAndAwait(http, base, consumer, "BENCH-WARM-" + i + "-" + System.nanoTime());
            }
            long[] nanos = new long[samples];
            for (int i = 0; i < samples; i++) {
                nanos[i] = submitAndAwait(http, base, consumer, "BENCH-E2E-" + i + "-" + System.nanoTime());
            }
            return Stats.of(nanos);
        }
    }

    /** Nanoseconds from the profile submission to its RecommendationsIssued event. */
    private static long submitAndAwait(HttpClient http, String base, KafkaConsumer<String, String> consumer,
            String caseId) throws Exception {
        post(http, base + "/cases", "{\"caseId\":\"" + caseId + "\",\"context\":{\"diagnosis\":\"THAP\"}}");
        long t0 = System.nanoTime();
        post(http, base + "/cases/" + caseId + "/profiles",
                "{\"findings\":[{\"type\":\"VARIANT\",\"gene\":\"BRAF\",\"variant\":\"V600E\"}]}");
        return awaitKey(consumer, caseId) - t0;
    }

    private static long awaitKey(KafkaConsumer<String, String> consumer, String key) {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                if (key.equals(r.key())) {
                    return System.nanoTime();
                }
            }
        }
        throw new IllegalStateException("no record with key " + key + " within 60 s");
    }

    private static void post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").header("X-Lab-Id", "BENCH").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

}
