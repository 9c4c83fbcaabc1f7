package org.thyronco.genomics.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

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

    /** Rows per INSERT statement: each column travels as one array of this many elements. */
    public static final int FINDINGS_PER_STATEMENT = 5_000;

    private static final String INSERT_FINDINGS = "insert into finding (id, profile_id, ordinal, type, gene,"
            + " protein_change, hgvsc, variant_class, fusion, five_prime, three_prime, copy_number, tmb, msi, pdl1_score,"
            + " pdl1_value, assay, vrs_id, locations, raw, warnings)"
            + " select nextval('finding_seq'), cast(?1 as uuid), t.* from unnest(cast(?2 as int[]), cast(?3 as text[]),"
            + " cast(?4 as text[]), cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]), cast(?8 as text[]),"
            + " cast(?9 as text[]), cast(?10 as text[]), cast(?11 as text[]), cast(?12 as float8[]), cast(?13 as text[]),"
            + " cast(?14 as text[]), cast(?15 as float8[]), cast(?16 as text[]), cast(?17 as text[]),"
            + " cast(?18 as text[]), cast(?19 as text[]), cast(?20 as text[])) as t";

    /**
     * Inserts a profile's findings in the current transaction, a few thousand rows per statement (column arrays that
     * PostgreSQL unnests) rather than one ORM entity insert per row: a 100,000-record VCF spent most of its intake in
     * per-entity bookkeeping and per-row round trips. The profile row must already be flushed (foreign key).
     */
    public Uni<Void> insertFindings(UUID profileId, List<FindingEntity> rows) {
        return insertFindingsFrom(profileId, rows, 0);
    }

    private Uni<Void> insertFindingsFrom(UUID profileId, List<FindingEntity> rows, int from) {
        if (from >= rows.size()) {
            return Uni.createFrom().voidItem();
        }
        List<FindingEntity> chunk = rows.subList(from, Math.min(rows.size(), from + FINDINGS_PER_STATEMENT));
        int n = chunk.size();
        Integer[] ordinal = new Integer[n];
        String[][] text = new String[17][n];
        Double[] tmb = new Double[n];
        Double[] pdl1Value = new Double[n];
        for (int i = 0; i < n; i++) {
            FindingEntity f = chunk.get(i);
            ordinal[i] = f.ordinal;
            text[0][i] = f.type;
            text[1][i] = f.gene;
            text[2][i] = f.proteinChange;
            text[3][i] = f.hgvsc;
            text[4][i] = f.variantClass;
            text[5][i] = f.fusion;
            text[6][i] = f.fivePrime;
            text[7][i] = f.threePrime;
            text[8][i] = f.copyNumber;
            tmb[i] = f.tmb;
            text[9][i] = f.msi;
            text[10][i] = f.pdl1Score;
            pdl1Value[i] = f.pdl1Value;
            text[11][i] = f.assay;
            text[12][i] = f.vrsId;
            text[13][i] = f.locations;
            text[14][i] = f.raw;
            text[15][i] = f.warnings;
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_FINDINGS)
                .setParameter(1, profileId).setParameter(2, ordinal)
                .setParameter(3, text[0]).setParameter(4, text[1]).setParameter(5, text[2]).setParameter(6, text[3])
                .setParameter(7, text[4]).setParameter(8, text[5]).setParameter(9, text[6]).setParameter(10, text[7])
                .setParameter(11, text[8]).setParameter(12, tmb).setParameter(13, text[9]).setParameter(14, text[10])
                .setParameter(15, pdl1Value).setParameter(16, text[11]).setParameter(17, text[12])
                .setParameter(18, text[13]).setParameter(19, text[14]).setParameter(20, text[15])
                .executeUpdate())
                .chain(() -> insertFindingsFrom(profileId, rows, from + n));
    }

    public Uni<List<FindingEntity>> findings(UUID profileId) {
        return FindingEntity.list("profileId = ?1 order by ordinal", profileId);
    }

    public Uni<IntakeJobEntity> job(UUID id) {
        return IntakeJobEntity.findById(id);
    }
}
