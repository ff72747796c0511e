package dev.kelpie.diff.internal.smp;

import dev.kelpie.diff.DiffException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The schema strategic merge patch walks: a struct with named fields, a map whose values
 * share one schema, or an open (free-form / unknown) value. Immutable and thread-safe.
 */
public sealed interface SchemaNode {

    /** The metadata of field {@code key} when its value is a map. */
    FieldMeta lookupForStruct(String key, Trail path);

    /** The metadata of field {@code key} when its value is a list; the schema is that of its items. */
    default FieldMeta lookupForSlice(String key, Trail path) {
        return lookupForStruct(key, path);
    }

    /** A name for error messages. */
    String name();

    /** A schema that knows nothing: every field is plain, lists are replaced, maps merged. */
    static SchemaNode open() {
        return Open.INSTANCE;
    }

    /** Free-form or unknown content. */
    final class Open implements SchemaNode {
        static final Open INSTANCE = new Open();

        private Open() {
        }

        @Override
        public FieldMeta lookupForStruct(String key, Trail path) {
            return FieldMeta.plain(INSTANCE);
        }

        @Override
        public String name() {
            return "object";
        }
    }

    /** A scalar with value semantics of its own: a resource quantity or an int-or-string. */
    record Leaf(LeafType type) implements SchemaNode {
        @Override
        public FieldMeta lookupForStruct(String key, Trail path) {
            return FieldMeta.plain(Open.INSTANCE);
        }

        @Override
        public String name() {
            return type.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The scalar types the diff compares by value. */
    enum LeafType { QUANTITY, INT_OR_STRING }

    /** A map ({@code additionalProperties}): every key has the value schema. */
    record MapOf(SchemaNode values) implements SchemaNode {
        @Override
        public FieldMeta lookupForStruct(String key, Trail path) {
            return FieldMeta.plain(values);
        }

        @Override
        public String name() {
            return "map";
        }
    }

    /**
     * A struct with known fields. Fields resolve lazily so recursive definitions work. An
     * unknown field is an error (as in apimachinery) unless {@code lenient}, where it is open.
     */
    record Struct(String name, Map<String, Supplier<FieldMeta>> fields, boolean lenient) implements SchemaNode {
        @Override
        public FieldMeta lookupForStruct(String key, Trail path) {
            Supplier<FieldMeta> f = fields.get(key);
            if (f == null) {
                if (lenient) {
                    return FieldMeta.plain(Open.INSTANCE);
                }
                throw new DiffException(path.operation(), path.child(key).render(),
                        "unable to find api field in struct " + name + " for the json field \"" + key + "\"");
            }
            return f.get();
        }
    }
}
