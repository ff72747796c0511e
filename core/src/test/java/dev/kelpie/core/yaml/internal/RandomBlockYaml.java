package dev.kelpie.core.yaml.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes random YAML streams inside the block subset the fast reader claims: nested mappings and
 * sequences (indented, flush with their key, compact), scalars of every resolution kind, quoted
 * strings with escapes, block scalars with every header, comments, blank lines, trailing spaces,
 * several documents, CRLF line ends. Test support only.
 */
final class RandomBlockYaml {
    /** Plain scalars as values: numbers in every Go form, booleans and nulls of YAML 1.1 and 1.2, strings with indicators inside. */
    static final List<String> PLAIN = List.of("abc", "hello world", "80", "-1", "+1", "0", "-0", "0123", "017", "0o17", "0x1F",
            "0b101", "1_000", "1__0", "_1", "1.5", "1.50", "-2.5e3", "1e3", "1e", ".5", "5.", "0.", ".inf", "-.Inf", "+.INF",
            ".nan", ".NaN", "true", "True", "FALSE", "false", "yes", "no", "on", "off", "y", "n", "null", "Null", "NULL", "~",
            "2024-01-01", "12:30", "9223372036854775807", "9223372036854775808", "18446744073709551616",
            "123456789012345678901234567890", "0x", ".", "...", "---", "-foo", "--flag=value", "a - b", "a,b", "a[0]", "x:y",
            "http://example.com/a?b=c#d", "a#b", "a'b", "a\"b", "key=value", "\u00e9t\u00e9", "\u65e5\u672c", "\uD83D\uDE00",
            "a  two  spaces", "x{{y}}", "x]", "x}");
    static final List<String> DOUBLE_QUOTED = List.of("\"\"", "\"a\\nb\"", "\"tab\\there\"", "\"\\u00e9\\x41\\U0001F600\"",
            "\"q \\\" in\"", "\"\\\\\"", "\"a: b\"", "\"# no comment\"", "\"  spaces  \"", "\"\\/\"", "\"\\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\"",
            "\"80\"", "\"true\"", "\"null\"", "\"it's\"", "\"lit\ttab\"", "\"- x\"", "\"|\"");
    static final List<String> SINGLE_QUOTED = List.of("''", "'it''s'", "'a: b'", "'#x'", "' lead'", "'\\n stays'", "'0123'",
            "'~'", "'\"'", "''''");
    /** Keys as written, each with the key it reads as (so no mapping gets a duplicate). */
    static final List<String[]> KEYS = List.of(new String[] {"a", "a"}, new String[] {"name", "name"},
            new String[] {"app.kubernetes.io/name", "app.kubernetes.io/name"}, new String[] {"key with space", "key with space"},
            new String[] {"1", "1"}, new String[] {"true", "true"}, new String[] {"null", "null"}, new String[] {"~", "~"},
            new String[] {"-k", "-k"}, new String[] {"x:y", "x:y"}, new String[] {"a#b", "a#b"}, new String[] {"\u00e9", "\u00e9"},
            new String[] {"\"a\"", "a"}, new String[] {"\"quoted key\"", "quoted key"}, new String[] {"'single'", "single"},
            new String[] {"\"\"", ""}, new String[] {"\"<<\"", "<<"}, new String[] {"\"k: v\"", "k: v"},
            new String[] {"'#c'", "#c"}, new String[] {"b ", "b"}, new String[] {"---x", "---x"});
    private static final String NOISE = " \t\n\r:#-|>'\"[]{},&*!?%@`\\.~0a+1";
    static final List<String> BLOCK_LINES = List.of("text", "# not a comment", "key: value", "- item", "trailing   ",
            "tab\there", "\"quoted\"", "\u00e9 \u00fc", "---", "  more indented", "    deeper", "x");

    private final Random r;
    private final StringBuilder out = new StringBuilder();

    RandomBlockYaml(Random r) {
        this.r = r;
    }

