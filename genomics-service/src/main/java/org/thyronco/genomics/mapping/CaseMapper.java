package org.thyronco.genomics.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thyronco.genomics.domain.CaseContext;
import org.thyronco.genomics.normalize.FieldError;
import org.thyronco.genomics.normalize.FindingType;
import org.thyronco.genomics.normalize.GenomicLocation;
import org.thyronco.genomics.normalize.NormalizedFinding;
import org.thyronco.genomics.normalize.VariantClass;
import org.thyronco.genomics.repository.CaseEntity;
import org.thyronco.genomics.repository.FindingEntity;
import org.thyronco.genomics.repository.IntakeJobEntity;
import org.thyronco.genomics.repository.ProfileEntity;
import org.thyronco.genomics.service.StoredFinding;
import org.thyronco.genomics.service.Views;

/** Entities ↔ API records; JSON columns are (de)serialized here and nowhere else. */
@ApplicationScoped
public class CaseMapper {

    /** Bounds the warnings cache: warnings come from a small set of messages, a few of them with values in them. */
    private static final int MAX_CACHED_WARNINGS = 1024;

    @Inject
    ObjectMapper json;

    /**
     * A large VCF repeats the same few warning lists on almost every finding ("not at a known hotspot ..."); writing
     * each list once instead of once per finding was a tenth of a 100,000-record intake.
     */
    private final Map<List<String>, String> warningsJson = new ConcurrentHashMap<>();

    /** Resolved once rather than per call: a 100,000-record VCF writes 100,000 location lists. */
    private ObjectWriter locationsWriter;

    @PostConstruct
    void resolveWriters() {
        locationsWriter = json.writerFor(new TypeReference<List<GenomicLocation>>() {});
    }

    public CaseContext.Context context(CaseEntity e) {
        return new CaseContext.Context(e.diagnosis, e.raiRefractory, e.raiCriterion, e.stage, e.ecog,
                e.noSatisfactoryLocoregionalOptions, e.noSatisfactoryAlternative,
                read(e.priorTherapies, new TypeReference<List<CaseContext.PriorTherapy>>() {}),
                e.sample == null ? null : read(e.sample, new TypeReference<CaseContext.Sample>() {}),
                e.assay == null ? null : read(e.assay, new TypeReference<CaseContext.Assay>() {}));
    }

    public void apply(CaseContext.Context c, CaseEntity e) {
        e.diagnosis = c.diagnosis();
        e.raiRefractory = c.raiRefractory();
        e.raiCriterion = c.raiCriterion();
        e.stage = c.stage();
        e.ecog = c.ecog();
        e.noSatisfactoryLocoregionalOptions = c.noSatisfactoryLocoregionalOptions();
        e.noSatisfactoryAlternative = c.noSatisfactoryAlternative();
        e.priorTherapies = write(c.priorTherapies() == null ? List.of() : c.priorTherapies());
        e.sample = c.sample() == null ? null : write(c.sample());
        e.assay = c.assay() == null ? null : write(c.assay());
    }

    public Views.Case view(CaseEntity e, Integer latestVersion) {
        return new Views.Case(e.caseId, e.labId, context(e), latestVersion, e.createdAt, e.updatedAt);
    }

    /** A finding's row; its profile id is bound when the profile's rows are inserted together. */
    public FindingEntity toEntity(int ordinal, NormalizedFinding f) {
        FindingEntity e = new FindingEntity();
        e.ordinal = ordinal;
        e.type = f.type().name();
        e.gene = f.gene();
        e.proteinChange = f.proteinChange();
        e.hgvsc = f.hgvsc();
        e.variantClass = f.variantClass() == null ? null : f.variantClass().name();
        e.fusion = f.fusion();
        e.fivePrime = f.fivePrimeGene();
        e.threePrime = f.threePrimeGene();
        e.copyNumber = f.copyNumber();
        e.tmb = f.tmb();
        e.msi = f.msi();
        e.pdl1Score = f.pdl1Score();
        e.pdl1Value = f.pdl1Value();
        e.assay = f.assay();
        e.vrsId = f.vrsId();
        try {
            e.locations = locationsWriter.writeValueAsString(f.locations() == null ? List.of() : f.locations());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        e.raw = f.raw();
        e.warnings = warnings(f.warnings() == null ? List.of() : f.warnings());
        return e;
    }

    public StoredFinding finding(FindingEntity e) {
        return new StoredFinding("F" + e.ordinal, new NormalizedFinding(FindingType.valueOf(e.type), e.gene,
                e.proteinChange, e.hgvsc, e.variantClass == null ? null : VariantClass.valueOf(e.variantClass),
                read(e.locations, new TypeReference<List<GenomicLocation>>() {}), e.vrsId, e.fusion, e.fivePrime,
                e.threePrime, e.copyNumber, e.tmb, e.msi, e.pdl1Score, e.pdl1Value, e.assay, e.raw,
                read(e.warnings, new TypeReference<List<String>>() {})));
    }

    public Views.ProfileSummary summary(ProfileEntity p) {
        return new Views.ProfileSummary(p.id, p.caseId, p.version, p.source, p.findingCount, p.createdAt);
    }

    public Views.Profile profile(ProfileEntity p, List<FindingEntity> findings) {
        return new Views.Profile(p.id, p.caseId, p.version, p.source, p.createdAt, p.findingCount,
                findings.stream().map(this::finding).toList());
    }

    /** The view of a profile just stored, from the findings in hand (no JSON read back per finding). */
    public Views.Profile profileOf(ProfileEntity p, List<NormalizedFinding> findings) {
        List<StoredFinding> stored = new java.util.ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            stored.add(new StoredFinding("F" + (i + 1), findings.get(i)));
        }
        return new Views.Profile(p.id, p.caseId, p.version, p.source, p.createdAt, p.findingCount, stored);
    }

    public Views.Job job(IntakeJobEntity j) {
        return new Views.Job(j.id, j.caseId, j.format, j.state, j.recordsRead, j.accepted, j.rejected,
                read(j.errors, new TypeReference<List<FieldError>>() {}), j.profileId, j.createdAt, j.updatedAt);
    }

    private String warnings(List<String> warnings) {
        String cached = warningsJson.get(warnings);
        if (cached != null) {
            return cached;
        }
        String text = write(warnings);
        if (warningsJson.size() < MAX_CACHED_WARNINGS) {
            warningsJson.put(List.copyOf(warnings), text);
        }
        return text;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
