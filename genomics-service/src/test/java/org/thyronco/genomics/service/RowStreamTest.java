package org.thyronco.genomics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.thyronco.genomics.normalize.FindingType;
import org.thyronco.genomics.normalize.NormalizedFinding;
import org.thyronco.genomics.repository.FindingEntity;

/** The hand-over between an upload job's reader and its storing transaction, without a database. */
class RowStreamTest {

    @Test
    void chunksArriveInFileOrderAndTheTailCountsEveryFindingButCarriesOnlyTheMatchableOnes() {
        RowStream stream = new RowStream(2);
        List<List<FindingEntity>> received = new CopyOnWriteArrayList<>();
        stream.chunks().subscribe().with(chunk -> {
            received.add(chunk);
            stream.stored();
        });
        for (int i = 1; i <= 5; i++) {
            stream.add(variant(i == 4 ? "BRAF" : null), row(i));
        }
        stream.complete();

        assertThat(received).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(received.stream().flatMap(List::stream).map(r -> r.ordinal)).containsExactly(1, 2, 3, 4, 5);
        assertThat(stream.tail().count()).isEqualTo(5);
        assertThat(stream.tail().matchable()).extracting(StoredFinding::ref).containsExactly("F4");
    }

    @Test
    void theReaderWaitsWhileTwoChunksAreNotYetStored() throws Exception {
        RowStream stream = new RowStream(1);
        List<List<FindingEntity>> received = new CopyOnWriteArrayList<>();
        stream.chunks().subscribe().with(received::add);
        Thread reader = new Thread(() -> {
            for (int i = 1; i <= 3; i++) {
                stream.add(variant(null), row(i));
            }
        });
        reader.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reader.getState() == Thread.State.WAITING);
        assertThat(received).hasSize(RowStream.WAITING);

        stream.stored();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(received).hasSize(3);
    }

    @Test
    void whenTheStoringSideEndsFirstABlockedReaderStopsInsteadOfWaitingForever() {
        RowStream stream = new RowStream(1);
        stream.chunks().subscribe().with(chunk -> {});
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            readerThread.set(Thread.currentThread());
            for (int i = 1; i <= 3; i++) {
                stream.add(variant(null), row(i));
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> readerThread.get() != null
                && readerThread.get().getState() == Thread.State.WAITING);

        stream.close();

        assertThatThrownBy(reader::join).hasCauseInstanceOf(RowStream.Closed.class);
    }

    @Test
    void aRejectedFileFailsTheStoringSideWithTheReason() {
        RowStream stream = new RowStream(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        stream.chunks().subscribe().with(chunk -> stream.stored(), failure::set);
        stream.add(variant("BRAF"), row(1));

        stream.fail(new IllegalArgumentException("line 7: bad allele"));

        assertThat(failure.get()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 7");
    }

    private static NormalizedFinding variant(String gene) {
        return new NormalizedFinding(FindingType.VARIANT, gene, null, null, null, List.of(), null, null, null, null,
                null, null, null, null, null, null, "chr7 1 A T", List.of());
    }

    private static FindingEntity row(int ordinal) {
        FindingEntity row = new FindingEntity();
        row.ordinal = ordinal;
        return row;
    }
}
