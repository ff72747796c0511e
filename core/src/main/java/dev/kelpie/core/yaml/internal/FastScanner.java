package dev.kelpie.core.yaml.internal;

/**
 * The character-level half of {@link FastBlockReader}: positions in one text, one-line plain
 * and quoted scalars (escapes included), flow-sequence items, block scalar bodies. Whatever it
 * is not sure of throws {@link Decline}. Not thread-safe; one instance per read.
 */
final class FastScanner {
    /** snakeyaml refuses simple keys longer than 1024 code points; stay clearly below. */
    private static final int MAX_KEY_CHARS = 1000;
    /** snakeyaml-engine's StreamReader reads the text in chunks of its default buffer size + 1. */
    private static final int SNAKEYAML_CHUNK = 1025;

    private static final int CLIP = 0;
    private static final int STRIP = 1;
    private static final int KEEP = 2;

    /** Gives up on the stream. One shared instance without a stack trace: declining is cheap. */
    static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private final String s;
    private final int n;
    /** Results of the last scan: end of the trimmed plain text, its ':' indicator (or -1), where the token stopped. */
    int tokEnd;
    int tokColon;
    int tokStop;
    /** Where a block scalar's scan is, and its column on that line. */
    private int at;
    private int column;

    FastScanner(String text) {
        this.s = text;
        this.n = text.length();
    }

