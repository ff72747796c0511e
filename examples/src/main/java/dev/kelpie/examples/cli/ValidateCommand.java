package dev.kelpie.examples.cli;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealedSecrets;
import dev.kelpie.secrets.Validation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kelpie validate}: kubeseal's {@code --validate}, offline. Exit 0 when every SealedSecret
 * unseals with the keys, 1 otherwise; values are never printed.
 */
@Command(name = "validate", description = "Check that SealedSecrets unseal with the keys, without printing values.")
public final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--key", "--recovery-private-key"}, required = true, paramLabel = "KEY", description = "private key(s)")
    List<String> keys;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "read SealedSecrets from FILE instead of stdin")
    Path file;

    @Override
    public Integer call() throws IOException {
        KeyRing ring = KeyArguments.ring(keys);
        SealedSecrets ss = SealedSecrets.defaults();
        int bad = 0;
        for (YamlDocument d : SealCommand.readInput(file, System.in)) {
            Validation v = ss.validate(Resource.of(d.tree(), d.origin()), ring);
            if (v instanceof Validation.NotUnsealable n) {
                spec.commandLine().getErr().println("error: " + n.message());
                bad++;
            } else {
                spec.commandLine().getOut().println(v.object() + ": ok");
            }
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return bad == 0 ? 0 : 1;
    }
}
