package dev.kelpie.examples.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kelpie fmt}: reads manifests, checks them (apiVersion, kind, metadata.name, no
 * duplicate objects) and prints them normalised as kubectl would.
 */
@Command(name = "fmt", description = "Check manifests and print them normalised.")
public final class FmtCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, description = "yaml (default) or json", defaultValue = "yaml")
    String output;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files or directories to read; - for stdin")
    List<String> files;

    @Override
    public Integer call() {
        YamlCodec codec = YamlCodec.defaults();
        List<Resource> resources = ManifestInput.read(files, System.in, codec);
        Manifests manifests = Manifests.of(resources);
        var out = spec.commandLine().getOut();
        switch (output) {
            case "yaml" -> out.print(codec.write(manifests));
            case "json" -> {
                if (manifests.size() == 1) {
                    out.print(codec.writeJson(manifests.list().get(0).unsafeTree()));
                } else {
                    ObjectNode list = JsonNodeFactory.instance.objectNode();
                    list.put("apiVersion", "v1");
                    var items = list.putArray("items");
                    manifests.forEach(r -> items.add(r.unsafeTree()));
                    list.put("kind", "List");
                    list.putObject("metadata");
                    out.print(codec.writeJson(list));
                }
            }
            default -> throw new ExitCodeException(2, "unknown output format \"" + output + "\" (yaml or json)");
        }
        out.flush();
        return 0;
    }
}