    /**
     * Only characters whose handling is certain: no control characters but tab and line feed,
     * CR only before LF, nothing snakeyaml treats specially (NEL, BOM, non-characters) or refuses
     * (C1 controls, lone surrogates), and no Unicode line or paragraph separators. A surrogate
     * pair split by snakeyaml-engine's read chunks is left to it too: 2.10 fails there with an
     * IndexOutOfBoundsException, and the codec must fail the same way whichever reader runs.
     */
    static boolean plainCharacters(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                if (c != '\n' && c != '\t' && !(c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n')) {
                    return false;
                }
            } else if (c >= 0x7F) {
                if (c <= 0x9F || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
                    return false;
                }
                if (Character.isSurrogate(c)) {
                    if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))
                            || i % SNAKEYAML_CHUNK == SNAKEYAML_CHUNK - 1) {
                        return false;
                    }
                    i++;
                }
            }
        }
        return true;
    }

    int lineEnd(int p) {
        while (p < n) {
            char c = s.charAt(p);
            if (c == '\n' || c == '\r') {
                return p;
            }
            p++;
        }
        return n;
    }

    /** The position after the line break at p (CR is always followed by LF here). */
    int afterBreak(int p) {
        return s.charAt(p) == '\r' ? p + 2 : p + 1;
    }

    boolean lineEndsAt(int p) {
        return p >= n || s.charAt(p) == '\n' || s.charAt(p) == '\r';
    }

    /** Space, line break or end; a tab there is left to the event reader. */
    boolean blankOrEnd(int p) {
        if (p >= n) {
            return true;
        }
        char c = s.charAt(p);
        if (c == '\t') {
            throw Decline.INSTANCE;
        }
        return c == ' ' || c == '\n' || c == '\r';
    }

    int spaces(int p) {
        while (p < n && s.charAt(p) == ' ') {
            p++;
        }
        if (p < n && s.charAt(p) == '\t') {
            throw Decline.INSTANCE;
        }
        return p;
    }

    boolean isEntry(int p) {
        return s.charAt(p) == '-' && blankOrEnd(p + 1);
    }

    /**
     * A plain scalar inside a flow sequence, kept to characters with no flow meaning; returns the
     * end of its trimmed text and leaves the stop position in {@link #tokStop}.
     */
    int flowPlain(int p) {
        char first = s.charAt(p);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0 && !(first == '-' && p + 1 < n
                && "-?:,[]{}#&*!|>'\"%@` \t\r\n".indexOf(s.charAt(p + 1)) < 0)) {
            throw Decline.INSTANCE;
        }
        int last = p;
        int i = p;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ',' || c == ']') {
                break;
            }
            if (c == ' ') {
                i++;
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\t' || "[]{}:#'\"".indexOf(c) >= 0) {
                throw Decline.INSTANCE;
            }
            i++;
            last = i;
        }
        tokStop = i;
        return last;
    }

    /**
     * The position of a key's ':' when a simple key starts at p, else -1. For a plain key
     * {@link #tokEnd} is left at the end of its text.
     */
    int keyColon(int p) {
        char c = s.charAt(p);
        int colon;
        if (c == '"' || c == '\'') {
            int q = spaces(quotedEnd(p));
            colon = q < n && s.charAt(q) == ':' && blankOrEnd(q + 1) ? q : -1;
        } else if (plainStart(p)) {
            scanPlain(p);
            colon = tokColon;
        } else {
            return -1;
        }
        if (colon - p > MAX_KEY_CHARS) {
            throw Decline.INSTANCE;
        }
        return colon;
    }

    /** Whether a block-context plain scalar may start at p (indicators that could start one decline). */
    boolean plainStart(int p) {
        char c = s.charAt(p);
        return switch (c) {
            case '-' -> !blankOrEnd(p + 1);
            case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> false;
            default -> true;
        };
    }

    /**
     * Scans a one-line plain scalar from p in block context: up to the end of the line, a
     * comment (" #") or a ':' followed by a blank. Sets {@link #tokEnd}, {@link #tokColon} and
     * {@link #tokStop}.
     */
    void scanPlain(int p) {
        int last = p;
        int i = p;
        int colon = -1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == ' ') {
                if (i + 1 < n && s.charAt(i + 1) == '#') {
                    break;
                }
                i++;
                continue;
            }
            if (c == '\t') {
                throw Decline.INSTANCE;
            }
            if (c == ':' && blankOrEnd(i + 1)) {
                colon = i;
                break;
            }
            i++;
            last = i;
        }
        tokEnd = last;
        tokColon = colon;
        tokStop = colon >= 0 ? colon + 1 : i;
    }

    /** The position after the closing quote of a one-line quoted scalar at p. */
    int quotedEnd(int p) {
        char q = s.charAt(p);
        int i = p + 1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < n && s.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i += c == '\\' && q == '"' ? 2 : 1;
        }
        throw Decline.INSTANCE; // a quoted scalar over several lines folds: left to the event reader
    }

    /** The value of the one-line quoted scalar at p; {@link #tokStop} is set after its closing quote. */
    String quoted(int p) {
        int end = quotedEnd(p);
        tokStop = end;
        int from = p + 1;
        int to = end - 1;
        int special = -1;
        char q = s.charAt(p);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' && q == '"' || c == '\'' && q == '\'') {
                special = i;
                break;
            }
        }
        if (special < 0) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from).append(s, from, special);
        for (int i = special; i < to; i++) {
            char c = s.charAt(i);
            if (q == '\'') {
                b.append(c);
                if (c == '\'') {
                    i++; // '' is one quote
                }
            } else if (c == '\\') {
                i = escape(i + 1, to, b);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends the escape whose letter is at i (before to); returns the index of its last character. */
    private int escape(int i, int to, StringBuilder b) {
        if (i >= to) {
            throw Decline.INSTANCE;
        }
        char e = s.charAt(i);
        int digits;
        switch (e) {
            case '0' -> b.append('\0');
            case 'a' -> b.append('\u0007');
            case 'b' -> b.append('\b');
            case 't' -> b.append('\t');
            case 'n' -> b.append('\n');
            case 'v' -> b.append('\u000B');
            case 'f' -> b.append('\f');
            case 'r' -> b.append('\r');
            case 'e' -> b.append('\u001B');
            case ' ', '"', '/', '\\' -> b.append(e);
            case 'N' -> b.append('\u0085');
            case '_' -> b.append('\u00A0');
            case 'x', 'u', 'U' -> {
                digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i + digits >= to) {
                    throw Decline.INSTANCE;
                }
                int cp = 0;
                for (int k = 1; k <= digits; k++) {
                    int d = Character.digit(s.charAt(i + k), 16);
                    if (d < 0 || cp > 0x10FFFF) {
                        throw Decline.INSTANCE;
                    }
                    cp = cp * 16 + d;
                }
                if (cp > 0x10FFFF) {
                    throw Decline.INSTANCE;
                }
                b.appendCodePoint(cp);
                return i + digits;
            }
            default -> throw Decline.INSTANCE; // unknown escape, or \L, \P, \<TAB> snakeyaml does not know
        }
        return i;
    }

    /**
     * A literal or folded block scalar whose header is at p, in a block collection at column
     * parentCol. Indentation, folding and chomping follow snakeyaml-engine's scanner, quirks
     * included; its error cases decline. {@link #tokStop} is left at the start of the line where
     * the structure goes on.
     */
    String blockScalar(int p, int parentCol) {
        boolean folded = s.charAt(p) == '>';
        int chomp = CLIP;
        int increment = 0;
        int i = p + 1;
        for (int k = 0; k < 2 && i < n; k++) {
            char c = s.charAt(i);
            if ((c == '+' || c == '-') && chomp == CLIP) {
                chomp = c == '+' ? KEEP : STRIP;
                i++;
            } else if (c >= '1' && c <= '9' && increment == 0) {
                increment = c - '0';
                i++;
            } else {
                break;
            }
        }
        if (!blankOrEnd(i)) {
            throw Decline.INSTANCE;
        }
        int q = spaces(i);
        if (q < n && s.charAt(q) == '#') {
            q = lineEnd(q);
        } else if (!lineEndsAt(q)) {
            throw Decline.INSTANCE;
        }
        at = q < n ? afterBreak(q) : n;
        column = 0;

        int minIndent = Math.max(parentCol + 1, 1);
        int indent;
        int breaks;
        if (increment > 0) {
            indent = minIndent + increment - 1;
            breaks = emptyLines(indent);
        } else {
            int maxIndent = 0;
            breaks = 0;
            while (at < n) {
                char c = s.charAt(at);
                if (c == ' ') {
                    at++;
                    column++;
                    maxIndent = Math.max(maxIndent, column);
                } else if (c == '\n' || c == '\r') {
                    breaks++;
                    at = afterBreak(at);
                    column = 0;
                } else {
                    break;
                }
            }
            indent = Math.max(minIndent, maxIndent);
        }
        if (column < indent && column != parentCol) {
            throw Decline.INSTANCE; // snakeyaml: leading empty lines more indented than the first line
        }

        StringBuilder b = new StringBuilder();
        boolean lineBreak = false;
        while (column == indent && at < n) {
            newlines(b, breaks);
            char first = s.charAt(at);
            boolean leadingNonSpace = first != ' ' && first != '\t';
            int e = lineEnd(at);
            b.append(s, at, e);
            lineBreak = e < n;
            at = lineBreak ? afterBreak(e) : n;
            column = 0;
            breaks = emptyLines(indent);
            if (column != indent || at >= n) {
                break;
            }
            char next = s.charAt(at);
            if (folded && lineBreak && leadingNonSpace && next != ' ' && next != '\t') {
                if (breaks == 0) {
                    b.append(' ');
                }
            } else if (lineBreak) {
                b.append('\n');
            }
        }
        if (chomp != STRIP && lineBreak) {
            b.append('\n');
        }
        if (chomp == KEEP) {
            newlines(b, breaks);
        }
        // the scan stops inside the indentation of a less indented line (or at the end): go on from its start
        tokStop = at - column;
        return b.toString();
    }

    /**
     * From {@link #at} (at {@link #column}), skips up to indent spaces, then every line that
     * holds nothing more, as snakeyaml does between the lines of a block scalar; returns how many
     * line breaks it passed. Stops at the first character of a line's content (or the end).
     */
    private int emptyLines(int indent) {
        int breaks = 0;
        while (true) {
            while (column < indent && at < n && s.charAt(at) == ' ') {
                at++;
                column++;
            }
            if (at >= n || s.charAt(at) != '\n' && s.charAt(at) != '\r') {
                return breaks;
            }
            breaks++;
            at = afterBreak(at);
            column = 0;
        }
    }

    private static void newlines(StringBuilder b, int count) {
        for (int k = 0; k < count; k++) {
            b.append('\n');
        }
    }
}
