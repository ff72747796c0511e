package dev.kelpie.examples.cli;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlException;
import dev.kelpie.core.model.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads manifests from files, directories (recursively, *.yaml|*.yml|*.json) or {@code -} for stdin. */
final class ManifestInput {
    private ManifestInput() {
    }

    static String readText(String arg, InputStream stdin) {
        try {
            if (arg.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path p = Path.of(arg);
            if (!Files.exists(p)) {
                throw new YamlException(Origin.of(arg), "no such file");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new YamlException(Origin.of(arg), "cannot read: " + e.getMessage(), e);
        }
    }

    static List<Resource> read(List<String> args, InputStream stdin, YamlCodec codec) {
        List<Resource> out = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (!arg.equals("-") && Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(ManifestInput::isManifestFile).sorted().toList()) {
                        out.addAll(codec.readResources(f.toString(), readText(f.toString(), stdin)));
                    }
                } catch (IOException e) {
                    throw new YamlException(Origin.of(arg), "cannot read: " + e.getMessage(), e);
                }
            } else {
                out.addAll(codec.readResources(arg.equals("-") ? "<stdin>" : arg, readText(arg, stdin)));
            }
        }
        return out;
    }

    private static boolean isManifestFile(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }
}
