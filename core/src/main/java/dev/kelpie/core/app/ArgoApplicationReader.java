package dev.kelpie.core.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Argo CD {@code argoproj.io/v1alpha1} {@code Application} manifests (the ones teams
 * already keep in Git) into {@link Application}s. Every field Kelpie does not support (Helm,
 * plugins, multiple sources, managed namespace metadata, …) is reported by path in
 * {@link Result#unsupported()} instead of being dropped silently. Stateless and thread-safe.
 *
 * <pre>{@code
 * var result = ArgoApplicationReader.read(YamlCodec.defaults().readResources("app.yaml", text).get(0));
 * result.unsupported().forEach(log::warn);
 * Application app = result.application();
 * }</pre>
 */
public final class ArgoApplicationReader {
    private static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";
    /** The fields Kelpie understands, by object path; everything else is reported. */
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "", Set.of("apiVersion", "kind", "metadata", "spec", "status", "operation"),
            "spec", Set.of("project", "source", "destination", "syncPolicy", "ignoreDifferences"),
            "spec.source", Set.of("repoURL", "targetRevision", "path", "directory"),
            "spec.source.directory", Set.of("recurse", "include", "exclude"),
            "spec.destination", Set.of("namespace", "name", "server"),
            "spec.syncPolicy", Set.of("automated", "syncOptions", "retry"),
            "spec.syncPolicy.automated", Set.of("prune", "selfHeal", "allowEmpty", "enabled"),
            "spec.syncPolicy.retry", Set.of("limit", "backoff"),
            "spec.syncPolicy.retry.backoff", Set.of("duration", "factor", "maxDuration"));
    private static final Set<String> IGNORE_RULE_FIELDS = Set.of("group", "kind", "name", "namespace", "jsonPointers",
            "jqPathExpressions", "managedFieldsManagers");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    /** An application and the fields of its manifest Kelpie does not support. Immutable. */
    public record Result(Application application, List<String> unsupported) {
        public Result {
            Objects.requireNonNull(application, "application");
            unsupported = List.copyOf(unsupported);
        }
    }

    private ArgoApplicationReader() {
    }

    /**
     * Reads one Application manifest.
     *
     * @throws InvalidResourceException when it is not an Argo CD Application or a supported field is malformed
     */
    public static Result read(Resource manifest) {
        Objects.requireNonNull(manifest, "manifest");
        if (!manifest.kind().equals("Application") || !manifest.id().group().equals("argoproj.io")) {
            throw new InvalidResourceException(manifest.origin(), "kind",
                    "expected an argoproj.io Application, got " + manifest.id());
        }
        JsonNode tree = manifest.unsafeTree();
        List<String> unsupported = new ArrayList<>();
        report(tree, "", unsupported);
        JsonNode spec = tree.path("spec");
        String project = spec.path("project").asText("default");
        if (!project.equals("default")) {
            unsupported.add("spec.project: projects are not supported (\"" + project + "\" ignored)");
        }
        try {
            Application.Builder b = Application.builder()
                    .name(manifest.name())
                    .source(source(spec.path("source")))
                    .destination(destination(spec.path("destination")));
            readSyncPolicy(spec.path("syncPolicy"), b, unsupported);
            int i = 0;
            for (JsonNode rule : spec.path("ignoreDifferences")) {
                b.ignore(ignoreRule(rule, "spec.ignoreDifferences[" + i++ + "]", unsupported));
            }
            return new Result(b.build(), unsupported);
        } catch (IllegalArgumentException e) {
            throw new InvalidResourceException(manifest.origin(), "spec", manifest.id() + ": " + e.getMessage());
        }
    }

    private static void report(JsonNode node, String path, List<String> out) {
        Set<String> known = KNOWN.get(path);
        if (known == null || !node.isObject()) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            String p = path.isEmpty() ? f : path + "." + f;
            if (!known.contains(f)) {
                out.add(p + ": not supported (ignored)");
            } else {
                report(node.get(f), p, out);
            }
        }
    }

    private static ApplicationSource source(JsonNode s) {
        String repo = s.path("repoURL").asText("");
        if (repo.isEmpty()) {
            throw new IllegalArgumentException("source.repoURL: required");
        }
        JsonNode dir = s.path("directory");
        return new ApplicationSource(repo, s.path("targetRevision").asText("HEAD").isEmpty() ? "HEAD"
                : s.path("targetRevision").asText("HEAD"), s.path("path").asText("."),
                dir.path("recurse").asBoolean(false), globs(dir.path("include")), globs(dir.path("exclude")));
    }

    private static List<String> globs(JsonNode n) {
        String v = n.asText("");
        return v.isEmpty() ? List.of() : List.of(v);
    }

    private static Destination destination(JsonNode d) {
        String name = d.path("name").asText("");
        String server = d.path("server").asText("");
        String cluster = !name.isEmpty() ? name
                : server.isEmpty() || server.equals(IN_CLUSTER_SERVER) ? Destination.IN_CLUSTER : server;
        return new Destination(d.path("namespace").asText(""), cluster);
    }

    private static void readSyncPolicy(JsonNode sp, Application.Builder b, List<String> unsupported) {
        JsonNode auto = sp.path("automated");
        if (auto.isObject() && auto.path("enabled").asBoolean(true)) {
            b.syncPolicy(SyncPolicy.automated().prune(auto.path("prune").asBoolean(false))
                    .selfHeal(auto.path("selfHeal").asBoolean(false))
                    .allowEmpty(auto.path("allowEmpty").asBoolean(false)));
        }
        List<String> options = new ArrayList<>();
        sp.path("syncOptions").forEach(o -> options.add(o.asText()));
        List<String> unknown = new ArrayList<>();
        b.syncOptions(SyncOptions.parse(options, unknown));
        unknown.forEach(o -> unsupported.add("spec.syncPolicy.syncOptions: " + o + ": not supported (ignored)"));
        JsonNode retry = sp.path("retry");
        if (retry.isObject()) {
            RetryPolicy d = RetryPolicy.of(retry.path("limit").asInt(0));
            JsonNode bo = retry.path("backoff");
            b.retry(new RetryPolicy(d.limit(),
                    bo.has("duration") ? duration(bo.path("duration").asText(), "retry.backoff.duration") : d.backoff(),
                    bo.has("factor") ? bo.path("factor").asDouble() : d.factor(),
                    bo.has("maxDuration") ? duration(bo.path("maxDuration").asText(), "retry.backoff.maxDuration")
                            : d.maxBackoff()));
        }
    }

    private static IgnoreRule ignoreRule(JsonNode r, String path, List<String> unsupported) {
        r.fieldNames().forEachRemaining(f -> {
            if (!IGNORE_RULE_FIELDS.contains(f)) {
                unsupported.add(path + "." + f + ": not supported (ignored)");
            }
        });
        return new IgnoreRule(r.path("group").asText(""), r.path("kind").asText(""), r.path("name").asText(""),
                r.path("namespace").asText(""), strings(r.path("jsonPointers")), strings(r.path("jqPathExpressions")),
                strings(r.path("managedFieldsManagers")));
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A Go duration ({@code 5s}, {@code 1m30s}, {@code 2h}); a bare number is seconds, as Argo CD reads it. */
    static Duration duration(String text, String field) {
        String t = text.trim();
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        Matcher m = DURATION_PART.matcher(t);
        long millis = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double v = Double.parseDouble(m.group(1));
            millis += (long) (v * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                default -> 3_600_000;
            });
            end = m.end();
        }
        if (end != t.length() || t.isEmpty()) {
            throw new IllegalArgumentException(field + ": expected a duration such as 5s or 1m30s, got '" + text + "'");
        }
        return Duration.ofMillis(millis);
    }
}
