package dev.kelpie.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.yaml.OutputStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a Jackson tree as block YAML the way kustomize and kubectl print it (go-yaml v3
 * style): 2-space indent, sequences flush under their key, strings double-quoted when plain
 * text would read back as another type ({@code "true"}, {@code "0123"}), single-quoted when
 * they hold YAML indicators, {@code |} blocks for multi-line text. Keys in the order asked:
 * tree order, sorted as kubectl prints them, or sorted as kustomize prints them. Immutable and
 * thread-safe.
 */
public final class YamlEmitter {
    private final OutputStyle style;

    public YamlEmitter(OutputStyle style) {
        this.style = style;
    }

    /** The document text, ending in a newline. */
    public String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    /** Appends the document text, ending in a newline (one buffer for a whole stream: no per-document copy). */
    public void write(JsonNode node, StringBuilder out) {
        if (node.isObject() && !node.isEmpty()) {
            writeMapping(node, 0, out);
        } else if (node.isArray() && !node.isEmpty()) {
            writeSequence(node, 0, out);
        } else {
            writeInline(node, 0, out);
            out.append('\n');
        }
    }

    private List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>(node.size());
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        it.forEachRemaining(list::add);
        switch (style) {
            case KUBECTL -> list.sort(Map.Entry.comparingByKey());
            case KUSTOMIZE -> GoYamlKeyOrder.sort(list);
            case TREE_ORDER -> {
            }
        }
        return list;
    }

    private void writeMapping(JsonNode node, int indent, StringBuilder out) {
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : entries(node)) {
            if (!first) {
                indent(out, indent);
            }
            first = false;
            out.append(scalarText(e.getKey(), indent, true)).append(':');
            writeValueAfterKey(e.getValue(), indent, out);
        }
    }

    /** Writes a value that follows {@code key:} (cursor right after the colon). */
    private void writeValueAfterKey(JsonNode v, int indent, StringBuilder out) {
        if (v.isObject() && !v.isEmpty()) {
            out.append('\n');
            indent(out, indent + 2);
            writeMapping(v, indent + 2, out);
        } else if (v.isArray() && !v.isEmpty()) {
            out.append('\n');
            indent(out, indent);
            writeSequence(v, indent, out);
        } else {
            out.append(' ');
            writeInline(v, indent + 2, out);
            out.append('\n');
        }
    }

    private void writeSequence(JsonNode node, int indent, StringBuilder out) {
        boolean first = true;
        for (JsonNode item : node) {
            if (!first) {
                indent(out, indent);
            }
            first = false;
            out.append("- ");
            if (item.isObject() && !item.isEmpty()) {
                writeMapping(item, indent + 2, out);
            } else if (item.isArray() && !item.isEmpty()) {
                writeSequence(item, indent + 2, out);
            } else {
                writeInline(item, indent + 2, out);
                out.append('\n');
            }
        }
    }

    /** A scalar or an empty collection, on the current line. */
    private void writeInline(JsonNode v, int blockIndent, StringBuilder out) {
        if (v.isObject()) {
            out.append("{}");
        } else if (v.isArray()) {
            out.append("[]");
        } else if (v.isNull() || v.isMissingNode()) {
            out.append("null");
        } else if (v.isTextual()) {
            String text = v.asText();
            String written = scalarText(text, blockIndent, false);
            if (written.indexOf('\n') < 0) {
                LineFolding.append(out, text, written, blockIndent);
            } else {
                out.append(written);
            }
        } else if (v.isDouble() || v.isFloat()) {
            double d = v.doubleValue();
            if (Double.isNaN(d)) {
                out.append(".nan");
            } else if (Double.isInfinite(d)) {
                out.append(d > 0 ? ".inf" : "-.inf");
            } else {
                out.append(v.asText());
            }
        } else if (v.isBigDecimal()) {
            out.append(v.decimalValue().toString());
        } else if (v.isBinary()) {
            out.append(v.asText());
        } else {
            out.append(v.asText());
        }
    }

    private String scalarText(String s, int blockIndent, boolean isKey) {
        if (s.isEmpty()) {
            return "\"\"";
        }
        if (s.indexOf('\n') >= 0 && !isKey && blockSafe(s)) {
            return literalBlock(s, blockIndent);
        }
        if (!printable(s) || s.indexOf('\t') >= 0) {
            // kubectl and kustomize (go-yaml v3 rules) write text with tabs double-quoted
            return doubleQuoted(s);
        }
        if (ScalarResolver.readsAsNonString(s) || YAML11_BOOLEANS.contains(s)) {
            return "\"" + s + "\"";
        }
        if (plainSafe(s)) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t') {
                return false;
            }
            if (c == 0x7f || c == '\ufeff' || (c >= 0x80 && c <= 0x9f)) {
                return false;
            }
        }
        return true;
    }

    private static boolean plainSafe(String s) {
        char first = s.charAt(0);
        if ("[]{},#&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        if ((first == '-' || first == '?' || first == ':') && (s.length() == 1 || s.charAt(1) == ' ')) {
            return false;
        }
        if (s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (first == ' ' || last == ' ' || first == '\t' || last == '\t' || last == ':') {
            return false;
        }
        return !(s.contains(": ") || s.contains(" #") || s.contains(":\t") || s.indexOf('\t') >= 0);
    }

    /** Literal blocks cannot carry trailing spaces, tabs or control characters faithfully. */
    private static boolean blockSafe(String s) {
        if (!printable(s.replace('\n', ' ')) || s.indexOf('\t') >= 0 || s.indexOf('\r') >= 0) {
            return false;
        }
        for (String line : s.split("\n", -1)) {
            if (line.endsWith(" ")) {
                return false;
            }
        }
        // a leading space or line break is kept with an indentation indicator (|2), as go-yaml writes it
        return !s.endsWith(" ");
    }

    private static String literalBlock(String s, int indent) {
        String header;
        String body;
        if (!s.endsWith("\n")) {
            header = "|-";
            body = s;
        } else if (s.endsWith("\n\n")) {
            header = "|+";
            body = s.substring(0, s.length() - 1);
        } else {
            header = "|";
            body = s.substring(0, s.length() - 1);
        }
        if (s.startsWith(" ") || s.startsWith("\n")) {
            header = "|2" + header.substring(1);
        }
        StringBuilder b = new StringBuilder(header);
        String pad = " ".repeat(indent);
        for (String line : body.split("\n", -1)) {
            b.append('\n');
            if (!line.isEmpty()) {
                b.append(pad).append(line);
            }
        }
        return b.toString();
    }

    private static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = escape(c);
            if (escape != null) {
                b.append(escape);
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** How a double-quoted scalar writes {@code c}, or null when it writes it as is. */
    static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\0' -> "\\0";
            default -> c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\ufeff'
                    ? "\\u" + HEX[(c >> 12) & 0xf] + HEX[(c >> 8) & 0xf] + HEX[(c >> 4) & 0xf] + HEX[c & 0xf] : null;
        };
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * YAML 1.1 booleans: read as strings here and by Kubernetes, but kubectl and kustomize quote
     * them, keys included ({@code "on": "on"}), so that YAML 1.1 readers do not take them for
     * booleans.
     */
    private static final java.util.Set<String> YAML11_BOOLEANS = java.util.Set.of("y", "Y", "yes", "Yes", "YES",
            "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF");

    private static void indent(StringBuilder out, int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
    }
}
