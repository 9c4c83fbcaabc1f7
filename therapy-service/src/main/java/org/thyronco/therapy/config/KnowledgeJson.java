package org.thyronco.therapy.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thyronco.therapy.engine.Knowledge;
import org.thyronco.therapy.engine.KnowledgeList;
import org.thyronco.therapy.engine.Result;

/**
 * Writes the knowledge part of an answer (outcome figures, regulatory entries, citations, cautions) from JSON rendered
 * once instead of field by field on every answer. A recommendation set is about 20 KB, mostly these values, and writing
 * them was the largest single cost of a synchronous match. Two granularities: a {@link KnowledgeList} (one
 * recommendation's figures, say, shared by every answer resting on the same items) keeps its rendering in its memo
 * slot; a single value (in lists read back from the database) is looked up by value. The answer's prose (summaries,
 * notes, reasons) is kept quoted, text by text. The bytes are the ones Jackson's own serializers produce (each is
 * rendered the first time), so the JSON is unchanged.
 */
@Singleton
public class KnowledgeJson implements ObjectMapperCustomizer {

    /** Immutable records whose values come from a knowledge release, so the same few hundred recur. */
    static final Set<Class<?>> RENDERED_ONCE = Set.of(Knowledge.Outcome.class, Knowledge.Regulatory.class,
            Result.Citation.class);

    /**
     * The prose fields of an answer: a knowledge item's summary or note, or a suppression's reason. A few hundred
     * distinct texts of up to a few hundred characters each, about 6 KB of every answer; Jackson escapes them character
     * by character, which cost more than the rest of the answer's JSON together.
     */
    static final Map<Class<?>, String> KNOWN_TEXTS = Map.of(Result.Recommendation.class, "summary",
            Result.Note.class, "text", Result.Suppressed.class, "reason");

    @Override
    public void customize(ObjectMapper mapper) {
        @SuppressWarnings({"rawtypes", "unchecked"})
        JsonSerializer<Object> knownTexts = (JsonSerializer) new KnownText();
        SimpleModule module = new SimpleModule("thyronco-knowledge-json");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                    JsonSerializer<?> serializer) {
                return RENDERED_ONCE.contains(bean.getBeanClass()) ? new RenderedOnce<>(serializer) : serializer;
            }

            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                    List<BeanPropertyWriter> properties) {
                String text = KNOWN_TEXTS.get(bean.getBeanClass());
                for (BeanPropertyWriter property : properties) {
                    if (property.getName().equals(text)) {
                        property.assignSerializer(knownTexts);
                    }
                }
                return properties;
            }
        });
        module.addSerializer(new KnowledgeListJson());
        // Registered first so that it runs last: Jackson asks the latest module's modifier first, and Blackbird leaves
        // alone a property that already has a serializer of its own (the known texts).
        mapper.registerModule(new BlackbirdModule());
        mapper.registerModule(module);
    }

    private static final JsonFactory RENDERING = new JsonFactory();

    /** What a rendering writes: one JSON value, into a generator of its own. */
    private interface Writing {
        void write(JsonGenerator once) throws IOException;
    }

    /** Several releases' worth of values or texts per memo; past this, they are rendered every time rather than kept. */
    static final int MAX_KEPT = 20_000;

    /** How a value's JSON is made the first time. */
    private interface Making {
        SerializedString make() throws IOException;
    }

    /** The JSON kept for {@code key}, made and kept on first sight while the memo has room. */
    private static <K> SerializedString kept(Map<K, SerializedString> memo, K key, Making making) throws IOException {
        SerializedString json = memo.get(key);
        if (json == null) {
            json = making.make();
            if (memo.size() < MAX_KEPT) {
                memo.put(key, json);
            }
        }
        return json;
    }

    /** The JSON {@code writing} produces, ready to be copied into answers as it is. */
    static SerializedString render(Writing writing) throws IOException {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator once = RENDERING.createGenerator(text)) {
            writing.write(once);
        }
        return new SerializedString(text.toString());
    }

    /**
     * Writes a knowledge list from its memo slot, rendering it there the first time. The rendering is tagged with this
     * serializer, one per mapper, so that a mapper configured differently never copies another's bytes.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class KnowledgeListJson extends StdSerializer<KnowledgeList> {

        private record Rendering(KnowledgeListJson by, SerializedString json) {}

        KnowledgeListJson() {
            super(KnowledgeList.class);
        }

        @Override
        public void serialize(KnowledgeList list, JsonGenerator gen, SerializerProvider provider) throws IOException {
            SerializedString json = list.memo() instanceof Rendering r && r.by() == this ? r.json() : null;
            if (json == null) {
                json = render(once -> {
                    once.writeStartArray();
                    for (Object value : list) {
                        provider.defaultSerializeValue(value, once);
                    }
                    once.writeEndArray();
                });
                list.memo(new Rendering(this, json));
            }
            gen.writeRawValue(json);
        }
    }

    /** Writes a text from its quoted UTF-8 bytes, kept from the first time the text was written. */
    static final class KnownText extends StdSerializer<String> {

        private final Map<String, SerializedString> quoted = new ConcurrentHashMap<>();

        KnownText() {
            super(String.class);
        }

        @Override
        public void serialize(String text, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(kept(quoted, text, () -> new SerializedString(text)));
        }
    }

    /** Serializes a value by copying its JSON rendered earlier; renders (and keeps) it on first sight. */
    static final class RenderedOnce<T> extends StdSerializer<T> implements ResolvableSerializer {

        private final JsonSerializer<T> plain;
        private final Map<T, SerializedString> rendered = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        RenderedOnce(JsonSerializer<?> plain) {
            super((Class<T>) plain.handledType());
            this.plain = (JsonSerializer<T>) plain;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (plain instanceof ResolvableSerializer r) {
                r.resolve(provider);
            }
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(kept(rendered, value, () -> render(once -> plain.serialize(value, once, provider))));
        }
    }
}