    /** A whole stream of one to three documents. */
    String stream() {
        if (r.nextInt(4) == 0) {
            out.append("# leading comment\n");
        }
        int docs = 1 + r.nextInt(3);
        for (int i = 0; i < docs; i++) {
            boolean explicit = i > 0 || r.nextBoolean();
            if (explicit) {
                out.append(r.nextInt(4) == 0 ? "--- # document\n" : "---\n");
            }
            int shape = r.nextInt(12);
            int col = r.nextInt(6) == 0 ? 2 : 0;
            if (shape == 0 && explicit) {
                out.append(r.nextBoolean() ? "# only a comment\n" : "");
            } else if (shape < 7) {
                mapping(col, 0, false);
            } else {
                sequence(col, 0, false);
            }
            if (r.nextInt(8) == 0) {
                out.append("...\n");
            }
        }
        String text = out.toString();
        if (r.nextInt(6) == 0) {
            text = text.replace("\n", "\r\n");
        }
        if (r.nextInt(6) == 0 && text.endsWith("\n")) {
            text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
        }
        return text;
    }

    /** One document: a mapping at column 0, LF line ends. */
    String mappingDocument() {
        mapping(0, 0, false);
        return out.toString();
    }

    /** The text with one to three random edits: characters, YAML indicators, line breaks, indentation. */
    static String mutate(Random r, String text) {
        StringBuilder b = new StringBuilder(text);
        for (int edits = 1 + r.nextInt(3); edits > 0 && b.length() > 0; edits--) {
            int p = r.nextInt(b.length());
            int lineStart = p == 0 ? 0 : b.lastIndexOf("\n", p - 1) + 1;
            switch (r.nextInt(6)) {
                case 0 -> b.insert(p, NOISE.charAt(r.nextInt(NOISE.length())));
                case 1 -> b.deleteCharAt(p);
                case 2 -> b.insert(lineStart, "  ");
                case 3 -> {
                    if (lineStart < b.length() && b.charAt(lineStart) == ' ') {
                        b.deleteCharAt(lineStart);
                    }
                }
                case 4 -> b.insert(p, List.of("\n", ": ", " #", "- ", "|\n", ">-\n", "|+\n", "\"", "'", "[]", "\r\n",
                        "\n---\n", "\n...\n", "\\", "\\u00", "|2\n", "\n- ", "\n  - ", "\n\n").get(r.nextInt(19)));
                default -> {
                    int lineEnd = b.indexOf("\n", p);
                    lineEnd = lineEnd < 0 ? b.length() : lineEnd;
                    b.insert(lineEnd, "\n" + b.substring(lineStart, lineEnd));
                }
            }
        }
        return b.toString();
    }

    private void mapping(int col, int depth, boolean firstInline) {
        Set<String> used = new HashSet<>();
        int entries = 1 + r.nextInt(4);
        for (int i = 0; i < entries; i++) {
            String[] key = KEYS.get(r.nextInt(KEYS.size()));
            if (!used.add(key[1])) {
                continue;
            }
            if (i > 0 || !firstInline) {
                noise(col);
                indent(col);
            }
            out.append(key[0]).append(':');
            mappingValue(col, depth);
        }
    }

    private void mappingValue(int col, int depth) {
        int choice = r.nextInt(depth >= 4 ? 6 : 10);
        switch (choice) {
            case 0, 1, 2 -> scalarLine(" ");
            case 3 -> out.append(r.nextBoolean() ? "" : r.nextBoolean() ? " # empty" : " ~").append('\n');
            case 4 -> {
                out.append(' ');
                blockScalar(col, col + 1 + r.nextInt(3));
            }
            case 5 -> out.append(List.of(" []", " {}", " [ ]", " [a, \"b\", 1, -2, 'c d']", " [x]").get(r.nextInt(5))).append(trailing()).append('\n');
            case 6, 7 -> {
                out.append(comment()).append('\n');
                mapping(col + 1 + r.nextInt(3), depth + 1, false);
            }
            default -> {
                out.append(comment()).append('\n');
                sequence(r.nextBoolean() ? col : col + 1 + r.nextInt(3), depth + 1, false);
            }
        }
    }

