package org.thyronco.genomics.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.thyronco.genomics.domain.CaseContext;
import org.thyronco.genomics.mapping.CaseMapper;
import org.thyronco.genomics.normalize.FieldError;
import org.thyronco.genomics.repository.CaseEntity;
import org.thyronco.genomics.repository.CaseRepository;

/** Registers cases and their clinical context; a lab only ever sees its own cases. */
@ApplicationScoped
public class CaseService {

    @Inject
    CaseRepository repository;

    @Inject
    CaseMapper mapper;

    /** Creates a case; the same request again returns the existing case, different content is a 409. */
    @WithTransaction
    public Uni<Created<Views.Case>> create(String labId, String caseId, CaseContext.Context context) {
        List<FieldError> errors = validate(context);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(Problems.unprocessable("the case context is invalid", errors));
        }
        return repository.findCase(caseId).chain(existing -> {
            if (existing != null) {
                if (!existing.labId.equals(labId) || !Objects.equals(mapper.context(existing), normalized(context))) {
                    return Uni.createFrom().failure(Problems.conflict("case " + caseId
                            + " already exists with a different context; update it with PUT"));
                }
                return repository.latestProfile(caseId)
                        .map(p -> new Created<>(mapper.view(existing, p == null ? null : p.version), false));
            }
            CaseEntity e = new CaseEntity();
            e.caseId = caseId;
            e.labId = labId;
            mapper.apply(normalized(context), e);
            e.createdAt = OffsetDateTime.now();
            e.updatedAt = e.createdAt;
            return e.<CaseEntity>persist().map(saved -> new Created<>(mapper.view(saved, null), true));
        });
    }

    /** Replaces the clinical context (e.g. after progression on a therapy). */
    @WithTransaction
    public Uni<Views.Case> updateContext(String labId, String caseId, CaseContext.Context context) {
        List<FieldError> errors = validate(context);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(Problems.unprocessable("the case context is invalid", errors));
        }
        return owned(labId, caseId).chain(e -> {
            mapper.apply(normalized(context), e);
            e.updatedAt = OffsetDateTime.now();
            return repository.latestProfile(caseId).map(p -> mapper.view(e, p == null ? null : p.version));
        });
    }

    @WithSession
    public Uni<Views.Case> get(String labId, String caseId) {
        return owned(labId, caseId).chain(e -> repository.latestProfile(caseId)
                .map(p -> mapper.view(e, p == null ? null : p.version)));
    }

    @WithSession
    public Uni<Views.CasePage> list(String labId, String diagnosis, String gene, int page, int size) {
        return repository.countCases(labId, diagnosis, gene).chain(total -> repository.cases(labId, diagnosis,
                gene, page, size).map(rows -> new Views.CasePage(page, size, total,
                        rows.stream().map(e -> mapper.view(e, null)).toList())));
    }

    /** The case if it exists and belongs to the lab (null lab: the caller may see every lab's cases). */
    Uni<CaseEntity> owned(String labId, String caseId) {
        return repository.findCase(caseId).map(e -> {
            // Another lab's case answers exactly like a missing one: its existence is not disclosed.
            if (e == null || (labId != null && !labId.equals(e.labId))) {
                throw Problems.notFound("case " + caseId + " does not exist");
            }
            return e;
        });
    }

    static CaseContext.Context normalized(CaseContext.Context c) {
        return new CaseContext.Context(c.diagnosis(), c.raiRefractory(), c.raiCriterion(), c.stage(), c.ecog(),
                c.noSatisfactoryLocoregionalOptions(), c.noSatisfactoryAlternative(),
                c.priorTherapies() == null ? List.of() : c.priorTherapies().stream()
                        .map(t -> new CaseContext.PriorTherapy(t.therapy().trim().toLowerCase(), t.bestResponse(),
                                t.progressed() != null ? t.progressed() : "PD".equals(t.bestResponse())))
                        .toList(),
                c.sample(), c.assay());
    }

    static List<FieldError> validate(CaseContext.Context c) {
        List<FieldError> errors = new ArrayList<>();
        if (c == null) {
            errors.add(new FieldError("/context", null, null, "the clinical context is required"));
            return errors;
        }
        if (c.diagnosis() == null || !CaseContext.DIAGNOSES.contains(c.diagnosis())) {
            errors.add(new FieldError("/context/diagnosis", null, null, "diagnosis must be an OncoTree thyroid code "
                    + CaseContext.DIAGNOSES.stream().sorted().toList() + ", got '" + c.diagnosis() + "'"));
        }
        if (c.ecog() != null && (c.ecog() < 0 || c.ecog() > 5)) {
            errors.add(new FieldError("/context/ecog", null, null, "ECOG is 0 to 5"));
        }
        if (c.priorTherapies() != null) {
            for (int i = 0; i < c.priorTherapies().size(); i++) {
                CaseContext.PriorTherapy t = c.priorTherapies().get(i);
                if (t == null || t.therapy() == null || t.therapy().isBlank()) {
                    errors.add(new FieldError("/context/priorTherapies/" + i + "/therapy", null, null,
                            "a prior therapy names the therapy"));
                } else if (t.bestResponse() != null && !CaseContext.RESPONSES.contains(t.bestResponse())) {
                    errors.add(new FieldError("/context/priorTherapies/" + i + "/bestResponse", null, null,
                            "best response is one of " + CaseContext.RESPONSES.stream().sorted().toList()));
                }
            }
        }
        if (c.sample() != null && c.sample().tumourPurity() != null
                && (c.sample().tumourPurity() < 0 || c.sample().tumourPurity() > 1)) {
            errors.add(new FieldError("/context/sample/tumourPurity", null, null, "tumour purity is a fraction 0..1"));
        }
        if (c.sample() != null && c.sample().type() != null
                && !List.of("primary", "metastasis").contains(c.sample().type())) {
            errors.add(new FieldError("/context/sample/type", null, null, "sample type is primary or metastasis"));
        }
        if (c.assay() != null && c.assay().genomeBuild() != null
                && !List.of("GRCh37", "GRCh38").contains(c.assay().genomeBuild())) {
            errors.add(new FieldError("/context/assay/genomeBuild", null, null, "genome build is GRCh37 or GRCh38"));
        }
        return errors;
    }

    /** A created-or-existing answer: {@code created} picks 201 over 200. */
    public record Created<T>(T value, boolean created) {}
}
