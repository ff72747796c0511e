package dev.kelpie.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealedSecrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kelpie unseal}: kubeseal's {@code --recovery-unseal}. SealedSecrets on stdin become the
 * Secrets the controller would create, on stdout.
 */
@Command(name = "unseal", description = "Unseal SealedSecrets with private keys (like kubeseal --recovery-unseal).")
public final class UnsealCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--key", "--recovery-private-key"}, required = true, paramLabel = "KEY",
            description = "private key: PEM (PKCS#1 or PKCS#8) or a key Secret backup; repeat or comma-separate")
    List<String> keys;

    @Option(names = {"-o", "--format"}, defaultValue = "json", description = "json (default) or yaml")
    String format;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "read SealedSecrets from FILE instead of stdin")
    Path file;

    @Override
    public Integer call() throws IOException {
        KeyRing ring = KeyArguments.ring(keys);
        SealedSecrets ss = SealedSecrets.defaults();
        List<JsonNode> out = new ArrayList<>();
        for (YamlDocument d : SealCommand.readInput(file, System.in)) {
            out.add(ss.unseal(Resource.of(d.tree(), d.origin()), ring).unsafeTree());
        }
        spec.commandLine().getOut().print(ObjectPrinter.print(out, format));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
