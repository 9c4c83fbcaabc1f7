package org.thyronco.therapy.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a profile against one knowledge release and ranks the options: level of evidence, then disease
 * specificity (exact OncoTree code > parent > tumour-agnostic), then fit to the line of therapy. Plain
 * Java, stateless and thread-safe. Clinical rules cite DOMAIN.md sections; a wrong match is worse than a
 * missed one, so anything not established does not match.
 */
public final class TherapyMatcher {

    /** Level order used for ranking (biomarker levels, then non-biomarker standard therapy, then investigational). */
    private static final List<String> LEVEL_ORDER = List.of("1", "2", "standard", "3A", "3B", "4");

    /** Levels at which an option is not investigational. */
    private static final Set<String> ESTABLISHED_LEVELS = Set.of("1", "2", "standard");

    /** A candidate: one item that applies to the profile, with how it matched. */
    private record Candidate(Knowledge.Item item, List<Result.Match> matches, int specificity, boolean lineFit) {}

    public Result.RecommendationSet match(Profile.Context context, List<Profile.Finding> findings,
            KnowledgeIndex index) {
        List<String> warnings = new ArrayList<>();
        List<Result.Note> prognostic = new ArrayList<>();
        List<Result.Note> supportive = new ArrayList<>();
        List<Result.Suppressed> suppressed = new ArrayList<>();
        String dx = context == null ? null : context.diagnosis();
        if (dx == null || !OncoTree.isKnown(dx)) {
            warnings.add("diagnosis '" + dx + "' is not an OncoTree thyroid code; nothing was matched");
            return new Result.RecommendationSet(index.release(), List.of(), prognostic, supportive, suppressed, warnings);
        }
        if (OncoTree.BENIGN.contains(dx)) {
            warnings.add(dx + " is a benign entity: no therapy is matched (DOMAIN §2.1)");
            return new Result.RecommendationSet(index.release(), List.of(), prognostic, supportive, suppressed, warnings);
        }
        List<String> path = OncoTree.path(dx);
        List<Profile.Finding> safe = new ArrayList<>(findings == null ? 0 : findings.size());
        Set<String> genes = new LinkedHashSet<>();
        if (findings != null) {
            for (Profile.Finding f : findings) {
                if (f != null) {
                    safe.add(f);
                    addIfPresent(genes, f.gene());
                    addIfPresent(genes, f.threePrimeGene());
                    addIfPresent(genes, f.fivePrimeGene());
                }
            }
        }

        // 1. Items that apply: disease path, biomarker, setting.
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<KnowledgeIndex.Applicable> pool = new ArrayList<>(index.applicable(dx, null));
        for (String gene : genes) {
            pool.addAll(index.applicable(dx, gene));
        }
        for (KnowledgeIndex.Applicable applicable : pool) {
            Knowledge.Item item = applicable.item();
            if (!seen.add(item.id())) {
                continue;
            }
            int specificity = applicable.specificity();
            List<String> diseasePath = path.subList(0, specificity + 1);
            List<Result.Match> matches = biomarkerMatches(item, safe, diseasePath);
            if (matches.isEmpty()) {
                continue;
            }
            String settingProblem = settingProblem(item, context, index);
            if (settingProblem != null) {
                continue;
            }
            candidates.add(new Candidate(item, matches, specificity, lineFit(item, context)));
        }
        if (context.raiRefractory() == null && !OncoTree.RAI_NOT_APPLICABLE.contains(dx)
                && path.contains("THYROID")) {
            warnings.add("RAI-refractory status not stated: systemic options for RAI-refractory differentiated "
                    + "thyroid cancer were not evaluated");
        }

        // 2. Notes, suppressions, resistance.
        Set<String> progressedOn = new HashSet<>();
        Set<String> progressedDrugs = new HashSet<>();
        Set<String> progressedPathways = new HashSet<>();
        for (Profile.PriorTherapy prior : context.priors()) {
            if (Boolean.TRUE.equals(prior.progressed())) {
                progressedOn.add(prior.therapy());
                Knowledge.Therapy t = index.therapy(prior.therapy());
                if (t != null && t.drugs() != null) {
                    progressedDrugs.addAll(t.drugs());
                }
                if (t != null && t.pathways() != null) {
                    progressedPathways.addAll(t.pathways());
                }
            }
        }
        Map<String, Candidate> resistanceR1 = new LinkedHashMap<>();
        Map<String, Candidate> resistanceR2 = new LinkedHashMap<>();
        List<Candidate> options = new ArrayList<>();
        for (Candidate c : candidates) {
            Knowledge.Item item = c.item();
            switch (item.significance()) {
                case "prognostic" -> prognostic.add(note(c, index));
                case "supportive" -> supportive.add(note(c, index));
                case "diagnostic" -> { } // testing statements are not treatment options
                case "resistance" -> {
                    if (item.therapy() != null) {
                        ("R1".equals(item.level()) ? resistanceR1 : resistanceR2).put(item.therapy(), c);
                    }
                }
                case "not-recommended" -> suppressed.add(new Result.Suppressed(item.therapy(), item.id(),
                        reason(item)));
                default -> {
                    if ("does-not-support".equals(item.direction())) {
                        suppressed.add(new Result.Suppressed(item.therapy(), item.id(), reason(item)));
                    } else if ("withdrawn".equals(item.status())) {
                        suppressed.add(new Result.Suppressed(item.therapy(), item.id(), "indication withdrawn: "
                                + reason(item)));
                    } else if (item.therapy() != null) {
                        options.add(c);
                    }
                }
            }
        }

        // 3. Group by therapy; drop what history or resistance rules out.
        Map<String, List<Candidate>> byTherapy = new LinkedHashMap<>();
        for (Candidate c : options) {
            String therapyId = c.item().therapy();
            Knowledge.Therapy therapy = index.therapy(therapyId);
            if (progressedOn.contains(therapyId)) {
                addOnce(suppressed, new Result.Suppressed(therapyId, c.item().id(), "progressed on " + therapyId));
                continue;
            }
            String samePathway = samePathwayAfterProgression(therapy, progressedPathways);
            if (samePathway != null) {
                addOnce(suppressed, new Result.Suppressed(therapyId, c.item().id(), samePathway));
                continue;
            }
            if (resistanceR1.containsKey(therapyId)) {
                addOnce(suppressed, new Result.Suppressed(therapyId, resistanceR1.get(therapyId).item().id(),
                        "resistance (R1): " + reason(resistanceR1.get(therapyId).item())));
                continue;
            }
            byTherapy.computeIfAbsent(therapyId, k -> new ArrayList<>()).add(c);
        }

        // 4. One recommendation per therapy, explained, then ranked.
        List<Scored> scored = new ArrayList<>();
        for (var e : byTherapy.entrySet()) {
            scored.add(recommend(e.getKey(), e.getValue(), context, index, resistanceR2.get(e.getKey()),
                    progressedDrugs, progressedPathways));
        }
        scored.sort(RANKING);
        List<Result.Recommendation> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Result.Recommendation r = scored.get(i).rec();
            ranked.add(new Result.Recommendation(i + 1, r.therapyId(), r.therapyName(), r.level(), r.ampTier(),
                    r.status(), r.investigational(), r.matches(), r.flags(), r.outcomes(), r.citations(), r.cautions(),
                    r.trials(), r.regulatory(), r.summary()));
        }
        return new Result.RecommendationSet(index.release(), ranked, prognostic, supportive, suppressed, warnings);
    }

    /**
     * Targeted pathways where progression on one regimen rules out the others: no data support switching, and
     * resistance is shared. MAPK: after dabrafenib + trametinib, other BRAF/MEK regimens (DOMAIN §0.11). RET: after
     * one selective RET inhibitor, the other (V24; solvent-front G810X and bypass resistance are shared, Desilets
     * 2023, doi:10.3390/cancers15164146). TRK is not here: repotrectinib is labelled for TRK-inhibitor-pretreated
     * disease (§0.3), and the first-generation labels carry their own resistance condition (see labelFlags).
     */
    static final Map<String, String> EXCLUSIVE_AFTER_PROGRESSION = Map.of(
            "MAPK", "same-pathway regimen after progression on a BRAF/MEK regimen; no supporting data (DOMAIN §0.11)",
            "RET", "another selective RET inhibitor after progression on one: shared acquired resistance (RET G810X, "
                    + "bypass), no supporting data (DOMAIN V24; doi:10.3390/cancers15164146)");

    /** Why a regimen is ruled out by progression on a regimen of the same targeted pathway; null when it is not. */
    static String samePathwayAfterProgression(Knowledge.Therapy therapy, Set<String> progressedPathways) {
        if (therapy == null || therapy.pathways() == null) {
            return null;
        }
        for (String pathway : therapy.pathways()) {
            if (progressedPathways.contains(pathway) && EXCLUSIVE_AFTER_PROGRESSION.containsKey(pathway)) {
                return EXCLUSIVE_AFTER_PROGRESSION.get(pathway);
            }
        }
        return null;
    }

    /** Matching many profiles; results in the same order as the inputs. */
    public List<Result.RecommendationSet> matchAll(List<Profile.Context> contexts, List<List<Profile.Finding>> findings,
            KnowledgeIndex index) {
        List<Result.RecommendationSet> out = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            out.add(match(contexts.get(i), findings.get(i), index));
        }
        return out;
    }

    private record Scored(Result.Recommendation rec, int levelRank, int specificity, boolean lineFit) {}

    /** Level of evidence, then disease specificity, then fit to the line of therapy; the therapy id breaks ties. */
    private static final Comparator<Scored> RANKING = Comparator.comparingInt(Scored::levelRank)
            .thenComparingInt(Scored::specificity).thenComparing(s -> s.lineFit() ? 0 : 1)
            .thenComparing(s -> s.rec().therapyId());

    /**
     * A therapy's primary item: best level, then the most specific disease, then the non-neoadjuvant item (a
     * neoadjuvant item never outranks the same therapy's main item).
     */
    private static final Comparator<Candidate> PRIMARY_FIRST = Comparator
            .comparingInt((Candidate c) -> levelRank(c.item().level())).thenComparingInt(Candidate::specificity)
            .thenComparing(c -> isNeoadjuvant(c.item()) ? 1 : 0);

    private static void addIfPresent(Set<String> genes, String gene) {
        if (gene != null) {
            genes.add(gene);
        }
    }

    private Scored recommend(String therapyId, List<Candidate> cs, Profile.Context context, KnowledgeIndex index,
            Candidate resistance, Set<String> progressedDrugs, Set<String> progressedPathways) {
        // The primary item decides level and label conditions.
        cs.sort(PRIMARY_FIRST);
        Candidate primary = cs.get(0);
        Knowledge.Item p = primary.item();
        Knowledge.Therapy therapy = index.therapy(therapyId);
        List<Result.Match> matches = new ArrayList<>();
        List<Knowledge.Item> items = new ArrayList<>(cs.size());
        boolean neoadjuvant = false;
        for (Candidate c : cs) {
            matches.addAll(c.matches());
            items.add(c.item());
            neoadjuvant |= isNeoadjuvant(c.item());
        }
        KnowledgeIndex.Evidence evidence = index.evidence(items);
        // The label's "no known acquired resistance mutation" is not established once the disease progressed on a
        // drug of the same target (larotrectinib -> entrectinib): resistance is then likely but unknown (§0.10).
        boolean resistanceNotExcluded = resistance != null || therapy != null && therapy.pathways() != null
                && !progressedPathways.isEmpty() && therapy.pathways().stream().anyMatch(progressedPathways::contains);
        List<String> flags = new ArrayList<>(labelFlags(p, context, resistanceNotExcluded));
        if (neoadjuvant) {
            flags.add("neoadjuvant option");
        }
        if (therapy != null && therapy.drugs() != null && !progressedDrugs.isEmpty()) {
            // A combination that re-uses a drug the disease progressed on (lenvatinib + pembrolizumab after
            // lenvatinib) may still be intended (salvage add-on), but must not pass silently.
            List<String> reused = therapy.drugs().stream().filter(progressedDrugs::contains).toList();
            if (!reused.isEmpty()) {
                flags.add("contains a drug the disease progressed on: " + String.join(", ", reused));
            }
        }
        int levelRank = levelRank(p.level());
        if (resistance != null) {
            // An item without an R level is a caution (an exploratory association), not a resistance call.
            flags.add(resistance.item().level() == null ? "caution, no evidence level: " + resistance.item().id()
                    : "resistance evidence (" + resistance.item().level() + "): " + resistance.item().id());
            levelRank += LEVEL_ORDER.size() + 1; // after every option without resistance evidence
        }
        boolean investigational = p.level() == null || !ESTABLISHED_LEVELS.contains(p.level())
                || "investigational".equals(p.status());
        if (investigational && !evidence.trials().isEmpty()) {
            flags.add("investigational: consider clinical trial " + String.join(", ", evidence.trials()));
        }
        Result.Recommendation rec = new Result.Recommendation(0, therapyId, therapy == null ? therapyId : therapy.name(),
                p.level(), p.ampTier(), p.status(), investigational, matches, flags, evidence.outcomes(),
                evidence.citations(), index.cautions(therapyId), evidence.trials(), evidence.regulatory(), p.summary());
        return new Scored(rec, levelRank, primary.specificity(), primary.lineFit());
    }

    /** DOMAIN §0.10: label conditions are modelled; one the context does not establish is flagged, not assumed. */
    static List<String> labelFlags(Knowledge.Item item, Profile.Context ctx, boolean resistanceNotExcluded) {
        List<String> flags = new ArrayList<>();
        if (item.labelConditions() == null) {
            return flags;
        }
        boolean progressed = ctx.priors().stream().anyMatch(p -> Boolean.TRUE.equals(p.progressed()));
        for (String condition : item.labelConditions()) {
            boolean established = switch (condition) {
                case "no-satisfactory-locoregional-options" -> Boolean.TRUE.equals(
                        ctx.noSatisfactoryLocoregionalOptions());
                case "progressed-after-prior-treatment" -> progressed;
                case "no-satisfactory-alternative" -> Boolean.TRUE.equals(ctx.noSatisfactoryAlternative());
                case "rai-refractory-if-appropriate" -> Boolean.TRUE.equals(ctx.raiRefractory())
                        || OncoTree.RAI_NOT_APPLICABLE.contains(ctx.diagnosis());
                case "no-known-acquired-resistance-mutation" -> !resistanceNotExcluded;
                // A profile carries MSI status, not how it was measured: a dMMR-only label stays to confirm.
                case "dmmr-confirmed-by-ihc" -> false;
                default -> false;
            };
            if (!established) {
                flags.add("label condition to confirm: " + condition);
            }
        }
        return flags;
    }

    private static List<Result.Match> biomarkerMatches(Knowledge.Item item, List<Profile.Finding> findings,
            List<String> diseasePath) {
        Knowledge.Biomarker b = item.biomarker();
        List<Result.Match> out = new ArrayList<>();
        if (b == null || "none".equals(b.kind())) {
            out.add(new Result.Match(null, item.id(), "biomarker-agnostic", diseasePath));
            return out;
        }
        if ("co-occurrence".equals(b.kind())) {
            Profile.Finding primary = findings.stream()
                    .filter(f -> BiomarkerRules.variant(b.gene(), b.alteration(), f) != null).findFirst().orElse(null);
            if (primary == null || b.with() == null || b.with().isEmpty()) {
                return out;
            }
            List<Result.Match> partners = new ArrayList<>();
            for (Knowledge.CoAlteration co : b.with()) {
                Profile.Finding hit = findings.stream().filter(f -> coMatch(co, f)).findFirst().orElse(null);
                if (hit == null) {
                    return List.of(); // every co-alteration must be present
                }
                partners.add(new Result.Match(hit.ref(), item.id(), "co-occurrence", diseasePath));
            }
            out.add(new Result.Match(primary.ref(), item.id(), "exact-variant", diseasePath));
            out.addAll(partners);
            return out;
        }
        for (Profile.Finding f : findings) {
            String granularity = BiomarkerRules.match(item, f);
            if (granularity != null) {
                out.add(new Result.Match(f.ref(), item.id(), granularity, diseasePath));
            }
        }
        return out;
    }

    private static boolean coMatch(Knowledge.CoAlteration co, Profile.Finding f) {
        return switch (co.kind()) {
            case "variant" -> BiomarkerRules.variant(co.gene(), co.alteration(), f) != null;
            case "activating" -> BiomarkerRules.activating(co.gene(), f, false) != null;
            default -> false;
        };
    }

    /** Why an item that matches biologically does not apply to this case's setting; null when it applies. */
    static String settingProblem(Knowledge.Item item, Profile.Context ctx, KnowledgeIndex index) {
        Knowledge.Setting s = item.setting();
        if (s == null) {
            return null;
        }
        if (Boolean.TRUE.equals(s.raiRefractory()) && !Boolean.TRUE.equals(ctx.raiRefractory())) {
            return "only for RAI-refractory disease";
        }
        boolean hasPrior = !ctx.priors().isEmpty();
        if ("first".equals(s.lines()) && hasPrior) {
            return "first-line only";
        }
        if ("second-plus".equals(s.lines()) && !hasPrior) {
            return "after prior therapy only";
        }
        if (s.afterProgressionOn() != null && !s.afterProgressionOn().isEmpty()
                && !progressedOnAny(s.afterProgressionOn(), ctx, index)) {
            return "requires progression on " + s.afterProgressionOn();
        }
        if (s.notAfterProgressionOn() != null && progressedOnAny(s.notAfterProgressionOn(), ctx, index)) {
            return "not after progression on " + s.notAfterProgressionOn();
        }
        return null;
    }

    /** Whether the disease progressed on a therapy meeting any of {@code requirements}. */
    private static boolean progressedOnAny(List<String> requirements, Profile.Context ctx, KnowledgeIndex index) {
        return ctx.priors().stream().filter(p -> Boolean.TRUE.equals(p.progressed()))
                .anyMatch(p -> requirements.stream().anyMatch(req -> satisfies(req, p.therapy(), index)));
    }

    /** "lenvatinib" or "class:VEGFR-TKI" against the therapy a patient progressed on. */
    static boolean satisfies(String requirement, String therapyId, KnowledgeIndex index) {
        if (requirement.startsWith("class:")) {
            Knowledge.Therapy t = index.therapy(therapyId);
            return t != null && t.classes() != null && t.classes().contains(requirement.substring(6));
        }
        return requirement.equals(therapyId);
    }

    private static boolean lineFit(Knowledge.Item item, Profile.Context ctx) {
        String lines = item.setting() == null ? null : item.setting().lines();
        boolean hasPrior = !ctx.priors().isEmpty();
        return lines == null || "any".equals(lines) || ("first".equals(lines) && !hasPrior)
                || ("second-plus".equals(lines) && hasPrior);
    }

    private static boolean isNeoadjuvant(Knowledge.Item item) {
        return item.setting() != null && Boolean.TRUE.equals(item.setting().neoadjuvant());
    }

    static int levelRank(String level) {
        int i = level == null ? -1 : LEVEL_ORDER.indexOf(level);
        return i < 0 ? LEVEL_ORDER.size() : i;
    }

    private static Result.Note note(Candidate c, KnowledgeIndex index) {
        Result.Match first = c.matches().get(0);
        return new Result.Note(first.findingRef(), c.item().biomarker() == null ? null : c.item().biomarker().gene(),
                c.item().id(), c.item().summary(), index.citations(c.item()));
    }

    private static String reason(Knowledge.Item item) {
        return item.summary() == null ? item.id() : item.summary();
    }

    private static void addOnce(List<Result.Suppressed> list, Result.Suppressed s) {
        if (list.stream().noneMatch(x -> x.therapyId().equals(s.therapyId()) && x.reason().equals(s.reason()))) {
            list.add(s);
        }
    }

    /** "Subbiah V 2018, J Clin Oncol": first author, year, journal. */
    static Result.Citation citationOf(Knowledge.Source s) {
        String first = s.authors() == null ? "" : s.authors().split(",")[0].trim();
        String label = (first.isEmpty() ? s.journal() : first) + (s.year() == null ? "" : " " + s.year())
                + (s.journal() == null || first.isEmpty() ? "" : ", " + s.journal());
        return new Result.Citation(s.id(), s.doi(), label);
    }
}
