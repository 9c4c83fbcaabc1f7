package org.thyronco.genomics.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.thyronco.genomics.normalize.NormalizedFinding;
import org.thyronco.genomics.repository.FindingEntity;

/**
 * An upload job's finding rows on their way from the thread reading the file to the transaction storing them, a
 * chunk at a time: the insert of one chunk overlaps the reading of the next, and a large file's findings are never
 * all held at once. At most {@link #WAITING} chunks are queued or being inserted; the reader blocks beyond that.
 *
 * <p>Nothing here weakens "a rejected file stores nothing": every chunk goes into the one transaction that also
 * writes the profile and its event, and a rejection fails the stream, which rolls that transaction back.
 */
final class RowStream {

    static final int WAITING = 2;

    /** What the storing side needs once every chunk is in: the finding count and what the event carries. */
    record Tail(int count, List<StoredFinding> matchable) {}

    /** Thrown to the reader when the storing side has ended first; the read stops. */
    static final class Closed extends RuntimeException {
        Closed() {
            super("the storing transaction ended before the file was read", null, false, false);
        }
    }

    private final UnicastProcessor<List<FindingEntity>> chunks = UnicastProcessor.create();
    private final Semaphore room = new Semaphore(WAITING);
    private final int chunkSize;
    private volatile boolean closed;
    private volatile Tail tail;

    // Reader-side state: touched only by the reading thread.
    private List<FindingEntity> chunk;
    private final List<StoredFinding> matchable = new ArrayList<>();
    private int count;

    RowStream(int chunkSize) {
        this.chunkSize = chunkSize;
        this.chunk = new ArrayList<>(chunkSize);
    }

    // --- the reading thread

    /** One accepted finding and its row, in file order. */
    void add(NormalizedFinding finding, FindingEntity row) {
        count++;
        if (ProfileService.matchable(finding)) {
            matchable.add(new StoredFinding("F" + count, finding));
        }
        chunk.add(row);
        if (chunk.size() == chunkSize) {
            send();
        }
    }

    /** The whole file was read and accepted. */
    void complete() {
        if (!chunk.isEmpty()) {
            send();
        }
        tail = new Tail(count, List.copyOf(matchable));
        chunks.onComplete();
    }

    /** The file was rejected or could not be read: the storing transaction fails with {@code reason}. */
    void fail(Throwable reason) {
        chunks.onError(reason);
    }

    private void send() {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Closed();
        }
        if (closed) {
            throw new Closed();
        }
        chunks.onNext(chunk);
        chunk = new ArrayList<>(chunkSize);
    }

    // --- the storing transaction

    Multi<List<FindingEntity>> chunks() {
        return chunks;
    }

    /** A chunk is in the database: the reader may send another. */
    void stored() {
        room.release();
    }

    /** Read after {@link #chunks()} completed. */
    Tail tail() {
        return tail;
    }

    /** The storing side is done (stored, refused or failed); a reader still sending stops. */
    void close() {
        closed = true;
        room.release(WAITING + 1);
    }
}
