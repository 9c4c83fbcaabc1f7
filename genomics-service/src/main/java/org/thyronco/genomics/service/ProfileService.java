package org.thyronco.genomics.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.thyronco.genomics.config.GenomicsConfig;
import org.thyronco.genomics.mapping.CaseMapper;
import org.thyronco.genomics.messaging.OutboxRelay;
import org.thyronco.genomics.messaging.ProfileEvents;
import org.thyronco.genomics.normalize.FieldError;
import org.thyronco.genomics.normalize.FindingInput;
import org.thyronco.genomics.normalize.FindingNormalizer;
import org.thyronco.genomics.normalize.GenomeBuild;
import org.thyronco.genomics.normalize.NormalizationResult;
import org.thyronco.genomics.normalize.NormalizedFinding;
import org.thyronco.genomics.repository.CaseEntity;
import org.thyronco.genomics.repository.CaseRepository;
import org.thyronco.genomics.repository.FindingEntity;
import org.thyronco.genomics.repository.OutboxEventEntity;
import org.thyronco.genomics.repository.ProfileEntity;
import org.thyronco.genomics.repository.ProfileWriter;

/**
 * Stores profiles: all findings normalized or the whole submission refused, the profile and its event
 * written in one transaction (transactional outbox), and a repeated idempotency key answered with the
 * profile it first created.
 */
@ApplicationScoped
public class ProfileService {

    @Inject
    CaseRepository repository;

    @Inject
    CaseService cases;

    @Inject
    CaseMapper mapper;

    @Inject
    ProfileEvents events;

    @Inject
    ProfileWriter writer;

    @Inject
    OutboxRelay relay;

    @Inject
    GenomicsConfig config;

    @Inject
    ObjectMapper json;

    final FindingNormalizer normalizer = new FindingNormalizer();

