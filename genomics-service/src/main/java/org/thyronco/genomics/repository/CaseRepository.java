package org.thyronco.genomics.repository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Cases, profiles, findings and jobs as entities; a profile and its findings are written by {@link ProfileWriter}. */
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


    /**
     * The reportable findings: every finding at a gene (normalization names the gene only where the knowledge base
     * can use it) and every fusion, copy-number change, TMB, MSI and PD-L1 result; variants elsewhere are not. The
     * findings a profile's event carries to matching ({@code ProfileService.matchable}, the same rule on a finding in
     * hand), and those a report lists.
     */
    private static final String REPORTABLE = " and (gene is not null or type <> 'VARIANT')";

    /** A profile's findings in order, all or only the reportable ones, {@code size} from the {@code page}-th page. */
    public Uni<List<FindingEntity>> findings(UUID profileId, boolean reportableOnly, int page, int size) {
        return FindingEntity.<FindingEntity>find("profileId = ?1" + (reportableOnly ? REPORTABLE : "")
                + " order by ordinal", profileId).page(Page.of(page, size)).list();
    }

    public Uni<Long> countReportableFindings(UUID profileId) {
        return FindingEntity.count("profileId = ?1" + REPORTABLE, profileId);
    }

    public Uni<IntakeJobEntity> job(UUID id) {
        return IntakeJobEntity.findById(id);
    }
}
