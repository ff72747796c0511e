package dev.kelpie.core.yaml.internal;

/**
 * Writes a one-line scalar value the way go-yaml's emitter does when it passes the preferred
 * width of 80 columns: at the first single space after column 80 the line breaks and goes on
 * at the value's block indentation. Plain, single- and double-quoted scalars fold alike, but
 * a quoted scalar never breaks at its first or last character, and a double-quoted one marks
 * a kept leading space of the next line with a backslash. The folded text reads back as the
 * same string. Stateless.
 */
final class LineFolding {
    static final int WIDTH = 80;

    private LineFolding() {
    }

    /**
     * Appends {@code text} (as {@link YamlEmitter} chose to write {@code value}) at the end of
     * {@code out}, folded where go-yaml would fold it.
     */
    static void append(StringBuilder out, String value, String text, int indent) {
        if (value.indexOf(' ') < 0) {
            out.append(text);
            return;
        }
        int lineStart = out.lastIndexOf("\n") + 1;
        if (out.length() - lineStart + text.length() <= WIDTH) {
            out.append(text); // fits even counting chars, which are never fewer than code points
            return;
        }
        int column = out.codePointCount(lineStart, out.length());
        char quote = text.charAt(0) == '"' || text.charAt(0) == '\'' ? text.charAt(0) : 0;
        fold(out, value, column, indent, quote);
    }

    /** Writes {@code v} plain ({@code quote} 0), single- or double-quoted, folding as go-yaml does. */
    private static void fold(StringBuilder out, String v, int column, int indent, char quote) {
        if (quote != 0) {
            out.append(quote);
            column++;
        }
        boolean spaces = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String escape = quote == '"' ? YamlEmitter.escape(c) : quote == '\'' && c == '\'' ? "''" : null;
            if (escape != null) {
                out.append(escape);
                column += escape.length();
                spaces = false;
            } else if (c == ' ') {
                boolean inner = quote == 0 || i != 0 && i != v.length() - 1;
                boolean nextSpace = spaceAt(v, i + 1);
                // a double-quoted scalar may break before a space it then escapes; the others may not
                if (!spaces && column > WIDTH && inner && (quote == '"' || !nextSpace)) {
                    column = newLine(out, indent);
                    if (nextSpace) {
                        out.append('\\');
                        column++;
                    }
                } else {
                    out.append(c);
                    column++;
                }
                spaces = true;
            } else {
                int cp = v.codePointAt(i);
                out.appendCodePoint(cp);
                column++;
                i += Character.charCount(cp) - 1;
                spaces = false;
            }
        }
        if (quote != 0) {
            out.append(quote);
        }
    }

    private static boolean spaceAt(String v, int i) {
        return i < v.length() && v.charAt(i) == ' ';
    }

    private static int newLine(StringBuilder out, int indent) {
        out.append('\n');
        for (int k = 0; k < indent; k++) {
            out.append(' ');
        }
        return indent;
    }
}
