package dev.kelpie.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.core.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-pass reader for the block subset of YAML that Kubernetes manifests and kustomization
 * files are written in. In a short-lived JVM the event reader spends most of its time being
 * interpreted (scanner, tokens, events, marks); this reader runs far less code before it has
 * built the trees, so a cold {@code kustomize build} parses faster.
 *
 * <p>It handles block mappings and sequences (compact {@code - key: v} entries, sequences flush
 * with their key), one-line plain and quoted scalars, literal and folded block scalars, comments,
 * {@code ---} and {@code ...}, {@code []}, {@code {}} and one-line flow sequences of simple
 * scalars. Everything else (anchors, aliases, tags, merge keys, complex keys, multi-line plain
 * or quoted scalars, tabs where structure is, directives, duplicate keys, any syntax error,
 * documents near the {@link YamlLimits}) makes it <em>decline</em>: {@link #read} returns null
 * and the caller reads the stream with {@link EventTreeReader}, so errors and edge cases keep
 * that reader's exact behaviour. Whatever it accepts reads exactly as {@link EventTreeReader}
 * reads it: same documents, trees, node types, key order and origins.
 *
 * <p>Not thread-safe; one instance per read (the static {@link #read} makes one).
 */
public final class FastBlockReader {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    /** Bounds the recursion whatever the configured limit; deeper documents go to the event reader. */
    private static final int MAX_NESTING = 64;
    /** snakeyaml refuses simple keys longer than 1024 code points; stay clearly below. */
    private static final int MAX_KEY_CHARS = 1000;
    /** snakeyaml-engine's StreamReader reads the text in chunks of its default buffer size + 1. */
    private static final int SNAKEYAML_CHUNK = 1025;

    private static final int EOF = 0;
    private static final int CONTENT = 1;
    private static final int DOC_START = 2;
    private static final int DOC_END = 3;

    private static final int CLIP = 0;
    private static final int STRIP = 1;
    private static final int KEEP = 2;

    /** Gives up on the stream. One shared instance without a stack trace: declining is cheap. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private final String file;
    private final String s;
    private final int n;
    private final int maxDepth;
    private final long maxNodes;

    /** Where scanning resumes: the start of a line once a line is finished. */
    private int pos;
    /** The next line with content: its kind, first non-space character, column and line start. */
    private int kind;
    private int cur;
    private int curCol;
    private int lineStart;
    /** Nodes of the current document, counted as the event reader counts them. */
    private long nodes;
    /** Results of the last plain scan: end of the trimmed text, the ':' indicator (or -1), where it stopped. */
    private int tokEnd;
    private int tokColon;
    private int tokStop;
    /** Line numbers are counted lazily, once per document. */
    private int countedPos;
    private int countedLines;

    private FastBlockReader(String file, String text, YamlLimits limits) {
        this.file = file;
        this.s = text;
        this.n = text.length();
        this.maxDepth = Math.min(MAX_NESTING, limits.maxDepth() - 1);
        this.maxNodes = limits.maxExpandedNodes() - 1;
    }

    /**
     * Every non-empty document of the stream, or null when the stream is outside the subset
     * this reader is sure of (the caller then uses {@link EventTreeReader}).
     */
    public static List<YamlDocument> read(String file, String text, YamlLimits limits) {
        if (text.length() > limits.maxDocumentCodePoints() || !plainCharacters(text)) {
            return null;
        }
        try {
            return new FastBlockReader(file, text, limits).documents();
        } catch (Decline d) {
            return null;
        }
    }

    /**
     * Only characters whose handling is certain: no control characters but tab and line feed,
     * CR only before LF, nothing snakeyaml treats specially (NEL, BOM, non-characters) or refuses
     * (C1 controls, lone surrogates), and no Unicode line or paragraph separators. A surrogate
     * pair split by snakeyaml-engine's read chunks is left to it too: 2.10 fails there with an
     * IndexOutOfBoundsException, and the codec must fail the same way whichever reader runs.
     */
    private static boolean plainCharacters(String s) {
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

    private List<YamlDocument> documents() {
        List<YamlDocument> docs = new ArrayList<>();
        int docIndex = 0;
        pos = 0;
        nextLine();
        while (kind != EOF) {
            if (kind == DOC_END) {
                throw Decline.INSTANCE; // "..." with no document open
            }
            if (kind == DOC_START) {
                finishLine(cur + 3); // content on the "---" line is left to the event reader
            }
            nodes = 0;
            JsonNode root = null;
            Origin origin = null;
            if (kind == CONTENT) {
                origin = new Origin(file, docIndex, lineNumber(cur) + 1, curCol + 1);
                root = rootNode();
                if (kind == CONTENT) {
                    throw Decline.INSTANCE; // less indented than the root: an error
                }
            }
            if (kind == DOC_END) {
                finishLine(cur + 3);
                if (kind == DOC_END || kind == CONTENT) {
                    throw Decline.INSTANCE;
                }
            }
            if (root != null && !root.isNull()) {
                docs.add(new YamlDocument(root, origin));
            }
            docIndex++;
        }
        return docs;
    }

    /** The root of a document: a block mapping or sequence (scalar and flow roots decline). */
    private JsonNode rootNode() {
        int p = cur;
        if (isEntry(p)) {
            return sequence(curCol, p, false, 0);
        }
        int colon = keyColon(p);
        if (colon < 0) {
            throw Decline.INSTANCE;
        }
        return mapping(curCol, p, colon, 0);
    }

    // ---- lines

    /**
     * Moves from {@link #pos} (a line start) to the next line with content, skipping blank and
     * comment lines, and classifies it.
     */
    private void nextLine() {
        int p = pos;
        while (true) {
            int q = p;
            while (q < n && s.charAt(q) == ' ') {
                q++;
            }
            if (q >= n) {
                kind = EOF;
                cur = n;
                curCol = -1;
                pos = n;
                return;
            }
            char c = s.charAt(q);
            if (c == '\n' || c == '\r') {
                p = afterBreak(q);
            } else if (c == '#') {
                int e = lineEnd(q);
                p = e < n ? afterBreak(e) : n;
            } else if (c == '\t') {
                throw Decline.INSTANCE;
            } else {
                cur = q;
                curCol = q - p;
                lineStart = p;
                pos = q;
                kind = curCol == 0 && (c == '-' || c == '.') && q + 3 <= n && s.charAt(q + 1) == c
                        && s.charAt(q + 2) == c && blankOrEnd(q + 3) ? (c == '-' ? DOC_START : DOC_END) : CONTENT;
                return;
            }
        }
    }

    /** Ends the current line at p: only spaces and a comment may follow. Then finds the next line. */
    private void finishLine(int p) {
        p = spaces(p);
        if (p < n && s.charAt(p) == '#') {
            if (s.charAt(p - 1) != ' ') {
                throw Decline.INSTANCE; // snakeyaml reads '#' glued to a token its own way
            }
            p = lineEnd(p);
        } else if (!lineEndsAt(p)) {
            throw Decline.INSTANCE;
        }
        pos = p < n ? afterBreak(p) : n;
        nextLine();
    }

    /** A scalar ends its line; a deeper next line would continue it (or be an error). */
    private void noContinuation(int parentCol) {
        if (kind == CONTENT && curCol > parentCol) {
            throw Decline.INSTANCE;
        }
    }

    private int lineEnd(int p) {
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
    private int afterBreak(int p) {
        return s.charAt(p) == '\r' ? p + 2 : p + 1;
    }

    private boolean lineEndsAt(int p) {
        return p >= n || s.charAt(p) == '\n' || s.charAt(p) == '\r';
    }

    /** Space, line break or end; a tab there is left to the event reader. */
    private boolean blankOrEnd(int p) {
        if (p >= n) {
            return true;
        }
        char c = s.charAt(p);
        if (c == '\t') {
            throw Decline.INSTANCE;
        }
        return c == ' ' || c == '\n' || c == '\r';
    }

    private int spaces(int p) {
        while (p < n && s.charAt(p) == ' ') {
            p++;
        }
        if (p < n && s.charAt(p) == '\t') {
            throw Decline.INSTANCE;
        }
        return p;
    }

    private boolean isEntry(int p) {
        return s.charAt(p) == '-' && blankOrEnd(p + 1);
    }

    private int lineNumber(int p) {
        for (int i = countedPos; i < p; i++) {
            if (s.charAt(i) == '\n') {
                countedLines++;
            }
        }
        countedPos = p;
        return countedLines;
    }

    private void enter(int depth) {
        if (depth >= maxDepth) {
            throw Decline.INSTANCE;
        }
        count();
    }

    private void count() {
        if (++nodes >= maxNodes) {
            throw Decline.INSTANCE;
        }
    }

    // ---- collections

    /** A block mapping whose first key starts at p (column col) with its ':' at colon. */
    private ObjectNode mapping(int col, int p, int colon, int depth) {
        enter(depth);
        ObjectNode map = F.objectNode();
        while (true) {
            String key;
            char c = s.charAt(p);
            if (c == '"' || c == '\'') {
                key = quoted(p);
            } else {
                key = s.substring(p, tokEnd);
                if (key.equals("<<")) {
                    throw Decline.INSTANCE; // merge key
                }
            }
            JsonNode value = mappingValue(colon + 1, col, depth);
            if (map.replace(key, value) != null) {
                throw Decline.INSTANCE; // duplicate key: the event reader names both positions
            }
            if (kind != CONTENT || curCol < col) {
                return map;
            }
            if (curCol > col || isEntry(cur)) {
                throw Decline.INSTANCE;
            }
            p = cur;
            colon = keyColon(p);
            if (colon < 0) {
                throw Decline.INSTANCE;
            }
        }
    }

    /** The value after a mapping key's ':' at p-1, in a mapping at column col. */
    private JsonNode mappingValue(int p, int col, int depth) {
        p = spaces(p);
        if (lineEndsAt(p) || s.charAt(p) == '#') {
            finishLine(p);
            if (kind == CONTENT) {
                if (curCol > col) {
                    return nodeOnOwnLine(col, depth + 1);
                }
                if (curCol == col && isEntry(cur)) {
                    return sequence(col, cur, true, depth + 1); // sequence flush with its key
                }
            }
            count();
            return F.nullNode();
        }
        char c = s.charAt(p);
        if (c == '-' && blankOrEnd(p + 1)) {
            throw Decline.INSTANCE;
        }
        return inlineValue(p, col, depth + 1);
    }

    /** A block sequence whose first '-' is at p (column col). */
    private ArrayNode sequence(int col, int p, boolean flush, int depth) {
        enter(depth);
        ArrayNode seq = F.arrayNode();
        while (true) {
            seq.add(entry(p + 1, col, depth + 1));
            if (kind != CONTENT || curCol < col) {
                return seq;
            }
            if (curCol > col) {
                throw Decline.INSTANCE;
            }
            if (!isEntry(cur)) {
                if (flush) {
                    return seq; // the parent mapping goes on with its next key
                }
                throw Decline.INSTANCE;
            }
            p = cur;
        }
    }

    /** The content of a sequence entry after its '-' (at p-1) in a sequence at column col. */
    private JsonNode entry(int p, int col, int depth) {
        p = spaces(p);
        if (lineEndsAt(p) || s.charAt(p) == '#') {
            finishLine(p);
            if (kind == CONTENT && curCol > col) {
                return nodeOnOwnLine(col, depth);
            }
            count();
            return F.nullNode();
        }
        int at = p - lineStart;
        if (isEntry(p)) {
            return sequence(at, p, false, depth); // "- - x"
        }
        int colon = keyColon(p);
        if (colon >= 0) {
            return mapping(at, p, colon, depth); // "- key: value"
        }
        return inlineValue(p, col, depth);
    }

    /** A node that starts a line of its own, deeper than its parent at parentCol. */
    private JsonNode nodeOnOwnLine(int parentCol, int depth) {
        int p = cur;
        if (isEntry(p)) {
            return sequence(curCol, p, false, depth);
        }
        int colon = keyColon(p);
        if (colon >= 0) {
            return mapping(curCol, p, colon, depth);
        }
        char c = s.charAt(p);
        if (c == '|' || c == '>') {
            throw Decline.INSTANCE;
        }
        return inlineValue(p, parentCol, depth);
    }

    /**
     * A value that starts at p on a line whose structure is already read: a scalar, a block
     * scalar or a flow collection. parentCol is the column of the enclosing block collection.
     */
    private JsonNode inlineValue(int p, int parentCol, int depth) {
        char c = s.charAt(p);
        JsonNode value;
        int end;
        switch (c) {
            case '|', '>' -> {
                count();
                return blockScalar(p, parentCol);
            }
            case '"', '\'' -> {
                count();
                value = F.textNode(quoted(p));
                end = tokStop;
            }
            case '[' -> {
                value = flowSequence(p, depth);
                end = tokStop;
            }
            case '{' -> {
                enter(depth);
                int q = spaces(p + 1);
                if (q >= n || s.charAt(q) != '}') {
                    throw Decline.INSTANCE;
                }
                value = F.objectNode();
                end = q + 1;
            }
            default -> {
                if (!plainStart(p)) {
                    throw Decline.INSTANCE;
                }
                scanPlain(p);
                if (tokColon >= 0) {
                    throw Decline.INSTANCE; // "a: b: c"
                }
                count();
                value = ScalarResolver.resolvePlain(s.substring(p, tokEnd));
                end = tokStop;
            }
        }
        finishLine(end);
        noContinuation(parentCol);
        return value;
    }

    /** A one-line flow sequence of quoted or simple plain scalars; anything richer declines. */
    private ArrayNode flowSequence(int p, int depth) {
        enter(depth);
        ArrayNode seq = F.arrayNode();
        int q = spaces(p + 1);
        if (q < n && s.charAt(q) == ']') {
            tokStop = q + 1;
            return seq;
        }
        while (true) {
            if (q >= n) {
                throw Decline.INSTANCE;
            }
            char c = s.charAt(q);
            count();
            if (c == '"' || c == '\'') {
                seq.add(F.textNode(quoted(q)));
                q = tokStop;
            } else {
                int start = q;
                int last = flowPlain(q);
                seq.add(ScalarResolver.resolvePlain(s.substring(start, last)));
                q = tokStop;
            }
            q = spaces(q);
            if (q >= n) {
                throw Decline.INSTANCE;
            }
            c = s.charAt(q);
            if (c == ']') {
                tokStop = q + 1;
                return seq;
            }
            if (c != ',') {
                throw Decline.INSTANCE;
            }
            q = spaces(q + 1);
            if (q < n && s.charAt(q) == ']') {
                throw Decline.INSTANCE; // trailing comma
            }
        }
    }

    /**
     * A plain scalar inside a flow sequence, kept to characters with no flow meaning; returns the
     * end of its trimmed text and leaves the stop position in {@link #tokStop}.
     */
    private int flowPlain(int p) {
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

    // ---- scalars

    /**
     * The column of a key's ':' when a simple key starts at p, else -1. For a plain key
     * {@link #tokEnd} is left at the end of its text.
     */
    private int keyColon(int p) {
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
    private boolean plainStart(int p) {
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
    private void scanPlain(int p) {
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
    private int quotedEnd(int p) {
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
    private String quoted(int p) {
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
     * included; its error cases decline.
     */
    private JsonNode blockScalar(int p, int parentCol) {
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
        q = q < n ? afterBreak(q) : n;

        int minIndent = Math.max(parentCol + 1, 1);
        int indent;
        int column = 0;
        int breaks = 0;
        if (increment > 0) {
            indent = minIndent + increment - 1;
            while (column < indent && q < n && s.charAt(q) == ' ') {
                q++;
                column++;
            }
            while (q < n && (s.charAt(q) == '\n' || s.charAt(q) == '\r')) {
                breaks++;
                q = afterBreak(q);
                column = 0;
                while (column < indent && q < n && s.charAt(q) == ' ') {
                    q++;
                    column++;
                }
            }
        } else {
            int maxIndent = 0;
            while (q < n) {
                char c = s.charAt(q);
                if (c == ' ') {
                    q++;
                    column++;
                    maxIndent = Math.max(maxIndent, column);
                } else if (c == '\n' || c == '\r') {
                    breaks++;
                    q = afterBreak(q);
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
        while (column == indent && q < n) {
            newlines(b, breaks);
            char first = s.charAt(q);
            boolean leadingNonSpace = first != ' ' && first != '\t';
            int e = lineEnd(q);
            b.append(s, q, e);
            lineBreak = e < n;
            q = lineBreak ? afterBreak(e) : n;
            breaks = 0;
            column = 0;
            while (column < indent && q < n && s.charAt(q) == ' ') {
                q++;
                column++;
            }
            while (q < n && (s.charAt(q) == '\n' || s.charAt(q) == '\r')) {
                breaks++;
                q = afterBreak(q);
                column = 0;
                while (column < indent && q < n && s.charAt(q) == ' ') {
                    q++;
                    column++;
                }
            }
            if (column != indent || q >= n) {
                break;
            }
            char next = s.charAt(q);
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
        // q stops inside the indentation of a less indented line (or at the end): go on from its start
        pos = q - column;
        nextLine();
        noContinuation(parentCol);
        return F.textNode(b.toString());
    }

    private static void newlines(StringBuilder b, int count) {
        for (int k = 0; k < count; k++) {
            b.append('\n');
        }
    }
}
