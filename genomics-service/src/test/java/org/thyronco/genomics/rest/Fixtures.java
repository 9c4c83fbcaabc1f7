package org.thyronco.genomics.rest;

import java.util.List;
import java.util.Map;

/** Request bodies the genomics tests share. Pseudonymous ids only. */
final class Fixtures {

    private Fixtures() {}

    static Map<String, Object> anaplasticCase(String caseId) {
        return Map.of("caseId", caseId, "context", Map.of("diagnosis", "THAP", "stage", "IVC", "ecog", 1,
                "priorTherapies", List.of(), "assay", Map.of("panel", "TSO500", "genomeBuild", "GRCh38")));
    }

    static Map<String, Object> profile(Map<String, Object>... findings) {
        return Map.of("findings", List.of(findings));
    }

    static Map<String, Object> variant(String gene, String variant) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("type", "VARIANT", "variant", variant));
        if (gene != null) {
            m.put("gene", gene);
        }
        return m;
    }

    /** A single-sample GRCh38 VCF holding BRAF V600E (chr7:140753336 A>T). */
    static String brafVcf() {
        return """
                ##fileformat=VCFv4.2
                ##reference=GRCh38
                ##contig=<ID=chr7,length=159345973,assembly=GRCh38>
                ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
                #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR
                chr7\t140753336\t.\tA\tT\t50\tPASS\t.\tGT\t0/1
                """;
    }
}
