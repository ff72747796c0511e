package dev.kelpie.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.diff.DiffResult;
import dev.kelpie.diff.Differ;
import dev.kelpie.diff.IgnoreRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kelpie diff}: compares desired objects with live ones as {@code kubectl diff} would
 * (three-way, with normalisation and ignore rules) and prints a unified diff. Exit 0 when in
 * sync, 1 when different, 2 on error.
 */
@Command(name = "diff", description = "Diff desired objects against live ones; exit 0 in sync, 1 different, 2 error.")
public final class DiffCommand implements Callable<Integer> {
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--desired", required = true, description = "file or directory with the desired objects")
    String desired;

    @Option(names = "--live", required = true, description = "file or directory with the live objects")
    String live;

    @Option(names = "--last-applied", description = "file with the last-applied objects "
            + "(default: the live objects' last-applied annotation)")
    String lastApplied;

    @Option(names = "--ignore", description = "YAML file with ignore rules, as Argo CD's ignoreDifferences list")
    String ignore;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (ExitCodeException e) {
            throw new ExitCodeException(2, e.getMessage());
        } catch (RuntimeException e) {
            throw new ExitCodeException(2, e.getMessage());
        }
    }

    private int run() {
        YamlCodec codec = YamlCodec.defaults();
        Map<ResourceId, Resource> liveById = byId(ManifestInput.read(List.of(live), System.in, codec));
        Map<ResourceId, Resource> lastById = lastApplied == null ? Map.of()
                : byId(ManifestInput.read(List.of(lastApplied), System.in, codec));
        Differ differ = Differ.builder().ignoreRules(ignore == null ? List.of() : readRules(codec)).build();
        var out = spec.commandLine().getOut();
        boolean different = false;
        for (Resource want : ManifestInput.read(List.of(desired), System.in, codec)) {
            Resource have = find(liveById, want.id());
            JsonNode last = null;
            Resource lastObject = find(lastById, want.id());
            if (lastObject != null) {
                last = lastObject.unsafeTree();
            } else if (have != null && have.annotations().containsKey(LAST_APPLIED)) {
                last = com.fasterxml.jackson.databind.node.TextNode.valueOf(have.annotations().get(LAST_APPLIED));
            }
            DiffResult r = differ.threeWay(last, want.unsafeTree(), have == null ? null : have.unsafeTree());
            if (r.modified()) {
                different = true;
                out.print(r.unifiedDiff(label(want)));
            }
        }
        out.flush();
        return different ? 1 : 0;
    }

    private static Resource find(Map<ResourceId, Resource> byId, ResourceId id) {
        Resource r = byId.get(id);
        if (r == null && !id.namespace().isEmpty()) {
            r = byId.get(id.withNamespace(""));
        }
        return r;
    }

    private static Map<ResourceId, Resource> byId(List<Resource> resources) {
        Map<ResourceId, Resource> out = new LinkedHashMap<>();
        resources.forEach(r -> out.put(r.id(), r));
        return out;
    }

    private static String label(Resource r) {
        String group = r.id().group();
        return (group.isEmpty() ? "" : group + ".") + r.id().version() + "." + r.kind()
                + (r.namespace().isEmpty() ? "" : "." + r.namespace()) + "." + r.name();
    }

    private List<IgnoreRule> readRules(YamlCodec codec) {
        List<IgnoreRule> rules = new ArrayList<>();
        for (var doc : codec.readDocuments(ignore, ManifestInput.readText(ignore, System.in))) {
            JsonNode tree = doc.tree();
            JsonNode list = tree.isArray() ? tree : tree.path("ignoreDifferences");
            int i = 0;
            for (JsonNode r : list) {
                String where = ignore + ": rule " + i++;
                if (!r.isObject()) {
                    throw new ExitCodeException(2, where + ": expected a map");
                }
                IgnoreRule.Builder b = IgnoreRule.builder()
                        .group(r.path("group").asText(""))
                        .kind(r.path("kind").asText(""))
                        .name(r.path("name").asText(""))
                        .namespace(r.path("namespace").asText(""));
                r.path("jsonPointers").forEach(p -> b.jsonPointer(p.asText()));
                r.path("jqPathExpressions").forEach(p -> b.jqPathExpression(p.asText()));
                r.path("managedFieldsManagers").forEach(p -> b.managedFieldsManager(p.asText()));
                try {
                    rules.add(b.build());
                } catch (IllegalArgumentException e) {
                    throw new ExitCodeException(2, where + ": " + e.getMessage());
                }
            }
        }
        return rules;
    }
}
