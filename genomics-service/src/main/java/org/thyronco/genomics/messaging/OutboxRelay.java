package org.thyronco.genomics.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.thyronco.genomics.config.GenomicsConfig;
import org.thyronco.genomics.repository.OutboxEventEntity;

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
    GenomicsConfig config;

    @Inject
    EventBus bus;

    private static final String KICK = "thyronco.outbox.kick";

    /** A pass is running (only one at a time per instance; row locks order passes across replicas). */
    private final AtomicBoolean running = new AtomicBoolean();

    /** Events were committed since the running pass read its rows: run another pass right after it. */
    private final AtomicBoolean again = new AtomicBoolean();

    // Not before the application runs: the emitter's channel is wired only once messaging has started
    // (a tick that came first failed to create this bean), and not while it shuts down.
    @Scheduled(every = "${thyronco.outbox.every:0.5s}", delayed = "${thyronco.outbox.delayed:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        // Returning Uni keeps the tick on a Vert.x context, which Hibernate Reactive requires.
        return Uni.createFrom().voidItem().invoke(this::start);
    }

    /**
     * Asks for a relay pass now, without waiting for the schedule: called right after a transaction that wrote events
     * has committed, so events leave in milliseconds; the schedule remains the safety net. Callable from any thread or
     * context: the kick travels as an event-bus message, so the pass runs on a context and with a Hibernate Reactive
     * session of its own (started from an intake job's context, it shared the session of the job's next status update,
     * and both failed).
     */
    public void kick() {
        bus.send(KICK, "");
    }

    @ConsumeEvent(KICK)
    Uni<Void> kicked(String ignored) {
        return Uni.createFrom().voidItem().invoke(this::start);
    }

    /**
     * Starts a pass unless one is running. Kicks during a pass coalesce into one more pass after it (its query may not
     * have seen their rows), so a burst neither waits for the next tick nor piles up passes queued on the same row locks.
     */
    private void start() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        again.set(false);
        // Deferred: a pass that fails before it starts must still end the run, or no pass would ever start again.
        Uni.createFrom().deferred(this::pass).subscribe().with(more -> afterPass(more), failure -> afterPass(false));
    }

    private void afterPass(boolean fullBatch) {
        if (fullBatch || again.get()) {
            drain();
            return;
        }
        running.set(false);
        // A kick that arrived between the check above and the reset would otherwise wait for the schedule.
        if (again.get() && running.compareAndSet(false, true)) {
            drain();
        }
    }

    /** One pass: sends up to a batch of unpublished events; true when the batch was full (more may wait). */
    private Uni<Boolean> pass() {
        int batch = config.outbox().batchSize();
        return Panache.withTransaction(() -> OutboxEventEntity.<OutboxEventEntity>find(
                "publishedAt is null and failedReason is null order by createdAt")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .range(0, batch - 1)
                .list()
                .chain(events -> sendFrom(events, 0).replaceWith(events.size() == batch
                        && events.stream().allMatch(e -> e.publishedAt != null || parked(e)))))
                .onFailure().invoke(e -> LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithItem(false);
    }

    /**
     * Sends in order and marks each event published as soon as Kafka acknowledges it. At the first
     * failure the pass stops: what was acknowledged commits as published, the rest waits for the next
     * pass, so a broker outage does not make already-delivered events go out again.
     */
    private Uni<Void> sendFrom(List<OutboxEventEntity> events, int i) {
        if (i >= events.size()) {
            return Uni.createFrom().voidItem();
        }
        OutboxEventEntity e = events.get(i);
        return send(e)
                .invoke(() -> {
                    if (!parked(e)) {
                        e.publishedAt = OffsetDateTime.now();
                    }
                })
                .chain(() -> sendFrom(events, i + 1))
                .onFailure().invoke(err -> LOG.warnf("outbox send stopped at event %s: %s", e.id, err.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> send(OutboxEventEntity e) {
        RecordHeaders headers = new RecordHeaders();
        ProfileEvents.headers(e).forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(e.topic)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(Record.of(e.eventKey, e.payload)).addMetadata(metadata))
                .onFailure(OutboxRelay::permanent).recoverWithUni(err -> {
                    // Retrying cannot help (the record is too large, or invalid): park it, keep the rest moving.
                    LOG.errorf("outbox event %s (%s) parked: %s", e.id, e.eventType, err.getMessage());
                    e.failedReason = err.getClass().getSimpleName() + ": " + err.getMessage();
                    return Uni.createFrom().voidItem();
                });
    }

    private static boolean parked(OutboxEventEntity e) {
        return e.failedReason != null;
    }

    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.RecordTooLargeException
                    || t instanceof org.apache.kafka.common.InvalidRecordException
                    || t instanceof org.apache.kafka.common.errors.SerializationException) {
                return true;
            }
        }
        return false;
    }
}
