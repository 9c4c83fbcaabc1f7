package org.thyronco.genomics.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thyronco.genomics.normalize.reference.GeneTable;

/**
 * Normalizes one client finding (sequence variant, fusion, copy number, TMB, MSI, PD-L1) or rejects it with the
 * reasons. Precision over recall: anything that cannot be checked is either flagged in {@code warnings} or rejected,
 * never guessed. Thread-safe; create once and share.
 */
public final class FindingNormalizer {

    private final VariantNormalizer variants = new VariantNormalizer();
    private final FusionNormalizer fusions = new FusionNormalizer();
    private final GeneTable genes = GeneTable.get();

    /** Normalizes one finding. */
    public NormalizationResult normalize(FindingInput in) {
        if (in == null) {
            return NormalizationResult.rejected("input", "no finding given");
        }
        FindingType type = in.type() != null ? in.type() : inferType(in);
        if (type == null) {
            return NormalizationResult.rejected(
                    "type", "type is required (VARIANT, FUSION, COPY_NUMBER, TMB, MSI or PD_L1)");
        }
        switch (type) {
            case VARIANT:
                return variants.normalize(in, VariantNormalizer.Hints.NONE);
            case FUSION:
                return fusions.normalize(
                        notBlank(in.fusion()) ? in.fusion() : in.variant(), in.gene(), List.of(), rawFusion(in),
                        in.assay());
            case COPY_NUMBER:
                return copyNumber(in);
            case TMB:
                return tmb(in);
            case MSI:
                return msi(in);
            case PD_L1:
                return pdl1(in);
            default:
                return NormalizationResult.rejected("type", "unsupported type " + type);
        }
    }

    /** Normalizes a variant with intake hints (annotation gene, MAF splice class). */
    NormalizationResult normalizeVariant(FindingInput in, VariantNormalizer.Hints hints) {
        return variants.normalize(in, hints);
    }

    /** Normalizes a fusion with breakpoints from a fusion file. */
    NormalizationResult normalizeFusion(String fusion, List<GenomicLocation> breakpoints, String raw) {
        return fusions.normalize(fusion, null, breakpoints, raw, null);
    }

