package dev.kelpie.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.Origin;
import java.util.Objects;

/**
 * One document of a stream: its tree and where it starts. The tree is the reader's fresh
 * copy, owned by the caller.
 */
public record YamlDocument(JsonNode tree, Origin origin) {
    public YamlDocument {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(origin, "origin");
    }
}
