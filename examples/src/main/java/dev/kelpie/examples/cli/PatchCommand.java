package dev.kelpie.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.JsonMergePatch;
import dev.kelpie.diff.JsonPatch;
import dev.kelpie.diff.KubectlJson;
import dev.kelpie.diff.PatchMetadata;
import dev.kelpie.diff.PatchSchema;
import dev.kelpie.diff.StrategicMerge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kelpie patch --local}: patches the objects of a file and prints them, as
 * {@code kubectl patch --local} does (strategic merge by default; custom resources need
 * {@code --type merge}).
 */
@Command(name = "patch", description = "Patch objects of a file locally, like kubectl patch --local.")
public final class PatchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--local", description = "patch the file only (the only mode; kept for kubectl compatibility)")
    boolean local;

    @Option(names = {"-f", "--filename"}, required = true, description = "file with the objects; - for stdin")
    String file;

    @Option(names = "--type", defaultValue = "strategic", description = "strategic (default), merge or json")
    String type;

    @Option(names = {"-p", "--patch"}, required = true, description = "the patch, JSON or YAML")
    String patch;

    @Option(names = {"-o", "--output"}, description = "json, yaml or name; default: a line per object")
    String output;

    @Override
    public Integer call() {
        if (!List.of("strategic", "merge", "json").contains(type)) {
            throw new ExitCodeException(1, "--type must be one of [json merge strategic], got \"" + type + "\"");
        }
        if (output != null && !List.of("json", "yaml", "name").contains(output)) {
            throw new ExitCodeException(1, "unknown output format \"" + output + "\" (json, yaml or name)");
        }
        YamlCodec codec = YamlCodec.defaults();
        List<Resource> objects = ManifestInput.read(List.of(file), System.in, codec);
        JsonNode patchTree = readPatch(codec);
        List<JsonNode> results = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        for (Resource r : objects) {
            ObjectNode original = r.object();
            JsonNode result = apply(r, original, patchTree);
            results.add(result);
            changed.add(!result.isObject() || !JsonMergePatch.create(original, result).isEmpty());
        }
        var out = spec.commandLine().getOut();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            Resource r = objects.get(i);
            if ("json".equals(output)) {
                out.println(KubectlJson.pretty(result));
            } else if ("yaml".equals(output)) {
                if (i > 0) {
                    out.print("---\n");
                }
                out.print(codec.write(result));
            } else {
                String name = resourceName(r);
                out.println("name".equals(output) ? name : name + " patched" + (changed.get(i) ? "" : " (no change)"));
            }
        }
        out.flush();
        return 0;
    }

    private JsonNode readPatch(YamlCodec codec) {
        try {
            var docs = codec.readDocuments("<patch>", patch);
            if (docs.size() != 1) {
                throw new ExitCodeException(1, "invalid JSON document: the patch must be one document");
            }
            return docs.get(0).tree();
        } catch (RuntimeException e) {
            if (e instanceof ExitCodeException x) {
                throw x;
            }
            throw new ExitCodeException(1, "invalid JSON document: " + e.getMessage());
        }
    }

    private JsonNode apply(Resource r, ObjectNode original, JsonNode patchTree) {
        try {
            switch (type) {
                case "json":
                    return JsonPatch.applyLikeKubectl(original, patchTree);
                case "merge":
                    return JsonMergePatch.applyLikeKubectl(original, patchTree);
                default:
                    PatchSchema schema = PatchMetadata.builtIn().schemaFor(r.apiVersion(), r.kind())
                            .orElseThrow(() -> new ExitCodeException(1, "strategic merge patch is not supported for "
                                    + r.apiVersion() + ", Kind=" + r.kind() + " locally, try --type merge"));
                    if (!patchTree.isObject()) {
                        throw new ExitCodeException(1, "invalid JSON document: a strategic merge patch must be an object");
                    }
                    return StrategicMerge.apply(original, patchTree, schema);
            }
        } catch (DiffException e) {
            throw new ExitCodeException(1, r.origin().file() + ": " + r.kind() + " " + r.name() + ": " + e.getMessage());
        }
    }

    static String resourceName(Resource r) {
        String group = r.apiVersion().contains("/") ? r.apiVersion().substring(0, r.apiVersion().indexOf('/')) : "";
        return r.kind().toLowerCase(Locale.ROOT) + (group.isEmpty() ? "" : "." + group) + "/" + r.name();
    }
}