    private static FindingType inferType(FindingInput in) {
        List<FindingType> seen = new ArrayList<>();
        if (notBlank(in.fusion())) {
            seen.add(FindingType.FUSION);
        }
        if (notBlank(in.copyNumber())) {
            seen.add(FindingType.COPY_NUMBER);
        }
        if (in.tmb() != null) {
            seen.add(FindingType.TMB);
        }
        if (notBlank(in.msi())) {
            seen.add(FindingType.MSI);
        }
        if (notBlank(in.pdl1Score()) || in.pdl1Value() != null) {
            seen.add(FindingType.PD_L1);
        }
        if (notBlank(in.variant()) || notBlank(in.genomic())) {
            seen.add(FindingType.VARIANT);
        }
        return seen.size() == 1 ? seen.get(0) : null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String rawFusion(FindingInput in) {
        if (notBlank(in.fusion())) {
            return in.fusion().trim();
        }
        if (notBlank(in.variant())) {
            return in.variant().trim();
        }
        return in.gene() == null ? "" : in.gene().trim();
    }

    // ---- copy number ----

    private NormalizationResult copyNumber(FindingInput in) {
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String gene = null;
        if (!notBlank(in.gene())) {
            errors.add(FieldError.of("gene", "a gene is required for a copy-number finding"));
        } else {
            GeneTable.Resolution r = genes.resolve(in.gene());
            if (r == null) {
                errors.add(FieldError.of("gene", "unknown gene symbol '" + in.gene().trim() + "'"));
            } else {
                gene = r.symbol();
                if (r.viaAlias()) {
                    warnings.add("gene alias '" + r.matched() + "' resolved to " + r.symbol());
                }
            }
        }
        String text = notBlank(in.copyNumber()) ? in.copyNumber() : in.variant();
        String cn = null;
        if (!notBlank(text)) {
            errors.add(FieldError.of("copyNumber", "copyNumber is required (AMPLIFICATION or DELETION)"));
        } else {
            String field = notBlank(in.copyNumber()) ? "copyNumber" : "variant";
            String t = text.trim().toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
            switch (t) {
                case "AMPLIFICATION":
                case "AMP":
                case "AMPL":
                case "AMPLIFIED":
                case "2":
                    cn = "AMPLIFICATION";
                    break;
                case "DELETION":
                case "DEL":
                case "HOMDEL":
                case "HOMOZYGOUS DELETION":
                case "DEEP DELETION":
                case " 2":
                    cn = "DELETION";
                    break;
                case "GAIN":
                case "LOSS":
                case "1":
                case " 1":
                case "LOW LEVEL GAIN":
                case "SHALLOW DELETION":
                case "HETLOSS":
                    errors.add(FieldError.of(
                            field, "low-level copy-number change is not reportable as amplification/deletion ('"
                                    + text.trim() + "')"));
                    break;
                case "0":
                    errors.add(FieldError.of(field, "no copy-number change ('0')"));
                    break;
                default:
                    errors.add(FieldError.of(field, "unknown copy-number call '" + text.trim()
                            + "' (AMPLIFICATION/AMP or DELETION/DEL/HOMDEL)"));
            }
        }
        if (!errors.isEmpty()) {
            return NormalizationResult.rejected(errors);
        }
        String raw = gene + " " + text.trim();
        NormalizedFinding f = new NormalizedFinding(
                FindingType.COPY_NUMBER,
                gene,
                null,
                null,
                cn.equals("AMPLIFICATION") ? VariantClass.AMPLIFICATION : VariantClass.DELETION,
                List.of(),
                null,
                null,
                null,
                null,
                cn,
                null,
                null,
                null,
                null,
                in.assay(),
                notBlank(in.gene()) ? in.gene().trim() + " " + text.trim() : raw,
                warnings);
        return NormalizationResult.accepted(f);
    }

    // ---- biomarkers ----

    private static NormalizationResult tmb(FindingInput in) {
        Double v = in.tmb();
        if (v == null) {
            return NormalizationResult.rejected("tmb", "tmb (mutations per megabase) is required");
        }
        if (v.isNaN() || v.isInfinite() || v < 0 || v > 10000) {
            return NormalizationResult.rejected("tmb", "TMB must be between 0 and 10000 mut/Mb, got " + v);
        }
        return NormalizationResult.accepted(biomarker(FindingType.TMB, v, null, null, null, in.assay(),
                "TMB " + v + " mut/Mb", List.of()));
    }

    private static NormalizationResult msi(FindingInput in) {
        if (!notBlank(in.msi())) {
            return NormalizationResult.rejected("msi", "msi is required (MSI-H, MSS, MSI-L, dMMR or pMMR)");
        }
        String t = in.msi().trim().toUpperCase(Locale.ROOT).replace('_', '-').replaceAll("\\s+", " ");
        List<String> warnings = new ArrayList<>();
        String status;
        switch (t) {
            case "MSI-H":
            case "MSI H":
            case "MSI-HIGH":
            case "MSI HIGH":
            case "MICROSATELLITE INSTABILITY-HIGH":
            case "MICROSATELLITE INSTABILITY HIGH":
            case "DMMR":
            case "MMR-DEFICIENT":
            case "MMR DEFICIENT":
                status = "MSI-H";
                break;
            case "MSS":
            case "MICROSATELLITE STABLE":
            case "PMMR":
            case "MMR-PROFICIENT":
            case "MMR PROFICIENT":
                status = "MSS";
                break;
            case "MSI-L":
            case "MSI L":
            case "MSI-LOW":
            case "MSI LOW":
                status = "MSS";
                warnings.add("MSI-L reported as MSS");
                break;
            default:
                return NormalizationResult.rejected("msi", "unknown MSI/MMR status '" + in.msi().trim()
                        + "' (MSI-H, MSS, MSI-L, dMMR, pMMR)");
        }
        return NormalizationResult.accepted(biomarker(FindingType.MSI, null, status, null, null, in.assay(),
                in.msi().trim(), warnings));
    }

    private static NormalizationResult pdl1(FindingInput in) {
        List<FieldError> errors = new ArrayList<>();
        String score = notBlank(in.pdl1Score()) ? in.pdl1Score().trim().toUpperCase(Locale.ROOT) : null;
        if (score == null) {
            errors.add(FieldError.of("pdl1Score", "pdl1Score is required (TPS or CPS)"));
        } else if (!score.equals("TPS") && !score.equals("CPS")) {
            errors.add(FieldError.of("pdl1Score", "unknown PD-L1 score '" + in.pdl1Score().trim() + "' (TPS or CPS)"));
        }
        Double v = in.pdl1Value();
        if (v == null) {
            errors.add(FieldError.of("pdl1Value", "pdl1Value is required"));
        } else if (v.isNaN() || v.isInfinite() || v < 0) {
            errors.add(FieldError.of("pdl1Value", "PD-L1 value must be a number >= 0, got " + v));
        } else if ("TPS".equals(score) && v > 100) {
            errors.add(FieldError.of("pdl1Value", "TPS is a percentage (0-100), got " + v));
        } else if ("CPS".equals(score) && v > 1000) {
            errors.add(FieldError.of("pdl1Value", "CPS must be between 0 and 1000, got " + v));
        }
        if (!errors.isEmpty()) {
            return NormalizationResult.rejected(errors);
        }
        return NormalizationResult.accepted(biomarker(FindingType.PD_L1, null, null, score, v, in.assay(),
                "PD-L1 " + score + " " + v, List.of()));
    }

    private static NormalizedFinding biomarker(
            FindingType type,
            Double tmb,
            String msi,
            String score,
            Double value,
            String assay,
            String raw,
            List<String> warnings) {
        return new NormalizedFinding(
                type, null, null, null, null, List.of(), null, null, null, null, null, tmb, msi, score, value, assay,
                raw, warnings);
    }
}
