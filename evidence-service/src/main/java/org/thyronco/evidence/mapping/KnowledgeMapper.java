package org.thyronco.evidence.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.thyronco.evidence.knowledge.Knowledge;
import org.thyronco.evidence.knowledge.ProteinChange;
import org.thyronco.evidence.repository.KbItemEntity;
import org.thyronco.evidence.repository.KbSourceEntity;
import org.thyronco.evidence.repository.KbTherapyEntity;

/** Knowledge records ↔ stored rows, plus the canonical JSON used for content hashes. */
@ApplicationScoped
public class KnowledgeMapper {

    /** Level order for sorting: approved biomarker levels, standard therapy, investigational, resistance. */
    private static final Map<String, Integer> LEVEL_RANK = Map.of("1", 1, "2", 2, "standard", 3, "3A", 4, "3B", 5,
            "4", 6, "R1", 7, "R2", 8);

    // Sorted keys so that equal content always hashes equally, whatever the YAML key order.
    private final ObjectMapper canonical = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static int levelRank(String level) {
        return level == null ? 9 : LEVEL_RANK.getOrDefault(level, 9);
    }

    public String json(Object value) {
        try {
            return canonical.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return canonical.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored knowledge JSON does not parse", e);
        }
    }

    public String hash(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value the alteration column holds: a canonical protein change, or kind-specific keys. */
    public static String alterationKey(Knowledge.Biomarker b) {
        if (b == null || b.kind() == null) {
            return null;
        }
        return switch (b.kind()) {
            case "variant" -> {
                String p = ProteinChange.canonical(b.alteration());
                yield p != null ? p : b.alteration();
            }
            case "codon" -> "codon:" + b.codon();
            case "exon" -> "exon:" + b.exon();
            case "co-occurrence" -> b.alteration() != null ? ProteinChange.canonical(b.alteration()) : b.kind();
            default -> b.kind();
        };
    }

    public KbItemEntity toEntity(long releaseId, Knowledge.EvidenceItem item) {
        KbItemEntity e = new KbItemEntity();
        e.releaseId = releaseId;
        e.itemId = item.id();
        e.gene = item.biomarker() == null ? null : item.biomarker().gene();
        e.alteration = alterationKey(item.biomarker());
        e.therapyId = item.therapy();
        e.significance = item.significance();
        e.level = item.level();
        e.levelRank = levelRank(item.level());
        e.diseases = "|" + String.join("|", item.diseases()) + "|";
        e.contentHash = hash(item);
        e.searchText = Stream.of(item.id(), e.gene, item.biomarker() == null ? null : item.biomarker().alteration(),
                item.therapy(), item.summary(), String.join(" ", item.diseases()))
                .filter(s -> s != null)
                .collect(Collectors.joining(" "));
        e.body = json(item);
        return e;
    }

    public KbSourceEntity toEntity(long releaseId, Knowledge.Source source) {
        KbSourceEntity e = new KbSourceEntity();
        e.releaseId = releaseId;
        e.sourceId = source.id();
        e.doi = source.doi();
        e.body = json(source);
        return e;
    }

    public KbTherapyEntity toEntity(long releaseId, Knowledge.Therapy therapy) {
        KbTherapyEntity e = new KbTherapyEntity();
        e.releaseId = releaseId;
        e.therapyId = therapy.id();
        e.name = therapy.name();
        e.body = json(therapy);
        return e;
    }

    public Knowledge.EvidenceItem item(KbItemEntity e) {
        return read(e.body, Knowledge.EvidenceItem.class);
    }

    public Knowledge.Source source(KbSourceEntity e) {
        return read(e.body, Knowledge.Source.class);
    }

    public Knowledge.Therapy therapy(KbTherapyEntity e) {
        return read(e.body, Knowledge.Therapy.class);
    }

    public List<String> readNotes(String json) {
        return List.of(read(json, String[].class));
    }
}
