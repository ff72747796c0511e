package dev.kelpie.examples.cli;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.secrets.KeyRing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options unseal, reseal and validate share: private keys and where SealedSecrets come from. */
final class KeyedInput {
    @Option(names = {"--key", "--recovery-private-key"}, required = true, paramLabel = "KEY",
            description = "private key: PEM (PKCS#1 or PKCS#8) or a key Secret backup; repeat or comma-separate")
    List<String> keys;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "read SealedSecrets from FILE instead of stdin")
    Path file;

    KeyRing ring() {
        return KeyArguments.ring(keys);
    }

    /** The SealedSecrets to work on, from the file or stdin. */
    List<Resource> sealedSecrets() throws IOException {
        List<Resource> out = new ArrayList<>();
        for (YamlDocument d : SealCommand.readInput(file, System.in)) {
            out.add(Resource.of(d.tree(), d.origin()));
        }
        return out;
    }
}
