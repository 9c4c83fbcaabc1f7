package org.thyronco.therapy.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.thyronco.therapy.config.TherapyConfig;
import org.thyronco.therapy.repository.OutboxEventEntity;

/**
 * Sends outbox rows to Kafka in creation order and marks them published, in one transaction. Rows are
 * locked while sent, so two replicas never send the same row twice concurrently; a crash between send
 * and commit re-sends, which consumers absorb by deduplicating on the event id (at-least-once).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    @Channel("outbox")
    MutinyEmitter<Record<String, String>> emitter;

    @Inject
    TherapyConfig config;

    // Delayed start: the emitter's channel is wired only once messaging has started.
    @Scheduled(every = "${thyronco.outbox.every:0.5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return Panache.withTransaction(() -> OutboxEventEntity.<OutboxEventEntity>find(
                "publishedAt is null order by createdAt")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .range(0, config.outbox().batchSize() - 1)
                .list()
                .chain(this::sendAll))
                .onFailure().invoke(e -> LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Starts a relay pass now, without waiting for the schedule: called right after a transaction that
     * wrote events has committed, so events leave in milliseconds; the schedule remains the safety net.
     * Must be called on a Vert.x context (a request or a consumer), as Hibernate Reactive requires.
     */
    public void kick() {
        relay().subscribe().with(done -> { }, failure -> LOG.debugf("outbox kick failed: %s", failure.getMessage()));
    }

    private Uni<Void> sendAll(List<OutboxEventEntity> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().last()
                .invoke(() -> {
                    OffsetDateTime now = OffsetDateTime.now();
                    events.forEach(e -> e.publishedAt = now);
                })
                .replaceWithVoid();
    }

    private Uni<Void> send(OutboxEventEntity e) {
        RecordHeaders headers = new RecordHeaders();
        RecommendationEvents.headers(e).forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(e.topic)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(Record.of(e.eventKey, e.payload)).addMetadata(metadata));
    }
}
