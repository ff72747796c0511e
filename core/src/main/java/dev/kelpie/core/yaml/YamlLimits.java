package dev.kelpie.core.yaml;

/**
 * Bounds that keep a hostile document from exhausting memory or stack. The defaults are
 * generous for real manifests (a 10,000-object monorepo stays far below them) and refuse a
 * billion-laughs document at once. Immutable and thread-safe.
 *
 * @param maxDocumentCodePoints the most characters one stream may hold
 * @param maxDepth              the deepest nesting of mappings and sequences
 * @param maxAliases            the most alias references ({@code *name}) in one stream
 * @param maxExpandedNodes      the most nodes one document may have once aliases are expanded
 */
public record YamlLimits(int maxDocumentCodePoints, int maxDepth, int maxAliases, long maxExpandedNodes) {

    public static final YamlLimits DEFAULT = new YamlLimits(64 * 1024 * 1024, 200, 1_000, 1_000_000);

    public YamlLimits {
        if (maxDocumentCodePoints <= 0 || maxDepth <= 0 || maxAliases < 0 || maxExpandedNodes <= 0) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }

    public YamlLimits withMaxDocumentCodePoints(int v) {
        return new YamlLimits(v, maxDepth, maxAliases, maxExpandedNodes);
    }

    public YamlLimits withMaxDepth(int v) {
        return new YamlLimits(maxDocumentCodePoints, v, maxAliases, maxExpandedNodes);
    }

    public YamlLimits withMaxAliases(int v) {
        return new YamlLimits(maxDocumentCodePoints, maxDepth, v, maxExpandedNodes);
    }

    public YamlLimits withMaxExpandedNodes(long v) {
        return new YamlLimits(maxDocumentCodePoints, maxDepth, maxAliases, v);
    }
}
