package dev.kelpie.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealedSecrets;
import java.io.IOException;
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

    @CommandLine.Mixin
    KeyedInput input;

    @Option(names = {"-o", "--format"}, defaultValue = "json", description = "json (default) or yaml")
    String format;

    @Override
    public Integer call() throws IOException {
        KeyRing ring = input.ring();
        SealedSecrets ss = SealedSecrets.defaults();
        List<JsonNode> out = new ArrayList<>();
        for (Resource r : input.sealedSecrets()) {
            out.add(ss.unseal(r, ring).unsafeTree());
        }
        spec.commandLine().getOut().print(ObjectPrinter.print(out, format));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
