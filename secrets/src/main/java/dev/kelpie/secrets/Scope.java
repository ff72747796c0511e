package dev.kelpie.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How far a sealed value may travel: the scope is bound into every item through the RSA-OAEP
 * label, exactly as the sealed-secrets controller derives it.
 *
 * <ul>
 *   <li>{@link #STRICT}: label {@code namespace + "/" + name}; renaming or moving breaks it.</li>
 *   <li>{@link #NAMESPACE_WIDE}: label {@code namespace}; survives renaming.</li>
 *   <li>{@link #CLUSTER_WIDE}: empty label; survives renaming and moving.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public enum Scope {
    STRICT("strict"),
    NAMESPACE_WIDE("namespace-wide"),
    CLUSTER_WIDE("cluster-wide");

    /** Annotation that selects {@link #NAMESPACE_WIDE} when its value is exactly {@code "true"}. */
    public static final String NAMESPACE_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/namespace-wide";
    /** Annotation that selects {@link #CLUSTER_WIDE} when its value is exactly {@code "true"}. */
    public static final String CLUSTER_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/cluster-wide";

    private final String flag;

    Scope(String flag) {
        this.flag = flag;
    }

    /** The kubeseal {@code --scope} value: {@code strict}, {@code namespace-wide} or {@code cluster-wide}. */
    public String flag() {
        return flag;
    }

    /**
     * The scope named by a kubeseal {@code --scope} value.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Scope parse(String flag) {
        Objects.requireNonNull(flag, "flag");
        for (Scope s : values()) {
            if (s.flag.equals(flag.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope \"" + flag + "\" (strict, namespace-wide or cluster-wide)");
    }

    /**
     * The scope that annotations select, as the controller reads them: only the exact value
     * {@code "true"} counts, and cluster-wide wins over namespace-wide.
     */
    public static Scope ofAnnotations(Map<String, String> annotations) {
        Objects.requireNonNull(annotations, "annotations");
        if ("true".equals(annotations.get(CLUSTER_WIDE_ANNOTATION))) {
            return CLUSTER_WIDE;
        }
        if ("true".equals(annotations.get(NAMESPACE_WIDE_ANNOTATION))) {
            return NAMESPACE_WIDE;
        }
        return STRICT;
    }

    /** The annotation that selects this scope, or empty for {@link #STRICT}. */
    public String annotation() {
        return switch (this) {
            case STRICT -> "";
            case NAMESPACE_WIDE -> NAMESPACE_WIDE_ANNOTATION;
            case CLUSTER_WIDE -> CLUSTER_WIDE_ANNOTATION;
        };
    }

    /**
     * The RSA-OAEP label (UTF-8) for an object in this scope. A missing namespace is {@code ""}.
     */
    public byte[] label(String namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        String text = switch (this) {
            case STRICT -> namespace + "/" + name;
            case NAMESPACE_WIDE -> namespace;
            case CLUSTER_WIDE -> "";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
