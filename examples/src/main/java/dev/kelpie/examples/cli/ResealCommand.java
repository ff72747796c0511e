package dev.kelpie.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealedSecrets;
import dev.kelpie.secrets.SealingKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kelpie reseal}: kubeseal's {@code --re-encrypt}, offline. Each SealedSecret on stdin is
 * unsealed with the keys and sealed again for {@code --cert} (or the newest key), same scope.
 */
@Command(name = "reseal", description = "Re-encrypt SealedSecrets for the newest key (like kubeseal --re-encrypt).")
public final class ResealCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--key", "--recovery-private-key"}, required = true, paramLabel = "KEY",
            description = "private key(s) that open the SealedSecrets")
    List<String> keys;

    @Option(names = "--cert", paramLabel = "CERT", description = "the certificate to seal for (default: the newest key's)")
    Path cert;

    @Option(names = {"-o", "--format"}, defaultValue = "json", description = "json (default) or yaml")
    String format;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "read SealedSecrets from FILE instead of stdin")
    Path file;

    @Override
    public Integer call() throws IOException {
        KeyRing ring = KeyArguments.ring(keys);
        SealedSecrets ss = SealedSecrets.defaults();
        SealingKey target = cert != null ? SealingKey.read(cert) : ring.sealingKey(Clock.systemUTC());
        List<JsonNode> out = new ArrayList<>();
        for (YamlDocument d : SealCommand.readInput(file, System.in)) {
            out.add(ss.reseal(Resource.of(d.tree(), d.origin()), ring, target).unsafeTree());
        }
        spec.commandLine().getOut().print(ObjectPrinter.print(out, format));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
