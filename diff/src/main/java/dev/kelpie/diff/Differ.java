package dev.kelpie.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonTextMatch;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.normalise.ChangeCollector;
import dev.kelpie.diff.internal.normalise.DefaultNormalisation;
import dev.kelpie.diff.internal.normalise.IgnoreRules;
import dev.kelpie.diff.internal.normalise.InSyncCheck;
import dev.kelpie.diff.internal.normalise.ManagedFields;
import dev.kelpie.diff.internal.smp.SchemaNode;
import dev.kelpie.diff.internal.smp.StrategicPatchEngine;
import dev.kelpie.diff.spi.Normaliser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a live object matches the desired one, the way {@code kubectl apply} would
 * see it: it computes the three-way patch (strategic merge for built-in kinds, JSON merge for
 * custom resources), predicts the live object after it, normalises both sides (status,
 * server-owned metadata, quantities, defaults, ...), drops ignored fields, and compares.
 * Fields the server or other controllers set survive the patch, so they never show as
 * differences. Build once and share.
 *
 * <pre>{@code
 * Differ differ = Differ.builder()
 *         .ignoreRule(IgnoreRule.builder().group("apps").kind("Deployment").jsonPointer("/spec/replicas").build())
 *         .build();
 * DiffResult r = differ.threeWay(lastApplied, desired, live);
 * if (r.modified()) System.out.print(r.unifiedDiff("apps.v1.Deployment.shop.web"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Differ {
    private static final ObjectMapper JSON = JsonMapper.builder().nodeFactory(JsonValues.NODES).build();
    private static final int MAX_RESOLVED = 256;
    private final PatchMetadata metadata;
    private final Map<String, PatchSchema> schemas;
    private final List<Normaliser> normalisers;
    private final List<IgnoreRule> ignoreRules;
    private final boolean defaultNormalisation;
    private final boolean fastPath;
    /** Schemas by apiVersion and kind; bounded, so odd inputs cannot grow it without end. */
    private final Map<String, Map<String, Optional<PatchSchema>>> resolved = new ConcurrentHashMap<>();

    private Differ(Builder b) {
        this.metadata = b.metadata;
        this.schemas = Map.copyOf(b.schemas);
        this.normalisers = List.copyOf(b.normalisers);
        this.ignoreRules = List.copyOf(b.ignoreRules);
        this.defaultNormalisation = b.defaultNormalisation;
        this.fastPath = b.fastPath;
    }

    /** A builder with the built-in metadata, default normalisation, no ignore rules. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compares {@code live} with what applying {@code desired} over it would give, given the
     * configuration applied last time.
     *
     * @param lastApplied the last-applied configuration (an object, or its JSON text as kept in
     *     the {@code kubectl.kubernetes.io/last-applied-configuration} annotation); null or
     *     missing when unknown
     * @param desired the desired object (must have {@code apiVersion} and {@code kind})
     * @param live the live object; null or missing when it does not exist
     * @throws DiffException naming the object when a document is malformed or cannot be patched
     */
    public DiffResult threeWay(JsonNode lastApplied, JsonNode desired, JsonNode live) {
        ObjectNode want = object(desired, "desired");
        ObjectNode have = live == null || live.isNull() || live.isMissingNode() ? JsonValues.NODES.objectNode()
                : object(live, "live");
        ObjectNode original = lastApplied(lastApplied, want);
        String apiVersion = want.path("apiVersion").asText("");
        String kind = want.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new DiffException("diff", "", "desired object has no apiVersion or kind");
        }
        Optional<PatchSchema> schema = schemaFor(apiVersion, kind);
        if (inSync(original, want, have, schema)) {
            // the common steady state: no patch, no copies; the trees only when someone asks
            return DiffResult.inSync(schema.isPresent() ? PatchFormat.STRATEGIC_MERGE : PatchFormat.JSON_MERGE,
                    () -> diff(original, want, have, apiVersion, kind, schema));
        }
        return diff(original, want, have, apiVersion, kind, schema);
    }

    /**
     * The fast path: certain that the patch changes nothing normalisation keeps (see
     * {@link InSyncCheck}). Only with the default normalisation and no normalisers of the
     * caller's, and nothing to delete since the last apply: last-applied equals desired (checked
     * in the same walk), or (for strategic merge, where an empty original deletes nothing) there
     * is no last-applied.
     */
    private boolean inSync(ObjectNode original, ObjectNode want, ObjectNode have, Optional<PatchSchema> schema) {
        if (!fastPath || !defaultNormalisation || !normalisers.isEmpty() || have.isEmpty()) {
            return false;
        }
        boolean nothingToDelete = original == want || original.isEmpty() && schema.isPresent();
        return InSyncCheck.unchanged(nothingToDelete ? null : original, want, have,
                schema.map(PatchSchema::node).orElse(SchemaNode.open()), schema.isPresent());
    }

    private DiffResult diff(JsonNode original, ObjectNode want, ObjectNode have, String apiVersion, String kind,
            Optional<PatchSchema> schema) {
        String ns = want.path("metadata").path("namespace").asText(have.path("metadata").path("namespace").asText(""));
        String name = want.path("metadata").path("name").asText("");
        String operation = "diff " + kind + " " + (ns.isEmpty() ? "" : ns + "/") + name;
        JsonNode patch;
        ObjectNode predicted;
        // Both sides start as copies of live without status and server-owned metadata: the
        // normalisation drops those anyway, and the patch never needs them to apply.
        SchemaNode node = schema.map(PatchSchema::node).orElse(SchemaNode.open());
        ObjectNode normalisedLive = defaultNormalisation ? DefaultNormalisation.strippedCopy(have) : have.deepCopy();
        try {
            if (schema.isPresent()) {
                patch = StrategicPatchEngine.createThreeWay(original, want, have, node, true, false);
                // an empty patch changes nothing: predicted is live (the in-sync common case)
                predicted = patch.isEmpty() ? null : StrategicPatchEngine.applyInPlace(
                        defaultNormalisation ? DefaultNormalisation.strippedCopy(have) : have.deepCopy(), patch, node);
            } else {
                patch = JsonMergePatch.createThreeWay(original, want, have);
                predicted = patch.isEmpty() ? null : (ObjectNode) JsonMergePatch.apply(have, patch);
            }
        } catch (DiffException e) {
            throw new DiffException(operation, e.path(), e.getMessage(), e);
        }
        normalise(normalisedLive, node);
        if (predicted == null) {
            predicted = normalisedLive;
        } else {
            normalise(predicted, node);
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        for (IgnoreRule rule : ignoreRules) {
            if (rule.matches(group, kind, ns, name)) {
                boolean same = predicted == normalisedLive;
                normalisedLive = ignore(normalisedLive, rule, have);
                predicted = same ? normalisedLive : ignore(predicted, rule, have);
            }
        }
        boolean modified = !JsonValues.equal(normalisedLive, predicted);
        List<Change> changes = modified ? ChangeCollector.changes(normalisedLive, predicted, node) : List.of();
        return new DiffResult(modified, normalisedLive, predicted, patch,
                schema.isPresent() ? PatchFormat.STRATEGIC_MERGE : PatchFormat.JSON_MERGE, changes);
    }

    /**
     * Compares without a last-applied configuration: fields only the live object has are kept
     * (as by a first {@code kubectl apply}).
     *
     * @throws DiffException as {@link #threeWay}
     */
    public DiffResult twoWay(JsonNode desired, JsonNode live) {
        return threeWay(null, desired, live);
    }

    /** The schema of a kind, looked up once per differ (the same few kinds repeat across thousands of objects). */
    private Optional<PatchSchema> schemaFor(String apiVersion, String kind) {
        Map<String, Optional<PatchSchema>> byKind = resolved.get(apiVersion);
        if (byKind == null) {
            if (resolved.size() >= MAX_RESOLVED) {
                resolved.clear();
            }
            byKind = resolved.computeIfAbsent(apiVersion, v -> new ConcurrentHashMap<>());
        }
        Optional<PatchSchema> schema = byKind.get(kind);
        if (schema == null) {
            if (byKind.size() >= MAX_RESOLVED) {
                byKind.clear();
            }
            schema = resolveSchema(apiVersion, kind);
            byKind.put(kind, schema);
        }
        return schema;
    }

    private Optional<PatchSchema> resolveSchema(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        PatchSchema custom = schemas.get(group + "/" + kind);
        if (custom != null) {
            return Optional.of(custom);
        }
        return metadata.schemaFor(apiVersion, kind).map(PatchSchema::lenient);
    }

    private void normalise(ObjectNode object, SchemaNode node) {
        if (defaultNormalisation) {
            DefaultNormalisation.normalise(object, node);
        }
        for (Normaliser n : normalisers) {
            n.normalise(object);
        }
    }

    private static ObjectNode ignore(ObjectNode object, IgnoreRule rule, ObjectNode rawLive) {
        ObjectNode out = IgnoreRules.removeSelected(object, rule);
        if (!rule.managedFieldsManagers().isEmpty()) {
            for (JsonNode fields : ManagedFields.ownedBy(rawLive, rule.managedFieldsManagers())) {
                ManagedFields.remove(out, fields);
            }
        }
        return out;
    }

    /** The last-applied object; {@code desired} itself when the annotation's text holds just that. */
    private static ObjectNode lastApplied(JsonNode node, ObjectNode desired) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonValues.NODES.objectNode();
        }
        if (node.isTextual()) {
            if (JsonTextMatch.matches(node.textValue(), desired)) {
                return desired;   // engines only read the original: sharing the tree is safe
            }
            try {
                return object(JSON.readTree(node.textValue()), "last-applied");
            } catch (JsonProcessingException e) {
                throw new DiffException("diff", "", "last-applied configuration is not valid JSON", e);
            }
        }
        return object(node, "last-applied");
    }

    private static ObjectNode object(JsonNode node, String what) {
        if (!(node instanceof ObjectNode o)) {
            throw new DiffException("diff", "", what + " object is a " + JsonValues.describe(node) + ", expected an object");
        }
        return o;
    }

    /** Builds a {@link Differ}. Not thread-safe. */
    public static final class Builder {
        private PatchMetadata metadata = PatchMetadata.builtIn();
        private final Map<String, PatchSchema> schemas = new HashMap<>();
        private final List<Normaliser> normalisers = new ArrayList<>();
        private final List<IgnoreRule> ignoreRules = new ArrayList<>();
        private boolean defaultNormalisation = true;
        private boolean fastPath = true;

        private Builder() {
        }

        /** The patch metadata of built-in kinds (default: {@link PatchMetadata#builtIn()}). */
        public Builder patchMetadata(PatchMetadata metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * Uses strategic merge patch with {@code schema} for a kind (e.g. a CRD's, from
         * {@link PatchSchema#fromCrd}); without one, custom resources get a JSON merge patch.
         *
         * @param group API group ({@code ""} for core)
         */
        public Builder schema(String group, String kind, PatchSchema schema) {
            schemas.put(Objects.requireNonNull(group, "group") + "/" + Objects.requireNonNull(kind, "kind"),
                    Objects.requireNonNull(schema, "schema").lenient());
            return this;
        }

        /** Adds a normaliser, run on both sides after the built-in normalisation. */
        public Builder normaliser(Normaliser normaliser) {
            normalisers.add(Objects.requireNonNull(normaliser, "normaliser"));
            return this;
        }

        /** Adds an ignore rule. */
        public Builder ignoreRule(IgnoreRule rule) {
            ignoreRules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Adds ignore rules. */
        public Builder ignoreRules(List<IgnoreRule> rules) {
            rules.forEach(this::ignoreRule);
            return this;
        }

        /** Turns the built-in normalisation off (default on); for tests and special tools. */
        public Builder defaultNormalisation(boolean on) {
            this.defaultNormalisation = on;
            return this;
        }

        /** Turns the in-sync fast path off (default on), so tests can compare it with the full diff. */
        Builder fastPath(boolean on) {
            this.fastPath = on;
            return this;
        }

        /** The differ. */
        public Differ build() {
            return new Differ(this);
        }
    }
}