    private void sequence(int col, int depth, boolean firstInline) {
        int entries = 1 + r.nextInt(4);
        for (int i = 0; i < entries; i++) {
            if (i > 0 || !firstInline) {
                noise(col);
                indent(col);
            }
            out.append('-');
            entry(col, depth);
        }
    }

    private void entry(int col, int depth) {
        int choice = r.nextInt(depth >= 4 ? 5 : 10);
        switch (choice) {
            case 0, 1 -> scalarLine(" ".repeat(1 + r.nextInt(2)));
            case 2 -> out.append(r.nextBoolean() ? "" : " # empty entry").append('\n');
            case 3 -> {
                out.append(' ');
                blockScalar(col, col + 1 + r.nextInt(3));
            }
            case 4 -> out.append(List.of(" []", " {}", " [1, two]").get(r.nextInt(3))).append('\n');
            case 5, 6 -> {
                int gap = 1 + r.nextInt(3);
                out.append(" ".repeat(gap));
                mapping(col + 1 + gap, depth + 1, true);
            }
            case 7 -> {
                out.append(' ');
                sequence(col + 2, depth + 1, true);
            }
            case 8 -> {
                out.append('\n');
                mapping(col + 1 + r.nextInt(3), depth + 1, false);
            }
            default -> {
                out.append('\n');
                sequence(col + 1 + r.nextInt(3), depth + 1, false);
            }
        }
    }

    /** A scalar after its indicator, to the end of the line. */
    private void scalarLine(String gap) {
        out.append(gap);
        int kind = r.nextInt(5);
        List<String> pool = kind < 3 ? PLAIN : kind == 3 ? DOUBLE_QUOTED : SINGLE_QUOTED;
        out.append(pool.get(r.nextInt(pool.size()))).append(trailing()).append(comment()).append('\n');
    }

    /** A literal or folded scalar whose lines sit at column at, in a collection at column parent. */
    private void blockScalar(int parent, int at) {
        out.append(r.nextBoolean() ? '|' : '>');
        boolean explicit = r.nextInt(3) == 0;
        String chomp = List.of("", "-", "+").get(r.nextInt(3));
        if (explicit && r.nextBoolean()) {
            out.append(at - parent).append(chomp);
        } else if (explicit) {
            out.append(chomp).append(at - parent);
        } else {
            out.append(chomp);
        }
        out.append(r.nextBoolean() ? "" : "  # header comment").append('\n');
        int lines = 1 + r.nextInt(4);
        for (int i = 0; i < lines; i++) {
            String line = BLOCK_LINES.get(r.nextInt(BLOCK_LINES.size()));
            if (i == 0 && !explicit && line.startsWith(" ")) {
                line = "first";
            }
            if (i > 0 && r.nextInt(4) == 0) {
                out.append(r.nextBoolean() ? "" : " ".repeat(r.nextInt(at + 1))).append('\n');
            }
            indent(at);
            out.append(line).append('\n');
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            out.append(" ".repeat(r.nextInt(at + 1))).append('\n');
        }
    }

    /** Comment and blank lines between entries, at any indentation. */
    private void noise(int col) {
        if (r.nextInt(6) == 0) {
            out.append(" ".repeat(r.nextInt(col + 4))).append(r.nextBoolean() ? "# a comment" : "#").append('\n');
        }
        if (r.nextInt(8) == 0) {
            out.append(" ".repeat(r.nextInt(3))).append('\n');
        }
    }

    private String comment() {
        return r.nextInt(5) == 0 ? " # comment: - [x]" : "";
    }

    private String trailing() {
        return r.nextInt(6) == 0 ? "   " : "";
    }

    private void indent(int col) {
        out.append(" ".repeat(col));
    }
}
