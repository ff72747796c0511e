package dev.kelpie.diff.internal.smp;

/**
 * Where in a document an engine is, rendered only when an error needs it
 * ({@code spec.template.spec.containers[name=app].env}).
 */
public final class Trail {
    private final String operation;
    private final Trail parent;
    private final String segment;

    private Trail(String operation, Trail parent, String segment) {
        this.operation = operation;
        this.parent = parent;
        this.segment = segment;
    }

    /** The root of a document, for {@code operation}. */
    public static Trail root(String operation) {
        return new Trail(operation, null, "");
    }

    /** The operation name. */
    public String operation() {
        return operation;
    }

    /** A field below this one. */
    public Trail child(String key) {
        return new Trail(operation, this, key);
    }

    /** A list element identified by merge key or index. */
    public Trail element(String id) {
        return new Trail(operation, this, "[" + id + "]");
    }

    /** The dotted path. */
    public String render() {
        if (parent == null) {
            return "";
        }
        String head = parent.render();
        if (segment.startsWith("[") || head.isEmpty()) {
            return head + segment;
        }
        return head + "." + segment;
    }
}
