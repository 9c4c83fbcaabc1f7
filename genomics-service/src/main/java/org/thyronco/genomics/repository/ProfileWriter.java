package org.thyronco.genomics.repository;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where profiles are written: the profile row, its findings and its event, in one transaction on one connection of
 * the reactive PostgreSQL client. Hibernate Reactive sends a session's statements one after another; the client
 * pipelines them, so the next chunk of a large upload's findings is encoded and sent while the database still inserts
 * the one before. Reads stay with the entities.
 */
@ApplicationScoped
public class ProfileWriter {

    /** Rows per INSERT statement: each column that varies within them travels as one array of this many elements. */
    public static final int FINDINGS_PER_STATEMENT = 5_000;

    /** Finding statements on the connection at once: one being inserted, the next on its way. */
    public static final int STATEMENTS_IN_FLIGHT = 2;

    @Inject
    Pool pool;

    /** What a profile is written from; its version is the case's next, decided in the writing transaction. */
    public record NewProfile(UUID id, String caseId, String source, String idempotencyKey, String requestHash,
            OffsetDateTime createdAt) {}

    /** The outcome: the profile written, or the one {@code idempotencyKey} wrote before (then nothing was written). */
    public record Written(ProfileEntity profile, boolean created) {}

    /**
     * Writes {@code profile}, then its findings as {@code chunks} deliver them (each at most
     * {@link #FINDINGS_PER_STATEMENT}; {@code stored} runs as each is in), then its finding count and the event
     * {@code event} makes of it, and commits. A failed chunk stream or statement rolls everything back. A profile
     * already written under the same idempotency key is answered instead, and {@code chunks} left unread.
     */
    public Uni<Written> write(NewProfile profile, Multi<List<FindingEntity>> chunks, Runnable stored,
            Function<ProfileEntity, OutboxEventEntity> event) {
        return pool.withTransaction(tx -> lockCase(tx, profile.caseId())
                .chain(() -> byIdempotencyKey(tx, profile.idempotencyKey())).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Written(existing, false));
            }
            // The chunks arrive on the reading thread; statements go out on this transaction's context.
            io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
            return insertProfile(tx, profile).chain(p -> chunks
                    .emitOn(task -> context.runOnContext(ignored -> task.run()))
                    .onItem().transformToUni(chunk -> insertFindings(tx, p.id, chunk).invoke(stored)
                            .replaceWith(chunk.size()))
                    .merge(STATEMENTS_IN_FLIGHT)
                    .collect().with(Collectors.summingInt(Integer::intValue))
                    .chain(count -> {
                        p.findingCount = count;
                        return finish(tx, p, event.apply(p));
                    })
                    .replaceWith(new Written(p, true)));
        }));
    }

    /**
     * Holds the case's row until commit, so that writes to one case take turns: each numbers its version after the
     * last one committed (two at once both took the same number, and the unique key refused one with a 500), and a
     * repeated idempotency key finds the profile its twin committed instead of inserting beside it.
     */
    private static Uni<Void> lockCase(SqlConnection tx, String caseId) {
        return tx.preparedQuery("select 1 from tumour_case where case_id = $1 for update").execute(Tuple.of(caseId))
                .replaceWithVoid();
    }

    private static Uni<ProfileEntity> byIdempotencyKey(SqlConnection tx, String key) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return tx.preparedQuery("select id, case_id, version, source, idempotency_key, request_hash, finding_count,"
                + " created_at from profile where idempotency_key = $1").execute(Tuple.of(key))
                .map(rows -> rows.size() == 0 ? null : profile(rows.iterator().next()));
    }

    /** The profile row, numbered the case's next version (writes to one case take turns: see lockCase). */
    private static Uni<ProfileEntity> insertProfile(SqlConnection tx, NewProfile p) {
        return tx.preparedQuery("insert into profile (id, case_id, version, source, idempotency_key, request_hash,"
                + " finding_count, created_at) select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, 0, $6"
                + " from profile where case_id = $2 returning id, case_id, version, source, idempotency_key,"
                + " request_hash, finding_count, created_at")
                .execute(Tuple.from(Arrays.asList(p.id(), p.caseId(), p.source(), p.idempotencyKey(),
                        p.requestHash(), p.createdAt())))
                .map(rows -> profile(rows.iterator().next()));
    }

    private static Uni<Void> finish(SqlConnection tx, ProfileEntity p, OutboxEventEntity e) {
        return tx.preparedQuery("update profile set finding_count = $2 where id = $1")
                .execute(Tuple.of(p.id, p.findingCount))
                .chain(() -> tx.preparedQuery("insert into outbox_event (id, topic, event_key, event_type, payload,"
                        + " created_at) values ($1, $2, $3, $4, $5, $6)")
                        .execute(Tuple.from(Arrays.asList(e.id, e.topic, e.eventKey, e.eventType, e.payload,
                                e.createdAt))))
                .replaceWithVoid();
    }

    private static Uni<Void> insertFindings(SqlConnection tx, UUID profileId, List<FindingEntity> chunk) {
        FindingsInsert statement = FindingsInsert.of(chunk);
        List<Object> parameters = new ArrayList<>(statement.parameters().size() + 1);
        parameters.add(profileId);
        parameters.addAll(statement.parameters());
        return tx.preparedQuery(statement.sql()).execute(Tuple.from(parameters)).replaceWithVoid();
    }

    private static ProfileEntity profile(Row row) {
        ProfileEntity p = new ProfileEntity();
        p.id = row.getUUID("id");
        p.caseId = row.getString("case_id");
        p.version = row.getInteger("version");
        p.source = row.getString("source");
        p.idempotencyKey = row.getString("idempotency_key");
        p.requestHash = row.getString("request_hash");
        p.findingCount = row.getInteger("finding_count");
        p.createdAt = row.getOffsetDateTime("created_at");
        return p;
    }

    /** A finding column as it is bulk-inserted: its name, its PostgreSQL element type, its value. */
    private record Column(String name, String sqlType, Function<FindingEntity, Object> value) {}

    /** The one list that orders both the INSERT's columns and the values bound to it. */
    private static final List<Column> FINDING_COLUMNS = List.of(
            new Column("ordinal", "int", f -> f.ordinal),
            new Column("type", "text", f -> f.type),
            new Column("gene", "text", f -> f.gene),
            new Column("protein_change", "text", f -> f.proteinChange),
            new Column("hgvsc", "text", f -> f.hgvsc),
            new Column("variant_class", "text", f -> f.variantClass),
            new Column("fusion", "text", f -> f.fusion),
            new Column("five_prime", "text", f -> f.fivePrime),
            new Column("three_prime", "text", f -> f.threePrime),
            new Column("copy_number", "text", f -> f.copyNumber),
            new Column("tmb", "float8", f -> f.tmb),
            new Column("msi", "text", f -> f.msi),
            new Column("pdl1_score", "text", f -> f.pdl1Score),
            new Column("pdl1_value", "float8", f -> f.pdl1Value),
            new Column("assay", "text", f -> f.assay),
            new Column("vrs_id", "text", f -> f.vrsId),
            new Column("locations", "text", f -> f.locations),
            new Column("raw", "text", f -> f.raw),
            new Column("warnings", "text", f -> f.warnings));

    /**
     * One chunk's INSERT: column arrays that PostgreSQL unnests, a few thousand rows per statement, rather than one
     * entity insert per row. A column that is null in every row of the chunk is left out (null is its default); a
     * column with one value throughout is bound once; only the others travel as arrays. Most columns of a VCF chunk
     * are null or constant (a variant's type, the usual warning), and decoding and unnesting their arrays was about a
     * fifth of the database's cost of storing the chunk. {@code $1} is the profile id; {@code parameters} bind from
     * {@code $2}. Each statement checks that its findings' profile exists (V5).
     */
    record FindingsInsert(String sql, List<Object> parameters) {

        static FindingsInsert of(List<FindingEntity> chunk) {
            StringJoiner names = new StringJoiner(", ");
            StringJoiner selected = new StringJoiner(", ");
            StringJoiner arrays = new StringJoiner(", ");
            StringJoiner unnested = new StringJoiner(", ");
            List<Object> parameters = new ArrayList<>();
            for (Column column : FINDING_COLUMNS) {
                Object first = column.value().apply(chunk.get(0));
                // The ordinal always travels as an array: it numbers the rows, so unnest has one to produce them from.
                boolean constant = !column.name().equals("ordinal") && allEqual(column, chunk, first);
                if (constant && first == null) {
                    continue;
                }
                names.add(column.name());
                String placeholder = "$" + (parameters.size() + 2);
                if (constant) {
                    parameters.add(first);
                    selected.add("cast(" + placeholder + " as " + column.sqlType() + ")");
                } else {
                    parameters.add(array(column, chunk));
                    arrays.add("cast(" + placeholder + " as " + column.sqlType() + "[])");
                    unnested.add(column.name());
                    selected.add("t." + column.name());
                }
            }
            String sql = "insert into finding (profile_id, " + names + ") select $1, " + selected + " from unnest("
                    + arrays + ") as t(" + unnested + ")";
            return new FindingsInsert(sql, parameters);
        }

        private static boolean allEqual(Column column, List<FindingEntity> chunk, Object first) {
            for (int i = 1; i < chunk.size(); i++) {
                if (!Objects.equals(first, column.value().apply(chunk.get(i)))) {
                    return false;
                }
            }
            return true;
        }

        /** One column of a chunk as a typed array (the client binds it as int[], float8[] or text[]). */
        private static Object[] array(Column column, List<FindingEntity> chunk) {
            Object[] values = switch (column.sqlType()) {
                case "int" -> new Integer[chunk.size()];
                case "float8" -> new Double[chunk.size()];
                default -> new String[chunk.size()];
            };
            for (int i = 0; i < values.length; i++) {
                values[i] = column.value().apply(chunk.get(i));
            }
            return values;
        }
    }
}
