package org.thyronco.genomics.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;

/** Cases, profiles, findings and jobs. */
@ApplicationScoped
@WithSession
public class CaseRepository {

    public Uni<CaseEntity> findCase(String caseId) {
        return CaseEntity.findById(caseId);
    }

    /** Cases filtered by diagnosis and by a gene present in any of their profiles; a lab sees only its own. */
    public Uni<List<CaseEntity>> cases(String labId, String diagnosis, String gene, int page, int size) {
        return CaseEntity.<CaseEntity>find(caseQuery(labId, diagnosis, gene) + " order by c.caseId",
                caseParams(labId, diagnosis, gene)).page(Page.of(page, size)).list();
    }

    public Uni<Long> countCases(String labId, String diagnosis, String gene) {
        return CaseEntity.count(caseQuery(labId, diagnosis, gene), caseParams(labId, diagnosis, gene));
    }

    private static String caseQuery(String labId, String diagnosis, String gene) {
        StringBuilder q = new StringBuilder("from CaseEntity c where 1 = 1");
        if (labId != null) {
            q.append(" and c.labId = :lab");
        }
        if (diagnosis != null) {
            q.append(" and c.diagnosis = :diagnosis");
        }
        if (gene != null) {
            q.append(" and exists (select 1 from ProfileEntity p, FindingEntity f where p.caseId = c.caseId"
                    + " and f.profileId = p.id and (f.gene = :gene or f.fivePrime = :gene or f.threePrime = :gene))");
        }
        return q.toString();
    }

    private static Parameters caseParams(String labId, String diagnosis, String gene) {
        Parameters p = new Parameters();
        if (labId != null) {
            p.and("lab", labId);
        }
        if (diagnosis != null) {
            p.and("diagnosis", diagnosis);
        }
        if (gene != null) {
            p.and("gene", gene);
        }
        return p;
    }

    public Uni<ProfileEntity> latestProfile(String caseId) {
        return ProfileEntity.<ProfileEntity>find("caseId = ?1 order by version desc", caseId).firstResult();
    }

    public Uni<List<ProfileEntity>> profiles(String caseId) {
        return ProfileEntity.list("caseId = ?1 order by version", caseId);
    }

    public Uni<ProfileEntity> profile(UUID id) {
        return ProfileEntity.findById(id);
    }

    public Uni<ProfileEntity> profileByIdempotencyKey(String key) {
        return ProfileEntity.find("idempotencyKey", key).firstResult();
    }

    /** Rows per INSERT statement: each column that varies within them travels as one array of this many elements. */
    public static final int FINDINGS_PER_STATEMENT = 5_000;

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
     * Inserts a profile's findings in the current transaction, a few thousand rows per statement (column arrays that
     * PostgreSQL unnests) rather than one ORM entity insert per row: a 100,000-record VCF spent most of its intake in
     * per-entity bookkeeping and per-row round trips. The profile row must already be flushed: each statement
     * checks that its findings' profile exists (V5).
     */
    public Uni<Void> insertFindings(UUID profileId, List<FindingEntity> rows) {
        return insertFindingsFrom(profileId, rows, 0);
    }

    private Uni<Void> insertFindingsFrom(UUID profileId, List<FindingEntity> rows, int from) {
        if (from >= rows.size()) {
            return Uni.createFrom().voidItem();
        }
        List<FindingEntity> chunk = rows.subList(from, Math.min(rows.size(), from + FINDINGS_PER_STATEMENT));
        FindingsInsert statement = FindingsInsert.of(chunk);
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(statement.sql()).setParameter(1, profileId);
            for (int i = 0; i < statement.parameters().size(); i++) {
                insert.setParameter(i + 2, statement.parameters().get(i));
            }
            return insert.executeUpdate();
        }).chain(() -> insertFindingsFrom(profileId, rows, from + chunk.size()));
    }

    /**
     * One chunk's INSERT. A column that is null in every row of the chunk is left out (null is its default); a column
     * with one value throughout is bound once; only the others travel as arrays. Most columns of a VCF chunk are null
     * or constant (a variant's type, the usual warning), and decoding and unnesting their arrays was about a fifth of
     * the database's cost of storing the chunk. {@code ?1} is the profile id; {@code parameters} bind from {@code ?2}.
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
                String placeholder = "?" + (parameters.size() + 2);
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
            String sql = "insert into finding (profile_id, " + names + ") select cast(?1 as uuid), " + selected
                    + " from unnest(" + arrays + ") as t(" + unnested + ")";
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
    }

    /** One column of a chunk as a typed array (the reactive PostgreSQL client binds it as int[], float8[] or text[]). */
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

    public Uni<List<FindingEntity>> findings(UUID profileId) {
        return FindingEntity.list("profileId = ?1 order by ordinal", profileId);
    }

    public Uni<IntakeJobEntity> job(UUID id) {
        return IntakeJobEntity.findById(id);
    }
}
