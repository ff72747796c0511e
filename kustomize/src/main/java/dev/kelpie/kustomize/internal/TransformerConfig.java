package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.kustomize.KustomizeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field-spec tables of the built-in transformers (kustomize's transformer configuration):
 * the defaults, plus what {@code configurations:} files and CRDs add. Not thread-safe; each
 * build works on its own copy of the shared defaults.
 */
final class TransformerConfig {
    static final List<String> TABLES = List.of("commonLabels", "templateLabels", "commonAnnotations", "namespace",
            "namePrefix", "nameSuffix", "images", "replicas", "varReference", "labels");
    private static final TransformerConfig DEFAULTS = loadDefaults();

    final Map<String, List<FieldSpec>> tables = new LinkedHashMap<>();
    /** Referral GVK to the fields that refer to it by name. */
    final List<NameBackRef> nameReference = new ArrayList<>();
    /**
     * Whether anything beyond the defaults was added. Every accumulation starts from the
     * defaults, so merging one that holds only them adds nothing; checking that spec by spec
     * was a measurable share of a build with many kustomizations.
     */
    private boolean customized;

    record NameBackRef(Gvk referral, List<FieldSpec> referrers) {
    }

    private TransformerConfig() {
        TABLES.forEach(t -> tables.put(t, new ArrayList<>()));
    }

    static TransformerConfig defaults() {
        TransformerConfig c = new TransformerConfig();
        DEFAULTS.tables.forEach((t, specs) -> c.tables.get(t).addAll(specs));
        c.nameReference.addAll(DEFAULTS.nameReference);
        return c;
    }

    /** An independent copy (field specs are immutable and shared). */
    TransformerConfig copy() {
        TransformerConfig c = new TransformerConfig();
        tables.forEach((t, specs) -> c.tables.put(t, new ArrayList<>(specs)));
        c.nameReference.addAll(nameReference);
        c.customized = customized;
        return c;
    }

    List<FieldSpec> get(String table) {
        return tables.get(table);
    }

    static TransformerConfig parse(String file, JsonNode root) {
        return parse(file, root, false);
    }

    /**
     * @param distinct the document is known to list each field spec and referral once (the
     *     built-in table, checked by a test), so entries are appended without the quadratic
     *     search for an earlier equal one
     */
    private static TransformerConfig parse(String file, JsonNode root, boolean distinct) {
        TransformerConfig c = new TransformerConfig();
        if (root == null || !root.isObject()) {
            return c;
        }
        root.fields().forEachRemaining(e -> {
            if (e.getKey().equals("nameReference")) {
                for (JsonNode ref : e.getValue()) {
                    NameBackRef back = new NameBackRef(Gvk.from(ref), FieldSpec.listFrom(ref.get("fieldSpecs")));
                    if (distinct) {
                        c.nameReference.add(back);
                    } else {
                        c.addBackRef(back);
                    }
                }
            } else if (c.tables.containsKey(e.getKey())) {
                for (FieldSpec fs : FieldSpec.listFrom(e.getValue())) {
                    if (distinct) {
                        c.tables.get(e.getKey()).add(fs);
                    } else {
                        c.addSpec(e.getKey(), fs);
                    }
                }
            } else if (!e.getKey().equals("nameSpace")) {
                throw new KustomizeException(file + ": unknown transformer configuration field \"" + e.getKey() + "\"");
            }
        });
        return c;
    }

    /** The built-in tables with duplicates merged the way user configurations are (for the test of {@code distinct}). */
    static TransformerConfig defaultsMerged() {
        return parse("builtin-config.yaml", builtInDocument(), false);
    }

    void merge(TransformerConfig other) {
        if (other == this || !other.customized) {
            return;
        }
        other.tables.forEach((t, specs) -> {
            if (specs.equals(tables.get(t))) {
                return;
            }
            specs.forEach(fs -> addSpec(t, fs));
        });
        if (!other.nameReference.equals(nameReference)) {
            other.nameReference.forEach(this::addBackRef);
        }
    }

    void addSpec(String table, FieldSpec fs) {
        List<FieldSpec> list = tables.get(table);
        for (int i = 0; i < list.size(); i++) {
            FieldSpec old = list.get(i);
            if (old.gvk().equals(fs.gvk()) && old.path().equals(fs.path())) {
                if (fs.create() && !old.create()) {
                    list.set(i, fs);
                    customized = true;
                }
                return;
            }
        }
        list.add(fs);
        customized = true;
    }

    void addBackRef(NameBackRef ref) {
        for (int i = 0; i < nameReference.size(); i++) {
            NameBackRef old = nameReference.get(i);
            if (old.referral().equals(ref.referral())) {
                List<FieldSpec> merged = new ArrayList<>(old.referrers());
                for (FieldSpec fs : ref.referrers()) {
                    if (merged.stream().noneMatch(o -> o.gvk().equals(fs.gvk()) && o.path().equals(fs.path()))) {
                        merged.add(fs);
                    }
                }
                if (merged.size() > old.referrers().size()) {
                    nameReference.set(i, new NameBackRef(old.referral(), merged));
                    customized = true;
                }
                return;
            }
        }
        nameReference.add(ref);
        customized = true;
    }

    private static TransformerConfig loadDefaults() {
        return parse("builtin-config.yaml", builtInDocument(), true);
    }

    private static JsonNode builtInDocument() {
        try (InputStream in = TransformerConfig.class.getResourceAsStream("builtin-config.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return YamlCodec.defaults().readDocuments("builtin-config.yaml", text).get(0).tree();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
