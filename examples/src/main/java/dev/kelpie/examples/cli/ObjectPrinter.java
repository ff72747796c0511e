package dev.kelpie.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kelpie.core.yaml.YamlCodec;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints objects as kubeseal does: JSON (its default) in the object's own field order with
 * {@code "key": value} and two-space indent, or YAML with sorted keys, each document preceded by
 * {@code ---}.
 */
final class ObjectPrinter {
    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private ObjectPrinter() {
    }

    static String print(List<JsonNode> trees, String format) {
        StringBuilder out = new StringBuilder();
        for (JsonNode t : trees) {
            out.append(print(t, format));
        }
        return out.toString();
    }

    static String print(JsonNode tree, String format) {
        return switch (format) {
            case "json" -> json(tree);
            case "yaml" -> "---\n" + YamlCodec.defaults().write(tree);
            default -> throw new ExitCodeException(2, "unknown output format \"" + format + "\" (json or yaml)");
        };
    }

    private static String json(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The format an output file name implies, as kubeseal decides it. */
    static String formatFor(String file, String fallback) {
        return file.endsWith(".yaml") || file.endsWith(".yml") ? "yaml" : fallback;
    }
}
