package dev.kelpie.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.core.yaml.YamlException;
import dev.kelpie.core.yaml.YamlLimits;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds Jackson trees from snakeyaml-engine's event stream, iteratively (no recursion, so a
 * deep document cannot overflow the stack), with the limits of {@link YamlLimits}: nesting
 * depth, alias count and the size a document reaches once aliases are expanded (which is what
 * refuses a billion-laughs document). Duplicate keys are refused with both positions. Merge
 * keys ({@code <<}) are honoured as go-yaml does. Not thread-safe; one instance per read.
 */
public final class EventTreeReader {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private final String file;
    private final YamlLimits limits;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private int aliasCount;
    private long expandedNodes;

    private record Anchored(JsonNode node, long size) {
    }

    /** A container being filled: its node, anchor, pending key, and size so far. */
    private static final class Frame {
        final JsonNode node;
        final String anchor;
        final Map<String, Mark> keyMarks;
        String pendingKey;
        boolean pendingMerge;
        Mark pendingKeyMark;
        long size = 1;
        final List<JsonNode> merges = new ArrayList<>();

        Frame(JsonNode node, String anchor) {
            this.node = node;
            this.anchor = anchor;
            this.keyMarks = node.isObject() ? new HashMap<>() : null;
        }
    }

    public EventTreeReader(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** Every non-empty document of the stream, in order. */
    public List<YamlDocument> read(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setCodePointLimit(limits.maxDocumentCodePoints())
                .setAllowDuplicateKeys(false)
                .setUseMarks(true)
                .build();
        if (text.codePointCount(0, text.length()) > limits.maxDocumentCodePoints()) {
            throw new YamlException(Origin.of(file), "stream is larger than the limit of "
                    + limits.maxDocumentCodePoints() + " characters");
        }
        List<YamlDocument> docs = new ArrayList<>();
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        int docIndex = 0;
        try {
            Iterator<Event> events = parser;
            while (events.hasNext()) {
                Event e = events.next();
                if (e.getEventId() == Event.ID.DocumentStart) {
                    anchors.clear();
                    expandedNodes = 0;
                    Event first = ((ParserImpl) events).peekEvent();
                    Mark start = first.getStartMark().orElse(e.getStartMark().orElse(null));
                    JsonNode root = readNode(events);
                    Event end = events.next();
                    if (end.getEventId() != Event.ID.DocumentEnd) {
                        throw error(end.getStartMark(), "expected the end of the document");
                    }
                    if (root != null && !root.isNull()) {
                        docs.add(new YamlDocument(root, originOf(start, docIndex)));
                    }
                    docIndex++;
                }
            }
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            throw new YamlException(originOf(m, docIndex), "invalid YAML: " + firstLine(problem), e);
        } catch (YamlEngineException e) {
            throw new YamlException(Origin.of(file).withDocument(docIndex), "invalid YAML: " + firstLine(e.getMessage()), e);
        }
        return docs;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private Origin originOf(Mark m, int doc) {
        return m == null ? Origin.of(file).withDocument(doc)
                : new Origin(file, doc, m.getLine() + 1, m.getColumn() + 1);
    }

    private YamlException error(Optional<Mark> m, String problem) {
        return new YamlException(originOf(m.orElse(null), 0), problem);
    }

    /** Reads one node (scalar, alias or whole collection) from the events. */
    private JsonNode readNode(Iterator<Event> events) {
        Deque<Frame> stack = new ArrayDeque<>();
        while (true) {
            Event e = events.next();
            JsonNode completed;
            long completedSize;
            Mark mark = e.getStartMark().orElse(null);
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (stack.size() >= limits.maxDepth()) {
                        throw error(e.getStartMark(), "nesting deeper than the limit of " + limits.maxDepth());
                    }
                    CollectionStartEvent cs = (CollectionStartEvent) e;
                    JsonNode node = e.getEventId() == Event.ID.MappingStart ? F.objectNode() : F.arrayNode();
                    Frame parent = stack.peek();
                    if (parent != null && parent.node.isObject() && parent.pendingKey == null && !parent.pendingMerge) {
                        throw error(e.getStartMark(), "a mapping or sequence cannot be a mapping key");
                    }
                    stack.push(new Frame(node, cs.getAnchor().map(Anchor::getValue).orElse(null)));
                    countNodes(1, e);
                    continue;
                }
                case MappingEnd, SequenceEnd -> {
                    Frame done = stack.pop();
                    if (done.node.isObject()) {
                        applyMerges(done);
                    }
                    if (done.anchor != null) {
                        anchors.put(done.anchor, new Anchored(done.node, done.size));
                    }
                    completed = done.node;
                    completedSize = done.size;
                }
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) e;
                    Frame parent = stack.peek();
                    if (parent != null && parent.node.isObject() && parent.pendingKey == null && !parent.pendingMerge) {
                        String key = s.getValue();
                        if (s.isPlain() && s.getTag().isEmpty() && key.equals("<<")) {
                            parent.pendingMerge = true;
                            continue;
                        }
                        Mark prior = parent.keyMarks.get(key);
                        if (prior != null) {
                            throw new YamlException(originOf(mark, 0), "duplicate key \"" + key + "\" (first at line "
                                    + (prior.getLine() + 1) + ", column " + (prior.getColumn() + 1) + ")");
                        }
                        parent.pendingKey = key;
                        parent.pendingKeyMark = mark;
                        parent.keyMarks.put(key, mark);
                        continue;
                    }
                    completed = scalar(s);
                    completedSize = 1;
                    countNodes(1, e);
                    String anchor = s.getAnchor().map(Anchor::getValue).orElse(null);
                    if (anchor != null) {
                        anchors.put(anchor, new Anchored(completed, 1));
                    }
                }
                case Alias -> {
                    AliasEvent a = (AliasEvent) e;
                    if (++aliasCount > limits.maxAliases()) {
                        throw error(e.getStartMark(), "more than " + limits.maxAliases() + " aliases in one stream");
                    }
                    String name = a.getAlias().getValue();
                    Anchored target = anchors.get(name);
                    if (target == null) {
                        throw error(e.getStartMark(), "unknown alias *" + name);
                    }
                    countNodes(target.size, e);
                    Frame parent = stack.peek();
                    if (parent != null && parent.node.isObject() && parent.pendingKey == null && !parent.pendingMerge) {
                        if (!target.node.isValueNode()) {
                            throw error(e.getStartMark(), "a mapping or sequence cannot be a mapping key");
                        }
                        String key = target.node.asText();
                        if (parent.keyMarks.containsKey(key)) {
                            throw error(e.getStartMark(), "duplicate key \"" + key + "\"");
                        }
                        parent.pendingKey = key;
                        parent.keyMarks.put(key, mark);
                        continue;
                    }
                    completed = target.node.deepCopy();
                    completedSize = target.size;
                }
                default -> throw error(e.getStartMark(), "unexpected " + e.getEventId());
            }
            Frame parent = stack.peek();
            if (parent == null) {
                return completed;
            }
            parent.size += completedSize;
            if (parent.node.isArray()) {
                ((ArrayNode) parent.node).add(completed);
            } else if (parent.pendingMerge) {
                parent.merges.add(completed);
                parent.pendingMerge = false;
            } else {
                ((ObjectNode) parent.node).set(parent.pendingKey, completed);
                parent.pendingKey = null;
            }
        }
    }

    /** go-yaml merge keys: keys of the merged mappings fill in what the mapping lacks. */
    private void applyMerges(Frame frame) {
        ObjectNode target = (ObjectNode) frame.node;
        for (JsonNode merge : frame.merges) {
            List<JsonNode> sources = new ArrayList<>();
            if (merge.isArray()) {
                merge.forEach(sources::add);
            } else {
                sources.add(merge);
            }
            for (JsonNode src : sources) {
                if (!src.isObject()) {
                    throw new YamlException(Origin.of(file), "map merge (<<) requires a mapping or a sequence of mappings");
                }
                src.fields().forEachRemaining(f -> {
                    if (!target.has(f.getKey())) {
                        target.set(f.getKey(), f.getValue().deepCopy());
                    }
                });
            }
        }
    }

    private void countNodes(long n, Event e) {
        expandedNodes += n;
        if (expandedNodes > limits.maxExpandedNodes()) {
            throw error(e.getStartMark(), "document expands to more than " + limits.maxExpandedNodes()
                    + " nodes through aliases (refused as an alias bomb)");
        }
    }

    private JsonNode scalar(ScalarEvent s) {
        String value = s.getValue();
        Optional<String> tag = s.getTag();
        if (tag.isPresent() && !tag.get().equals("!")) {
            String t = tag.get();
            return switch (t) {
                case "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp" -> F.textNode(value);
                case "tag:yaml.org,2002:null" -> F.nullNode();
                case "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float" -> typed(t, value, s);
                default -> s.isPlain() ? ScalarResolver.resolvePlain(value) : F.textNode(value);
            };
        }
        if (tag.isPresent() || !s.isPlain()) {
            return F.textNode(value);
        }
        return ScalarResolver.resolvePlain(value);
    }

    private JsonNode typed(String tag, String value, ScalarEvent s) {
        JsonNode n = ScalarResolver.resolvePlain(value.isEmpty() ? "?" : value);
        boolean ok = switch (tag) {
            case "tag:yaml.org,2002:bool" -> n.isBoolean();
            case "tag:yaml.org,2002:int" -> n.isIntegralNumber();
            default -> n.isNumber();
        };
        if (!ok) {
            throw error(s.getStartMark(), "cannot read \"" + value + "\" as " + tag.substring(tag.lastIndexOf(':') + 1));
        }
        if (tag.endsWith("float") && n.isIntegralNumber()) {
            return F.numberNode(new BigDecimal(n.bigIntegerValue()));
        }
        return n;
    }
}