    /** Normalizes every finding; a finding's errors are reported under /findings/{index}/... */
    public Normalized normalizeAll(List<FindingInput> inputs, GenomeBuild defaultBuild) {
        List<NormalizedFinding> findings = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            FindingInput in = inputs.get(i);
            if (in == null) {
                errors.add(new FieldError("/findings/" + i, null, null, "a finding may not be null"));
                continue;
            }
            NormalizationResult r = normalizer.normalize(withBuild(in, defaultBuild));
            if (r.ok()) {
                findings.add(r.finding());
            } else {
                for (FieldError e : r.errors()) {
                    errors.add(new FieldError("/findings/" + i + "/" + (e.field() == null ? "" : e.field()),
                            e.line(), e.column(), e.reason()));
                }
            }
        }
        return new Normalized(findings, errors);
    }

    /** Result of normalizing a submission. */
    public record Normalized(List<NormalizedFinding> findings, List<FieldError> errors) {}

    @WithSession
    public Uni<CaseService.Created<Views.Profile>> submit(String labId, String caseId, String idempotencyKey,
            List<FindingInput> inputs) {
        return cases.owned(labId, caseId).chain(c -> {
            Normalized n = normalizeAll(inputs, caseBuild(c));
            if (!n.errors().isEmpty()) {
                return Uni.createFrom().failure(Problems.unprocessable(n.errors().size()
                        + " finding(s) could not be normalized; nothing was stored", n.errors()));
            }
            return store(c, "json", idempotencyKey, hash(inputs), n.findings(), rows(n.findings()))
                    .chain(stored -> stored.created()
                            ? Uni.createFrom().item(new CaseService.Created<>(mapper.profileOf(stored.value(),
                                    n.findings()), true))
                            : withFindings(stored.value(), false).map(v -> new CaseService.Created<>(v, false)));
        });
    }

    /** The findings' rows, numbered in order; the profile id is bound when they are inserted. */
    List<FindingEntity> rows(List<NormalizedFinding> findings) {
        List<FindingEntity> rows = new ArrayList<>(findings.size());
        for (NormalizedFinding f : findings) {
            rows.add(mapper.toEntity(rows.size() + 1, f));
        }
        return rows;
    }

    /**
     * Stores a JSON submission's normalized profile: {@code rows} are its findings as {@link #rows} prepared them.
     * Answers the profile stored, or the one a repeated idempotency key created before (then not new); the caller
     * decides how much of it to show.
     */
    Uni<CaseService.Created<ProfileEntity>> store(CaseEntity c, String source, String idempotencyKey,
            String requestHash, List<NormalizedFinding> findings, List<FindingEntity> rows) {
        List<List<FindingEntity>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ProfileWriter.FINDINGS_PER_STATEMENT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + ProfileWriter.FINDINGS_PER_STATEMENT)));
        }
        return write(newProfile(c, source, idempotencyKey, requestHash), Multi.createFrom().iterable(chunks),
                () -> {}, p -> events.profileStored(new ProfileEvents.ProfileEvent(c.caseId, p.id, p.version, c.labId,
                        mapper.context(c), matchable(findings), findings.size())))
                .map(written -> new CaseService.Created<>(checked(written, c, idempotencyKey, requestHash),
                        written.created()));
    }

    /**
     * Stores an upload's profile while its file is still being read: the profile row first, then each chunk of
     * findings as the reader sends it, then the event, all in one transaction. A rejected file fails {@code rows},
     * which rolls everything back. Answers the profile stored, or the one a repeated idempotency key created before
     * (the stream is then left unread; the caller closes it).
     */
    Uni<ProfileWriter.Written> storeStreamed(CaseEntity c, String source, String idempotencyKey, String requestHash,
            RowStream rows) {
        return write(newProfile(c, source, idempotencyKey, requestHash), rows.chunks(), rows::stored, p -> {
            RowStream.Tail tail = rows.tail();
            return events.profileStored(new ProfileEvents.ProfileEvent(c.caseId, p.id, p.version, c.labId,
                    mapper.context(c), tail.matchable(), tail.count()));
        }).invoke(written -> checked(written, c, idempotencyKey, requestHash));
    }

    /** Writes a profile; once a new one has committed, its event leaves at once rather than at the relay's next tick. */
    private Uni<ProfileWriter.Written> write(ProfileWriter.NewProfile profile, Multi<List<FindingEntity>> chunks,
            Runnable stored, Function<ProfileEntity, OutboxEventEntity> event) {
        return writer.write(profile, chunks, stored, event).invoke(written -> {
            if (written.created()) {
                relay.kick();
            }
        });
    }

    private static ProfileWriter.NewProfile newProfile(CaseEntity c, String source, String idempotencyKey,
            String requestHash) {
        return new ProfileWriter.NewProfile(UUID.randomUUID(), c.caseId, source,
                idempotencyKey == null ? null : c.labId + ":" + idempotencyKey, requestHash, OffsetDateTime.now());
    }

    /**
     * The profile written, or the one an idempotency key created before for this very request; a key reused for a
     * different request is refused (nothing was written).
     */
    private static ProfileEntity checked(ProfileWriter.Written written, CaseEntity c, String idempotencyKey,
            String requestHash) {
        ProfileEntity p = written.profile();
        if (!written.created() && (!p.caseId.equals(c.caseId) || !p.requestHash.equals(requestHash))) {
            throw Problems.conflict("Idempotency-Key '" + idempotencyKey + "' was already used for a different request");
        }
        return p;
    }

    @WithSession
    public Uni<List<Views.ProfileSummary>> profiles(String labId, String caseId) {
        return cases.owned(labId, caseId).chain(c -> repository.profiles(caseId))
                .map(list -> list.stream().map(mapper::summary).toList());
    }

    /** A profile with all its findings, or with only the reportable ones (the report's view of a large profile). */
    @WithSession
    public Uni<Views.Profile> profile(String labId, UUID profileId, boolean reportableOnly) {
        return owned(labId, profileId).chain(p -> withFindings(p, reportableOnly));
    }

    @WithSession
    public Uni<Views.Profile> latest(String labId, String caseId, boolean reportableOnly) {
        return cases.owned(labId, caseId).chain(c -> repository.latestProfile(caseId)).chain(p -> {
            if (p == null) {
                return Uni.createFrom().failure(Problems.notFound("case " + caseId + " has no profile yet"));
            }
            return withFindings(p, reportableOnly);
        });
    }

    /** One page of a profile's findings (all, or the reportable ones), with how many there are in all. */
    @WithSession
    public Uni<Views.FindingPage> findings(String labId, UUID profileId, boolean reportableOnly, int page, int size) {
        return owned(labId, profileId).chain(p -> count(p, reportableOnly)
                .chain(total -> repository.findings(p.id, reportableOnly, page, size)
                        .map(f -> new Views.FindingPage(page, size, total, f.stream().map(mapper::finding).toList()))));
    }

    private Uni<ProfileEntity> owned(String labId, UUID profileId) {
        return repository.profile(profileId).chain(p -> {
            if (p == null) {
                return Uni.createFrom().failure(Problems.notFound("profile " + profileId + " does not exist"));
            }
            return cases.owned(labId, p.caseId).replaceWith(p);
        });
    }

    /**
     * The profile with its findings in one answer, or a refusal that names the paged address when they are more than
     * one answer may carry: a whole-exome profile's 100,000 findings are 45 MB of JSON, and a few such reads at once
     * exhausted the heap.
     */
    private Uni<Views.Profile> withFindings(ProfileEntity p, boolean reportableOnly) {
        int max = config.reads().maxFindingsPerAnswer();
        return count(p, reportableOnly).chain(count -> {
            if (count > max) {
                String pages = "/profiles/" + p.id + "/findings?page=0&size=" + MAX_PAGE_SIZE
                        + (reportableOnly ? "&findings=reportable" : "");
                return Uni.createFrom().failure(Problems.unprocessable("profile " + p.id + " holds " + count
                        + (reportableOnly ? " reportable" : "") + " findings, more than one answer carries (" + max
                        + "); read them a page at a time: " + pages, List.of(new FieldError("findings", null, null,
                                count + " findings; at most " + max + " in one answer; page through " + pages))));
            }
            return repository.findings(p.id, reportableOnly, 0, max).map(f -> mapper.profile(p, f));
        });
    }

    /** How many findings a read selects: the profile keeps its total; only the reportable ones need counting. */
    private Uni<Long> count(ProfileEntity p, boolean reportableOnly) {
        return reportableOnly ? repository.countReportableFindings(p.id) : Uni.createFrom().item((long) p.findingCount);
    }

    /** Largest page of findings one read may ask for. */
    public static final int MAX_PAGE_SIZE = 5_000;

    /**
     * The findings an event carries: everything a knowledge item could match. A genomic variant without a
     * gene (outside the annotated hotspots) can match nothing, and a whole-exome VCF holds tens of
     * thousands of them; they stay in the stored profile but do not travel.
     */
    static List<StoredFinding> matchable(List<NormalizedFinding> findings) {
        List<StoredFinding> matchable = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (matchable(findings.get(i))) {
                matchable.add(new StoredFinding("F" + (i + 1), findings.get(i)));
            }
        }
        return matchable;
    }

    static boolean matchable(NormalizedFinding f) {
        return f.gene() != null || f.type() != org.thyronco.genomics.normalize.FindingType.VARIANT;
    }

    static GenomeBuild caseBuild(CaseEntity c) {
        if (c.assay == null) {
            return null;
        }
        if (c.assay.contains("GRCh37")) {
            return GenomeBuild.GRCh37;
        }
        return c.assay.contains("GRCh38") ? GenomeBuild.GRCh38 : null;
    }

    static FindingInput withBuild(FindingInput in, GenomeBuild build) {
        if (in.build() != null || build == null || in.genomic() == null) {
            return in;
        }
        return new FindingInput(in.type(), in.gene(), in.variant(), in.transcript(), in.genomic(), build, in.fusion(),
                in.copyNumber(), in.tmb(), in.msi(), in.pdl1Score(), in.pdl1Value(), in.assay());
    }

    String hash(Object request) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(request)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
