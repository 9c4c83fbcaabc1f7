package org.thyronco.evidence.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.thyronco.evidence.knowledge.Knowledge;
import org.thyronco.evidence.knowledge.KnowledgeValidator;
import org.thyronco.evidence.knowledge.OncoTree;
import org.thyronco.evidence.knowledge.ProteinChange;
import org.thyronco.evidence.knowledge.ReleaseDiff;
import org.thyronco.evidence.mapping.KnowledgeMapper;
import org.thyronco.evidence.messaging.KnowledgeEvents;
import org.thyronco.evidence.repository.KnowledgeReleaseEntity;
import org.thyronco.evidence.repository.KnowledgeRepository;

/** Publishes immutable knowledge releases and answers questions against any of them. */
@ApplicationScoped
public class KnowledgeService {

    private static final Logger LOG = Logger.getLogger(KnowledgeService.class);

    @Inject
    KnowledgeRepository repository;

    @Inject
    KnowledgeMapper mapper;

    @Inject
    KnowledgeEvents events;

    private final KnowledgeValidator validator = new KnowledgeValidator(loadGenes());

    public KnowledgeValidator validator() {
        return validator;
    }

    /**
     * Publishes a bundle as a new release, unless its content equals the latest release (then that one is
     * returned). Refuses invalid content (422) and a version that already exists with other content (409).
     */
    @WithTransaction
    public Uni<Views.Release> publish(Knowledge.Bundle bundle) {
        List<KnowledgeValidator.Violation> violations = validator.validate(bundle);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(rejected(violations));
        }
        String contentHash = mapper.hash(new Object[] {bundle.sources(), bundle.therapies(), bundle.items()});
        return repository.latest().chain(latest -> {
            if (latest != null && latest.contentHash.equals(contentHash)) {
                return Uni.createFrom().item(view(latest));
            }
            return repository.byVersion(bundle.manifest().version()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().failure(HttpProblem.builder().withStatus(409)
                            .withTitle("Release exists")
                            .withDetail("release " + existing.version + " is published and immutable; "
                                    + "give new content a new version")
                            .build());
                }
                Uni<Map<String, String>> before = latest == null ? Uni.createFrom().item(Map.of())
                        : repository.allItems(latest.id).map(items -> items.stream()
                                .collect(Collectors.toMap(i -> i.itemId, i -> i.contentHash)));
                return before.chain(previous -> store(bundle, contentHash, previous));
            });
        });
    }

    private Uni<Views.Release> store(Knowledge.Bundle bundle, String contentHash, Map<String, String> previous) {
        KnowledgeReleaseEntity release = new KnowledgeReleaseEntity();
        release.version = bundle.manifest().version();
        release.publishedAt = OffsetDateTime.now();
        release.contentHash = contentHash;
        release.notes = mapper.json(bundle.manifest().notes() == null ? List.of() : bundle.manifest().notes());
        Map<String, String> after = new LinkedHashMap<>();
        bundle.items().forEach(i -> after.put(i.id(), mapper.hash(i)));
        ReleaseDiff diff = ReleaseDiff.between(previous, after);
        release.diff = mapper.json(diff);
        return release.<KnowledgeReleaseEntity>persist().chain(saved -> {
            List<PanacheEntityBase> rows = new ArrayList<>();
            bundle.sources().forEach(s -> rows.add(mapper.toEntity(saved.id, s)));
            bundle.therapies().forEach(t -> rows.add(mapper.toEntity(saved.id, t)));
            bundle.items().forEach(i -> rows.add(mapper.toEntity(saved.id, i)));
            return PanacheEntityBase.persist(rows)
                    .chain(() -> events.released(saved.version, diff, bundle))
                    .invoke(() -> LOG.infof("published knowledge release %s: %d added, %d changed, %d retired",
                            saved.version, diff.added().size(), diff.changed().size(), diff.retired().size()))
                    .replaceWith(view(saved));
        });
    }

    @WithSession
    public Uni<List<Views.Release>> releases() {
        return repository.releases().map(list -> list.stream().map(this::view).toList());
    }

    @WithSession
    public Uni<Views.Release> release(String version) {
        return resolve(version).map(this::view);
    }

    @WithSession
    public Uni<Views.EvidencePage> search(Views.EvidenceQuery q) {
        List<String> alterations = null;
        String gene = q.gene() == null ? null : q.gene().trim().toUpperCase();
        if (q.variant() != null) {
            String p = ProteinChange.canonical(q.variant());
            if (p == null) {
                return Uni.createFrom().failure(badParameter("variant", "'" + q.variant()
                        + "' is not a protein change (try V600E, p.V600E or p.Val600Glu)"));
            }
            // An exact variant also finds evidence coded to its codon; never another allele's evidence.
            alterations = List.of(p, "codon:" + p.replaceAll("^[A-Z*](\\d+).*$", "$1"));
        }
        if (q.disease() != null && !OncoTree.isKnown(q.disease())) {
            return Uni.createFrom().failure(badParameter("disease", "unknown OncoTree code '" + q.disease() + "'"));
        }
        if (q.level() != null && !KnowledgeValidator.LEVELS.contains(q.level())) {
            return Uni.createFrom().failure(badParameter("level", "level must be one of " + KnowledgeValidator.LEVELS));
        }
        if (q.significance() != null && !KnowledgeValidator.SIGNIFICANCES.contains(q.significance())) {
            return Uni.createFrom().failure(badParameter("significance", "significance must be one of "
                    + KnowledgeValidator.SIGNIFICANCES));
        }
        List<String> finalAlterations = alterations;
        return resolve(q.release()).chain(release -> repository.items(release.id, gene, finalAlterations, q.therapy(),
                q.significance(), q.level(), blankToNull(q.text())).map(rows -> {
                    List<Knowledge.EvidenceItem> items = rows.stream().map(mapper::item)
                            .filter(i -> q.disease() == null || appliesTo(i, q.disease()))
                            .toList();
                    int from = Math.min(q.page() * q.size(), items.size());
                    int to = Math.min(from + q.size(), items.size());
                    return new Views.EvidencePage(release.version, q.page(), q.size(), items.size(),
                            items.subList(from, to));
                }));
    }

    /** A disease query reaches items coded to the code itself or any ancestor, minus excluded tumour types. */
    static boolean appliesTo(Knowledge.EvidenceItem item, String code) {
        if (item.excludedDiseases() != null && item.excludedDiseases().contains(code)) {
            return false;
        }
        if (OncoTree.BENIGN.contains(code)) {
            return false;
        }
        List<String> path = OncoTree.path(code);
        return item.diseases().stream().anyMatch(path::contains);
    }

    @WithSession
    public Uni<Views.Evidence> item(String itemId, String version) {
        return resolve(version).chain(release -> repository.item(release.id, itemId).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(notFound("evidence item " + itemId + " is not in release "
                        + release.version));
            }
            Knowledge.EvidenceItem item = mapper.item(row);
            return repository.sources(release.id).map(all -> new Views.Evidence(release.version, item,
                    all.stream().map(mapper::source).filter(s -> item.sources().contains(s.id())).toList()));
        }));
    }

    @WithSession
    public Uni<Views.Source> source(String idOrDoi, String version) {
        return resolve(version).chain(release -> repository.source(release.id, idOrDoi).map(row -> {
            if (row == null) {
                throw notFound("source " + idOrDoi + " is not in release " + release.version);
            }
            return new Views.Source(release.version, mapper.source(row));
        }));
    }

    @WithSession
    public Uni<Views.SourceList> sources(String version) {
        return resolve(version).chain(release -> repository.sources(release.id)
                .map(rows -> new Views.SourceList(release.version, rows.stream().map(mapper::source).toList())));
    }

    @WithSession
    public Uni<Views.TherapyList> therapies(String version) {
        return resolve(version).chain(release -> repository.therapies(release.id)
                .map(rows -> new Views.TherapyList(release.version, rows.stream().map(mapper::therapy).toList())));
    }

    @WithSession
    public Uni<Views.Therapy> therapy(String therapyId, String version) {
        return resolve(version).chain(release -> repository.therapy(release.id, therapyId).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(notFound("therapy " + therapyId + " is not in release "
                        + release.version));
            }
            return repository.items(release.id, null, null, therapyId, null, null, null)
                    .map(items -> new Views.Therapy(release.version, mapper.therapy(row),
                            items.stream().map(mapper::item).toList()));
        }));
    }

    /** The full content of a release, e.g. to compare or re-publish. */
    @WithSession
    public Uni<Knowledge.Bundle> bundle(String version) {
        return resolve(version).chain(release -> repository.sources(release.id)
                .chain(sources -> repository.therapies(release.id)
                        .chain(therapies -> repository.allItems(release.id).map(items -> new Knowledge.Bundle(
                                new Knowledge.Manifest(release.version, release.publishedAt.toLocalDate().toString(),
                                        mapper.readNotes(release.notes), List.of()),
                                sources.stream().map(mapper::source).toList(),
                                therapies.stream().map(mapper::therapy).toList(),
                                items.stream().map(mapper::item).toList())))));
    }

    Uni<KnowledgeReleaseEntity> resolve(String version) {
        Uni<KnowledgeReleaseEntity> release = version == null ? repository.latest() : repository.byVersion(version);
        return release.map(r -> {
            if (r == null) {
                throw notFound(version == null ? "no knowledge release has been published yet"
                        : "knowledge release " + version + " does not exist");
            }
            return r;
        });
    }

    Views.Release view(KnowledgeReleaseEntity e) {
        return new Views.Release(e.version, e.publishedAt, mapper.readNotes(e.notes),
                mapper.read(e.diff, ReleaseDiff.class));
    }

    static HttpProblem notFound(String detail) {
        return HttpProblem.builder().withStatus(404).withTitle("Not Found").withDetail(detail).build();
    }

    /** 422 naming every refused field; nothing of the rejected knowledge is stored. */
    static HttpProblem rejected(List<KnowledgeValidator.Violation> violations) {
        return HttpProblem.builder().withStatus(422).withTitle("Knowledge rejected")
                .withDetail(violations.size() + " validation error(s); nothing was stored")
                .with("errors", violations).build();
    }

    static HttpProblem badParameter(String name, String reason) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request").withDetail(reason)
                .with("errors", List.of(Map.of("field", name, "in", "query", "reason", reason))).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Set<String> loadGenes() {
        try (InputStream in = KnowledgeService.class.getClassLoader()
                .getResourceAsStream("knowledge/hgnc-symbols.txt")) {
            Set<String> genes = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String g = line.trim();
                if (!g.isEmpty() && !g.startsWith("#")) {
                    genes.add(g);
                }
            }
            return Set.copyOf(genes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
