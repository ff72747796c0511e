package dev.kelpie.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.core.yaml.YamlLimits;
import dev.kelpie.core.yaml.internal.FastScanner.Decline;
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
 * <p>This class reads the structure (documents, lines, indentation, collections);
 * {@link FastScanner} reads the characters of one line or one block scalar. Not thread-safe; one
 * instance per read (the static {@link #read} makes one).
 */
public final class FastBlockReader {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    /** Bounds the recursion whatever the configured limit; deeper documents go to the event reader. */
    private static final int MAX_NESTING = 64;

    private static final int EOF = 0;
    private static final int CONTENT = 1;
    private static final int DOC_START = 2;
    private static final int DOC_END = 3;

    private final String file;
    private final String s;
    private final int n;
    private final int maxDepth;
    private final long maxNodes;
    private final FastScanner in;

    /** Where scanning resumes: the start of a line once a line is finished. */
    private int pos;
    /** The next line with content: its kind, first non-space character, column and line start. */
    private int kind;
    private int cur;
    private int curCol;
    private int lineStart;
    /** Nodes of the current document, counted as the event reader counts them. */
    private long nodes;
    /** Line numbers are counted lazily, once per document. */
    private int countedPos;
    private int countedLines;

    private FastBlockReader(String file, String text, YamlLimits limits) {
        this.file = file;
        this.s = text;
        this.n = text.length();
        this.maxDepth = Math.min(MAX_NESTING, limits.maxDepth() - 1);
        this.maxNodes = limits.maxExpandedNodes() - 1;
        this.in = new FastScanner(text);
    }

    /**
     * Every non-empty document of the stream, or null when the stream is outside the subset
     * this reader is sure of (the caller then uses {@link EventTreeReader}).
     */
    public static List<YamlDocument> read(String file, String text, YamlLimits limits) {
        if (text.length() > limits.maxDocumentCodePoints() || !FastScanner.plainCharacters(text)) {
            return null;
        }
        try {
            return new FastBlockReader(file, text, limits).documents();
        } catch (Decline d) {
            return null;
        }
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
        if (in.isEntry(p)) {
            return sequence(curCol, p, false, 0);
        }
        int colon = in.keyColon(p);
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
                p = in.afterBreak(q);
            } else if (c == '#') {
                int e = in.lineEnd(q);
                p = e < n ? in.afterBreak(e) : n;
            } else if (c == '\t') {
                throw Decline.INSTANCE;
            } else {
                cur = q;
                curCol = q - p;
                lineStart = p;
                pos = q;
                kind = curCol == 0 && (c == '-' || c == '.') && q + 3 <= n && s.charAt(q + 1) == c
                        && s.charAt(q + 2) == c && in.blankOrEnd(q + 3) ? (c == '-' ? DOC_START : DOC_END) : CONTENT;
                return;
            }
        }
    }

    /** Ends the current line at p: only spaces and a comment may follow. Then finds the next line. */
    private void finishLine(int p) {
        p = in.spaces(p);
        if (p < n && s.charAt(p) == '#') {
            if (s.charAt(p - 1) != ' ') {
                throw Decline.INSTANCE; // snakeyaml reads '#' glued to a token its own way
            }
            p = in.lineEnd(p);
        } else if (!in.lineEndsAt(p)) {
            throw Decline.INSTANCE;
        }
        pos = p < n ? in.afterBreak(p) : n;
        nextLine();
    }

    /** A scalar ends its line; a deeper next line would continue it (or be an error). */
    private void noContinuation(int parentCol) {
        if (kind == CONTENT && curCol > parentCol) {
            throw Decline.INSTANCE;
        }
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
                key = in.quoted(p);
            } else {
                key = s.substring(p, in.tokEnd);
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
            if (curCol > col || in.isEntry(cur)) {
                throw Decline.INSTANCE;
            }
            p = cur;
            colon = in.keyColon(p);
            if (colon < 0) {
                throw Decline.INSTANCE;
            }
        }
    }

    /** The value after a mapping key's ':' at p-1, in a mapping at column col. */
    private JsonNode mappingValue(int p, int col, int depth) {
        p = in.spaces(p);
        if (in.lineEndsAt(p) || s.charAt(p) == '#') {
            finishLine(p);
            if (kind == CONTENT) {
                if (curCol > col) {
                    return nodeOnOwnLine(col, depth + 1);
                }
                if (curCol == col && in.isEntry(cur)) {
                    return sequence(col, cur, true, depth + 1); // sequence flush with its key
                }
            }
            count();
            return F.nullNode();
        }
        char c = s.charAt(p);
        if (c == '-' && in.blankOrEnd(p + 1)) {
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
            if (!in.isEntry(cur)) {
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
        p = in.spaces(p);
        if (in.lineEndsAt(p) || s.charAt(p) == '#') {
            finishLine(p);
            if (kind == CONTENT && curCol > col) {
                return nodeOnOwnLine(col, depth);
            }
            count();
            return F.nullNode();
        }
        int at = p - lineStart;
        if (in.isEntry(p)) {
            return sequence(at, p, false, depth); // "- - x"
        }
        int colon = in.keyColon(p);
        if (colon >= 0) {
            return mapping(at, p, colon, depth); // "- key: value"
        }
        return inlineValue(p, col, depth);
    }

    /** A node that starts a line of its own, deeper than its parent at parentCol. */
    private JsonNode nodeOnOwnLine(int parentCol, int depth) {
        int p = cur;
        if (in.isEntry(p)) {
            return sequence(curCol, p, false, depth);
        }
        int colon = in.keyColon(p);
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
                value = F.textNode(in.blockScalar(p, parentCol));
                pos = in.tokStop;
                nextLine();
                noContinuation(parentCol);
                return value;
            }
            case '"', '\'' -> {
                count();
                value = F.textNode(in.quoted(p));
                end = in.tokStop;
            }
            case '[' -> {
                value = flowSequence(p, depth);
                end = in.tokStop;
            }
            case '{' -> {
                enter(depth);
                int q = in.spaces(p + 1);
                if (q >= n || s.charAt(q) != '}') {
                    throw Decline.INSTANCE;
                }
                value = F.objectNode();
                end = q + 1;
            }
            default -> {
                if (!in.plainStart(p)) {
                    throw Decline.INSTANCE;
                }
                in.scanPlain(p);
                if (in.tokColon >= 0) {
                    throw Decline.INSTANCE; // "a: b: c"
                }
                count();
                value = ScalarResolver.resolvePlain(s.substring(p, in.tokEnd));
                end = in.tokStop;
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
        int q = in.spaces(p + 1);
        if (q < n && s.charAt(q) == ']') {
            in.tokStop = q + 1;
            return seq;
        }
        while (true) {
            if (q >= n) {
                throw Decline.INSTANCE;
            }
            char c = s.charAt(q);
            count();
            if (c == '"' || c == '\'') {
                seq.add(F.textNode(in.quoted(q)));
                q = in.tokStop;
            } else {
                int start = q;
                int last = in.flowPlain(q);
                seq.add(ScalarResolver.resolvePlain(s.substring(start, last)));
                q = in.tokStop;
            }
            q = in.spaces(q);
            if (q >= n) {
                throw Decline.INSTANCE;
            }
            c = s.charAt(q);
            if (c == ']') {
                in.tokStop = q + 1;
                return seq;
            }
            if (c != ',') {
                throw Decline.INSTANCE;
            }
            q = in.spaces(q + 1);
            if (q < n && s.charAt(q) == ']') {
                throw Decline.INSTANCE; // trailing comma
            }
        }
    }
}
